using Noress.App.Data;

namespace Noress.App.Members.Mou;

/// <summary>Where one institution stands with the memorandum; one record per institution.</summary>
public sealed class MouSignature : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid InstitutionId { get; set; }

    public MouStatus Status { get; set; } = MouStatus.Invited;

    public DateOnly? InvitedOn { get; set; }

    public DateOnly? SignedOn { get; set; }

    public string? SignatoryName { get; set; }

    public DateOnly? CountersignedOn { get; set; }

    /// <summary>Date the signature stops being in force unless renewed.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateOnly? RenewedOn { get; set; }

    /// <summary>Generated file name of the signed scan under the storage root.</summary>
    public string? ScanFile { get; set; }

    /// <summary>The uploaded name, sanitised, offered back on download only.</summary>
    public string? ScanFileName { get; set; }

    public long? ScanSize { get; set; }

    public DateTime? ScanUploadedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

public enum MouStatus
{
    Invited,
    Signed,
    Countersigned,
    Expired,
    Renewed,
}
