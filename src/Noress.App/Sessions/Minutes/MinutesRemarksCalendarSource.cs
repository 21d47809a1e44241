using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;

namespace Noress.App.Sessions.Minutes;

/// <summary>
/// The deadline for remarks on circulated minutes, in the calendar of the body's members; the reminder rules of
/// <see cref="CalendarKinds.MinutesRemarks"/> (3 days and 1 day before) remind them through the usual machinery.
/// </summary>
public sealed class MinutesRemarksCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<MinutesText> text) : ICalendarSource
{
    public string Kind => CalendarKinds.MinutesRemarks;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from m in db.Set<SessionMinutes>().AsNoTracking()
                          join s in db.Set<Session>().AsNoTracking() on m.SessionId equals s.Id
                          where m.State == MinutesState.Circulated && m.RemarksUntil >= fromUtc && m.RemarksUntil < toUtc
                          select new { Session = s, m.RemarksUntil }).ToListAsync(cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var row in rows)
        {
            var institutions = await SessionBodies.VotingInstitutionsAsync(db, row.Session, cancellationToken);
            entries.Add(new CalendarEntry(Kind, row.Session.Id.ToString("N"), row.Session.Title, row.RemarksUntil!.Value, AllDay: false,
                MinutesService.Link(row.Session.Id), new CalendarAudience([], [.. institutions], Secretariat: true)));
        }

        return entries;
    }

    public string Describe(CalendarEntry entry) => text["Calendar.Remarks", entry.Subject];
}
