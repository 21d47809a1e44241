using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Data;
using Noress.App.Plans.Views;
using Noress.App.Shared.Time;

namespace Noress.App.Plans.Reminders;

/// <summary>
/// Open actions' due dates in their owner's calendar and feed, and so in the reminder rules of kind
/// <see cref="PlanReminders.Kind"/>: the owner is <see cref="PlanReminders.Owner"/>; an action nobody owns (or whose
/// owner may not read a committee's plan) goes to the secretariat instead, never to a non-member.
/// </summary>
public sealed class PlanCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<PlanRemindersText> text, TimeProvider clock) : ICalendarSource
{
    // Titles by entry key, from the latest listing: Describe gets the entry only, and answers in the reader's language.
    private readonly ConcurrentDictionary<string, (string Fr, string Ar, string? En)> titles = new(StringComparer.Ordinal);

    public string Kind => PlanReminders.Kind;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var fromDay = DateOnly.FromDateTime(NoressClock.ToLocal(fromUtc)).AddDays(-1);
        var toDay = DateOnly.FromDateTime(NoressClock.ToLocal(toUtc)).AddDays(1);
        var today = NoressClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actions = await db.Set<PlanItem>().AsNoTracking()
            .Where(i => i.Kind == PlanItemKind.Action && i.DueOn != null && i.DueOn >= fromDay && i.DueOn <= toDay
                && i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Cancelled)
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return [];
        }

        var planIds = actions.Select(a => a.PlanId).Distinct().ToList();
        var plans = await db.Set<ActionPlan>().AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var staff = await PlanAudiences.StaffAsync(db, cancellationToken);
        var readers = new Dictionary<Guid, IReadOnlySet<Guid>?>();
        foreach (var plan in plans.Values)
        {
            readers[plan.Id] = await PlanAudiences.ReadersAsync(db, plan, staff, today, cancellationToken);
        }

        var titulars = await PlanAudiences.TitularsAsync(db, [.. actions.Where(a => a.LeadInstitutionId != null).Select(a => a.LeadInstitutionId!.Value).Distinct()], today, cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var action in actions)
        {
            var dueAt = NoressClock.ToUtc(action.DueOn!.Value.ToDateTime(TimeOnly.MinValue));
            if (dueAt < fromUtc || dueAt >= toUtc)
            {
                continue;
            }

            var planReaders = readers[action.PlanId];
            var owner = PlanReminders.Owner(
                action.ResponsibleUserId,
                action.LeadInstitutionId is { } lead && titulars.TryGetValue(lead, out var titular) ? titular : null,
                person => planReaders is null || planReaders.Contains(person));
            var key = action.Id.ToString("N");
            titles[key] = (action.TitleFr, action.TitleAr, action.TitleEn);
            var audience = owner is { } person ? new CalendarAudience([person], [], Secretariat: false) : CalendarAudience.SecretariatOnly;
            entries.Add(new CalendarEntry(Kind, key, action.TitleFr, dueAt, AllDay: true, $"/action-plans/{action.PlanId}", audience));
        }

        return entries;
    }

    public string Describe(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var title = titles.TryGetValue(entry.Key, out var t) ? PlanNames.Title(t.Fr, t.Ar, t.En) : entry.Subject;
        return text["Calendar.ActionDue", title];
    }
}
