using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Calendar.Reminders;

/// <summary>
/// "Remind <see cref="OffsetDays"/> days from the due date at <see cref="LocalTime"/> Casablanca time":
/// negative offsets come before the due date, positive ones are overdue reminders.
/// </summary>
public sealed class ReminderRule
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The <see cref="ICalendarSource.Kind"/> whose entries this rule reminds of.</summary>
    public required string SourceKind { get; set; }

    public int OffsetDays { get; set; }

    public TimeOnly LocalTime { get; set; } = new(9, 0);

    /// <summary>Also tells the secretariat (typically on overdue rules).</summary>
    public bool EscalateToSecretariat { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// Proof that one rule's reminder for one occurrence reached one person. Inserted before the notification,
/// in the same transaction; the unique index turns every duplicate attempt into a harmless conflict.
/// </summary>
public sealed class ReminderDispatch : Noress.App.Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RuleId { get; set; }

    /// <summary>See <see cref="Notifications.Outbox.IdempotencyKeys.Occurrence"/>.</summary>
    public required string OccurrenceKey { get; set; }

    public Guid RecipientId { get; set; }

    public Guid NotificationId { get; set; }

    public DateTime DispatchedAt { get; set; }
}

/// <summary>The source kinds known before their features exist, so the default rules can be seeded now.</summary>
public static class CalendarKinds
{
    public const string MouRenewal = "mou.renewal";
    public const string InvitationExpiry = "invitation.expiry";
    public const string Session = "session";
    public const string MinutesRemarks = "minutes.remarks";
    public const string PlanAction = "plan.action";
}

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.ToTable("ReminderRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SourceKind).HasMaxLength(64);
        builder.HasIndex(r => new { r.SourceKind, r.OffsetDays, r.LocalTime }).IsUnique();
        builder.HasData(
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a01", CalendarKinds.MouRenewal, -30, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a02", CalendarKinds.MouRenewal, -7, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a03", CalendarKinds.MouRenewal, -1, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a04", CalendarKinds.MouRenewal, 1, escalate: true),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a05", CalendarKinds.InvitationExpiry, -1, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a06", CalendarKinds.InvitationExpiry, 1, escalate: true),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a07", CalendarKinds.Session, -7, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a08", CalendarKinds.Session, -1, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a09", CalendarKinds.MinutesRemarks, -3, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0a", CalendarKinds.MinutesRemarks, -1, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0b", CalendarKinds.PlanAction, -7, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0c", CalendarKinds.PlanAction, -1, escalate: false),
            Rule("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0d", CalendarKinds.PlanAction, 1, escalate: false));
    }

    private static ReminderRule Rule(string id, string kind, int offsetDays, bool escalate) => new()
    {
        Id = Guid.Parse(id),
        SourceKind = kind,
        OffsetDays = offsetDays,
        LocalTime = new TimeOnly(9, 0),
        EscalateToSecretariat = escalate,
        IsActive = true,
    };
}

internal sealed class ReminderDispatchConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> builder)
    {
        builder.ToTable("ReminderDispatches");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.OccurrenceKey).HasMaxLength(200);
        builder.HasIndex(d => new { d.RuleId, d.OccurrenceKey, d.RecipientId }).IsUnique();
        builder.HasOne<ReminderRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
