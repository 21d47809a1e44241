using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.App.Sessions.Minutes;

/// <summary>
/// A session's minutes (procès-verbal): two co-edited documents in the session's space, French and Arabic,
/// from the draft generated at the close to the approved, frozen version whose PDFs' SHA-256 this row carries
/// into the audit chain.
/// </summary>
public sealed class SessionMinutes : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public Guid FrenchDocumentId { get; set; }

    public Guid ArabicDocumentId { get; set; }

    public MinutesState State { get; set; } = MinutesState.Draft;

    public DateTime GeneratedAt { get; set; }

    public DateTime? CirculatedAt { get; set; }

    /// <summary>Remarks (comments and suggestions on the documents) are awaited until then (UTC).</summary>
    public DateTime? RemarksUntil { get; set; }

    /// <summary>The MinutesApproval item of the later session that approves them.</summary>
    public Guid? ApprovalAgendaItemId { get; set; }

    public Guid? ApprovalVoteId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public Guid? FrenchLabelId { get; set; }

    public Guid? ArabicLabelId { get; set; }

    /// <summary>SHA-256 (hex) of the French PDF as stored and served.</summary>
    public string? FrenchPdfSha256 { get; set; }

    /// <summary>SHA-256 (hex) of the Arabic PDF as stored and served.</summary>
    public string? ArabicPdfSha256 { get; set; }

    /// <summary>When the background job last failed to print the PDFs (Chromium missing or failing); cleared by a retry.</summary>
    public DateTime? PdfFailedAt { get; set; }

    /// <summary>When the secretariat asked for PDFs of the draft that the background job has not stored yet.</summary>
    public DateTime? DraftPdfRequestedAt { get; set; }

    public Guid Version { get; set; }

    public Guid DocumentId(string culture) => culture == MinutesCultures.Arabic ? ArabicDocumentId : FrenchDocumentId;
}

public enum MinutesState
{
    /// <summary>Generated at the close; the secretariat prepares it.</summary>
    Draft,

    /// <summary>Sent to the members for remarks until <see cref="SessionMinutes.RemarksUntil"/>.</summary>
    Circulated,

    /// <summary>The approval vote is adopted and the documents frozen; the PDFs are being produced by a background job.</summary>
    Adopted,

    /// <summary>Frozen as a labelled version, PDFs stored and their hashes in the audit chain.</summary>
    Approved,
}

/// <summary>The two languages the minutes are kept in.</summary>
public static class MinutesCultures
{
    public const string French = "fr";
    public const string Arabic = "ar";

    public static readonly IReadOnlyList<string> All = [French, Arabic];
}

/// <summary>
/// A minutes' PDF, kept as served: the approved one (its hash is on the audited <see cref="SessionMinutes"/>; the
/// bytes stay out of the chain; never replaced), or the latest one of the draft, printed on request.
/// </summary>
public sealed class MinutesPdf : IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MinutesId { get; set; }

    public required string Culture { get; set; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>A PDF of the draft, replaced by the next one asked for; false for the approved record.</summary>
    public bool IsDraft { get; set; }

    /// <summary>The document version printed.</summary>
    public int DocumentVersion { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class SessionMinutesConfiguration : IEntityTypeConfiguration<SessionMinutes>
{
    public void Configure(EntityTypeBuilder<SessionMinutes> builder)
    {
        builder.ToTable("SessionMinutes");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.FrenchPdfSha256).HasMaxLength(64);
        builder.Property(m => m.ArabicPdfSha256).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.SessionId).IsUnique();
        builder.HasIndex(m => m.ApprovalAgendaItemId);
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(m => m.FrenchDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(m => m.ArabicDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(m => m.ApprovalAgendaItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MinutesPdfConfiguration : IEntityTypeConfiguration<MinutesPdf>
{
    public void Configure(EntityTypeBuilder<MinutesPdf> builder)
    {
        builder.ToTable("MinutesPdfs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Culture).HasMaxLength(8);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.HasIndex(p => new { p.MinutesId, p.Culture, p.IsDraft }).IsUnique();
        builder.HasOne<SessionMinutes>().WithMany().HasForeignKey(p => p.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}
