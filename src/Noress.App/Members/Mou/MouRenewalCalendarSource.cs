using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;
using Noress.App.Shared.Time;

namespace Noress.App.Members.Mou;

/// <summary>
/// Memorandum renewals: each signed memorandum is due for renewal on its expiry date (the last day in
/// force). The institution's people and the secretariat see it and are reminded by the default rules.
/// </summary>
public sealed class MouRenewalCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<MembersText> text) : ICalendarSource
{
    public string Kind => CalendarKinds.MouRenewal;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        // Whole Casablanca days around the range, then the exact UTC bounds once the due times are known.
        var firstDay = DateOnly.FromDateTime(NoressClock.ToLocal(fromUtc)).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(NoressClock.ToLocal(toUtc)).AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await (from s in db.Set<MouSignature>().AsNoTracking()
                         join i in db.Institutions on s.InstitutionId equals i.Id
                         where s.Status != MouStatus.Invited && s.ExpiresOn != null && s.ExpiresOn >= firstDay && s.ExpiresOn <= lastDay
                             && i.Status != MembershipStatus.Withdrawn
                         select new { s.Id, s.InstitutionId, i.Acronym, ExpiresOn = s.ExpiresOn!.Value })
            .ToListAsync(cancellationToken);
        return [.. due
            .Select(d => new CalendarEntry(
                Kind,
                d.Id.ToString("N"),
                d.Acronym,
                NoressClock.ToUtc(d.ExpiresOn.ToDateTime(TimeOnly.MinValue)),
                AllDay: true,
                $"/members/{Uri.EscapeDataString(d.Acronym)}",
                new CalendarAudience([], [d.InstitutionId], Secretariat: true)))
            .Where(e => e.DueAtUtc >= fromUtc && e.DueAtUtc < toUtc)];
    }

    public string Describe(CalendarEntry entry) => text["Calendar.MouRenewal", entry.Subject];
}
