using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Calls.Jobs;

/// <summary>
/// Proof that one scheduled notice of a call (publication, closing, a deadline, evaluation or report reminder) reached
/// one person: inserted with the notification in one transaction; its unique key turns a second run into a no-op.
/// </summary>
public sealed class CallNotice : Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>One of <see cref="CallNoticeKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What the notice is about and for which date (a moved date is a new key, so it is told again).</summary>
    public required string Key { get; set; }

    public Guid RecipientId { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>The kinds of <see cref="CallNotice"/>.</summary>
public static class CallNoticeKinds
{
    public const string Published = "published";
    public const string Closed = "closed";
    public const string Deadline = "deadline";
    public const string Evaluation = "evaluation";
    public const string InterimReport = "report.interim";
    public const string FinalReport = "report.final";

    /// <summary>A reminder's kind with how many days before it was sent, e.g. "deadline.7".</summary>
    public static string Reminder(string kind, int days) => $"{kind}.{days}";
}

internal sealed class CallNoticeConfiguration : IEntityTypeConfiguration<CallNotice>
{
    public void Configure(EntityTypeBuilder<CallNotice> builder)
    {
        builder.ToTable("CallNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Key).HasMaxLength(100);
        builder.HasIndex(n => new { n.Kind, n.Key, n.RecipientId }).IsUnique();
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
