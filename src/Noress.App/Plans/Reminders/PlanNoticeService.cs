using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Audit;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Plans.Views;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Time;

namespace Noress.App.Plans.Reminders;

/// <summary>
/// The plans' jobs besides the owners' reminders (which the calendar's reminder rules send): the weekly digest to each
/// committee's people and the status report notice to the secretariat before each plenary. Each send inserts a
/// <see cref="PlanNotice"/> with its mail or notification in one transaction; a second run meets the unique key.
/// </summary>
public sealed class PlanNoticeService(
    IDbContextFactory<NoressDbContext> dbFactory,
    NotificationService notifications,
    NotificationMails mails,
    NotificationPreferenceService preferences,
    IStringLocalizer<PlanRemindersText> text,
    TimeProvider clock)
{
    /// <summary>Queues this week's digest for every committee's people who have something in it; returns how many mails.</summary>
    public async Task<int> SendWeeklyDigestsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = NoressClock.Today(clock);
        var week = PlanReminders.WeekKey(today);
        var sections = new Dictionary<Guid, List<DigestSection>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var plans = await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Kind == PlanKind.Thematic && p.CommitteeId != null).ToListAsync(cancellationToken);
            foreach (var plan in plans)
            {
                var section = await SectionAsync(db, plan, now, today, cancellationToken);
                if (section is null)
                {
                    continue;
                }

                foreach (var person in await PlanAudiences.CommitteePeopleAsync(db, plan.CommitteeId!.Value, today, cancellationToken))
                {
                    (sections.TryGetValue(person, out var list) ? list : sections[person] = []).Add(section);
                }
            }
        }

        var queued = 0;
        foreach (var (person, personSections) in sections)
        {
            queued += await QueueDigestAsync(person, week, personSections, now, cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    /// <summary>
    /// Tells the staff the status report is ready when a plenary is convened and again <see cref="PlanReminders.PlenaryNoticeDays"/>
    /// days before it; returns how many notifications this run created.
    /// </summary>
    public async Task<int> NotifyPlenariesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<PreparedPlenary> plenaries;
        HashSet<Guid> staff;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            plenaries = [.. (await AgendaRecords.PreparedPlenariesAsync(db, now, cancellationToken)).Where(p => p.State == Sessions.SessionState.Convened)];
            staff = await PlanAudiences.StaffAsync(db, cancellationToken);
        }

        var created = 0;
        foreach (var plenary in plenaries)
        {
            // The session and its date: a plenary moved to another day gets its notices again.
            var key = $"{plenary.Id:N}:{plenary.StartsAt.ToString("yyyyMMddTHHmm", System.Globalization.CultureInfo.InvariantCulture)}";
            var kinds = new List<string> { PlanNoticeKinds.PlenaryConvened };
            if (plenary.StartsAt - now <= TimeSpan.FromDays(PlanReminders.PlenaryNoticeDays))
            {
                kinds.Add(PlanNoticeKinds.PlenarySoon);
            }

            foreach (var kind in kinds)
            {
                foreach (var person in staff)
                {
                    created += await NotifyOnceAsync(kind, key, person, plenary, now, cancellationToken) ? 1 : 0;
                }
            }
        }

        return created;
    }

    private async Task<bool> NotifyOnceAsync(string kind, string key, Guid person, PreparedPlenary plenary, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<PlanNotice>().AnyAsync(n => n.Kind == kind && n.Key == key && n.RecipientId == person, cancellationToken))
        {
            return false;
        }

        var culture = await db.Users.AsNoTracking().Where(u => u.Id == person).Select(u => u.PreferredCulture).SingleAsync(cancellationToken);
        var (title, body) = NotificationMails.InCulture(culture, () => (
            text[kind == PlanNoticeKinds.PlenaryConvened ? "Notice.Convened.Title" : "Notice.Soon.Title", PeopleText.Plain(plenary.Title) ?? string.Empty].Value,
            text["Notice.Body", NoressFormat.LongDateTime(plenary.StartsAt)].Value));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Add(new PlanNotice { Kind = kind, Key = key, RecipientId = person, SentAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await notifications.AddAsync(db, person, NotificationCategories.Plans, title, body, PlanStatusReportService.Link, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run sent it first: the unique key kept this one out.
            return false;
        }

        await notifications.PublishChangedAsync(person, cancellationToken);
        return true;
    }

    private async Task<bool> QueueDigestAsync(Guid person, string week, IReadOnlyList<DigestSection> sections, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == person)
            .Select(u => new { u.Email, u.FullName, u.PreferredCulture, u.IsActive }).SingleAsync(cancellationToken);
        var delivery = (await preferences.GetAsync(person, cancellationToken))[NotificationCategories.Plans];
        if (!recipient.IsActive || string.IsNullOrWhiteSpace(recipient.Email) || delivery == EmailDelivery.Off
            || await db.Set<PlanNotice>().AnyAsync(n => n.Kind == PlanNoticeKinds.WeeklyDigest && n.Key == week && n.RecipientId == person, cancellationToken))
        {
            return false;
        }

        var mail = NotificationMails.InCulture(recipient.PreferredCulture, () => mails.Compose(
            recipient.PreferredCulture, recipient.Email!, recipient.FullName, text["Digest.Subject", week].Value, [.. sections.SelectMany(Items)]));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Add(new PlanNotice { Kind = PlanNoticeKinds.WeeklyDigest, Key = week, RecipientId = person, SentAt = now });
            OutboxMail.Add(db, mail, $"plans-digest:{person:N}:{week}", recipient.PreferredCulture, NotificationCategories.Plans, person, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>The digest's lines for one committee, in the recipient's culture (called inside InCulture).</summary>
    private IEnumerable<MailItem> Items(DigestSection section)
    {
        var committee = CommitteeText.Name(section.Committee);
        var link = $"/action-plans/{section.PlanId}";
        foreach (var (heading, actions) in new[] { ("Digest.Overdue", section.Overdue), ("Digest.DueSoon", section.DueSoon), ("Digest.Changed", section.Changed) })
        {
            foreach (var action in actions)
            {
                yield return new MailItem(
                    $"{committee} · {text[heading]} · {PlanNames.Title(action.TitleFr, action.TitleAr, action.TitleEn)}",
                    text["Digest.Details", NoressFormat.Date(action.DueOn), action.Progress],
                    link,
                    null);
            }
        }
    }

    /// <summary>One committee's plan this week: overdue, due in the next two weeks, changed in the last seven days; null when all are empty.</summary>
    private static async Task<DigestSection?> SectionAsync(NoressDbContext db, ActionPlan plan, DateTime now, DateOnly today, CancellationToken ct)
    {
        var actions = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id && i.Kind == PlanItemKind.Action).ToListAsync(ct);
        if (actions.Count == 0)
        {
            return null;
        }

        var since = now.AddDays(-7);
        var history = await AuditHistory.FindAsync(db, [.. actions.Select(a => new AuditSelector(nameof(PlanItem), EntityId: a.Id.ToString()))], 1000, ct);
        var changed = history.Where(h => h.OccurredAt >= since).Select(h => h.EntityId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var overdue = actions.Where(a => PlanRules.IsLate(a.DueOn, a.Status, today)).OrderBy(a => a.DueOn).ToList();
        var dueSoon = actions.Where(a => PlanReminders.IsDueSoon(a.DueOn, a.Status, today)).OrderBy(a => a.DueOn).ToList();
        var recent = actions.Where(a => changed.Contains(a.Id.ToString()) && !overdue.Contains(a) && !dueSoon.Contains(a)).ToList();
        if (overdue.Count + dueSoon.Count + recent.Count == 0)
        {
            return null;
        }

        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == plan.CommitteeId, ct);
        return new DigestSection(plan.Id, committee, overdue, dueSoon, recent);
    }

    private sealed record DigestSection(Guid PlanId, Committee Committee, IReadOnlyList<PlanItem> Overdue, IReadOnlyList<PlanItem> DueSoon, IReadOnlyList<PlanItem> Changed);
}
