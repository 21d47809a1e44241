using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Committees;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Sessions.Decisions;
using Noress.App.Shared.Localization;

namespace Noress.App.Sessions;

/// <summary>A committee's meetings in its feed (convened, opened, closed, cancelled) and the decisions they took.</summary>
public sealed class CommitteeMeetingsActivitySource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CommitteesText> text) : ICommitteeActivitySource
{
    public async Task<IReadOnlyList<CommitteeActivity>> ListAsync(Guid committeeId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Set<Session>().AsNoTracking().Where(s => s.CommitteeId == committeeId && s.State != SessionState.Draft).ToListAsync(cancellationToken);
        var activity = new List<CommitteeActivity>();
        foreach (var meeting in meetings)
        {
            var title = PeopleText.Plain(meeting.Title) ?? string.Empty;
            var link = $"/sessions/{meeting.Id:N}";
            if (meeting.ConvenedAt is { } convened)
            {
                activity.Add(new(convened, CommitteeEvents.Meetings, text["Activity.MeetingConvened", title, NoressFormat.DateTime(meeting.StartsAt)], link));
            }

            if (meeting.OpenedAt is { } opened)
            {
                activity.Add(new(opened, CommitteeEvents.Meetings, text["Activity.MeetingOpened", title], link));
            }

            if (meeting.ClosedAt is { } closed)
            {
                activity.Add(new(closed, CommitteeEvents.Meetings, text["Activity.MeetingClosed", title], link));
            }
        }

        var ids = meetings.Select(m => m.Id).ToList();
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => ids.Contains(d.SessionId) && d.WithdrawnAt == null).ToListAsync(cancellationToken);
        activity.AddRange(decisions.Select(d => new CommitteeActivity(d.DecidedAt, CommitteeEvents.Decisions, text["Activity.Decision", d.Number, PeopleText.Plain(d.Text) ?? string.Empty], $"/decisions/{d.Id}")));
        return [.. activity.OrderByDescending(a => a.AtUtc).Take(take)];
    }
}
