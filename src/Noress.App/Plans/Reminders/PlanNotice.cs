using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Plans.Reminders;

/// <summary>
/// Proof that one plan notice (a weekly digest, a plenary's status report) reached one person: inserted with the
/// mail or notification in one transaction; its unique key turns a second run into a harmless conflict.
/// </summary>
public sealed class PlanNotice : Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>One of <see cref="PlanNoticeKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What the notice is about and when: the ISO week for a digest, the plenary and its date for a report.</summary>
    public required string Key { get; set; }

    public Guid RecipientId { get; set; }

    public DateTime SentAt { get; set; }
}

public static class PlanNoticeKinds
{
    public const string WeeklyDigest = "digest";
    public const string PlenaryConvened = "plenary.convened";
    public const string PlenarySoon = "plenary.soon";
}

/// <summary>An overdue action put on a plenary's agenda from the status report (at most once per action and plenary while the item stands).</summary>
public sealed class PlanAgendaItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ItemId { get; set; }

    public Guid SessionId { get; set; }

    public Guid AgendaItemId { get; set; }

    public Guid? AddedById { get; set; }

    public DateTime AddedAt { get; set; }
}

internal sealed class PlanNoticeConfiguration : IEntityTypeConfiguration<PlanNotice>
{
    public void Configure(EntityTypeBuilder<PlanNotice> builder)
    {
        builder.ToTable("PlanNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Key).HasMaxLength(100);
        builder.HasIndex(n => new { n.Kind, n.Key, n.RecipientId }).IsUnique();
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanAgendaItemConfiguration : IEntityTypeConfiguration<PlanAgendaItem>
{
    public void Configure(EntityTypeBuilder<PlanAgendaItem> builder)
    {
        builder.ToTable("PlanAgendaItems");
        builder.HasKey(a => a.Id);
        // Not unique and no key to the agenda: the secretariat may remove the item from the agenda (Sessions owns it),
        // and the action may then go on again; "already on that agenda" is checked against the agenda as it stands.
        builder.HasIndex(a => new { a.ItemId, a.SessionId });
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
