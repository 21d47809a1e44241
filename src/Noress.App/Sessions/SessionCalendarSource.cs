using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;

namespace Noress.App.Sessions;

/// <summary>
/// Convened and open sessions in everyone's calendar and feed: the people of the institutions called, and the
/// secretariat. The feed's UID is the invitation's (<see cref="Session.CalendarUid"/>), so both describe one event.
/// </summary>
public sealed class SessionCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<SessionsText> text) : ICalendarSource
{
    public string Kind => CalendarKinds.Session;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Set<Session>().AsNoTracking()
            .Where(s => (s.State == SessionState.Convened || s.State == SessionState.Open) && s.StartsAt >= fromUtc && s.StartsAt < toUtc)
            .ToListAsync(cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var session in sessions)
        {
            var institutions = await SessionBodies.VotingInstitutionsAsync(db, session, cancellationToken);
            entries.Add(new CalendarEntry(Kind, session.Id.ToString("N"), session.Title, session.StartsAt, AllDay: false,
                $"/sessions/{session.Id:N}", new CalendarAudience([], [.. institutions], Secretariat: true)));
        }

        return entries;
    }

    public string Describe(CalendarEntry entry) => text["Calendar.Session", entry.Subject];
}
