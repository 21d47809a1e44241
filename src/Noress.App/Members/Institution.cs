using Noress.App.Data;

namespace Noress.App.Members;

/// <summary>A member institution of the network (one vote in plenary unless the rules say otherwise).</summary>
public sealed class Institution : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Unique short name in upper case, e.g. ODCO.</summary>
    public required string Acronym { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public InstitutionCategory Category { get; set; }

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>Generated file name of the logo under the storage root; never the uploaded name.</summary>
    public string? LogoFile { get; set; }

    public string? LogoContentType { get; set; }

    public MembershipStatus Status { get; set; } = MembershipStatus.Active;

    /// <summary>UTC date the institution joined the network.</summary>
    public DateTime? MemberSince { get; set; }

    public DateOnly? SuspendedOn { get; set; }

    public string? SuspensionReason { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    /// <summary>Seeded demonstration data, never real members.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

public enum MembershipStatus
{
    Active,
    Suspended,
    Withdrawn,
}
