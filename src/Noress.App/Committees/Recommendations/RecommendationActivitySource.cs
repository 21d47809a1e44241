using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Localization;

namespace Noress.App.Committees.Recommendations;

/// <summary>The committee's recommendations in its feed: forwarded, then put on a plenary's agenda.</summary>
public sealed class RecommendationActivitySource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CommitteesText> text) : ICommitteeActivitySource
{
    public async Task<IReadOnlyList<CommitteeActivity>> ListAsync(Guid committeeId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CommitteeRecommendation>().AsNoTracking().Where(r => r.CommitteeId == committeeId)
            .OrderByDescending(r => r.ForwardedAt).Take(take).ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.ForwardedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var sessions = await AgendaRecords.SessionTitlesAsync(db, [.. rows.Where(r => r.SessionId != null).Select(r => r.SessionId!.Value).Distinct()], cancellationToken);
        var activity = new List<CommitteeActivity>();
        foreach (var row in rows)
        {
            var title = PeopleText.Plain(row.Title) ?? string.Empty;
            activity.Add(new(row.ForwardedAt, CommitteeEvents.Recommendations,
                text["Activity.Forwarded", PeopleText.Plain(names.GetValueOrDefault(row.ForwardedById)) ?? string.Empty, title], row.DocumentId is { } d ? $"/documents/{d}" : null));
            if (row is { ScheduledAt: { } at, SessionId: { } session })
            {
                activity.Add(new(at, CommitteeEvents.Recommendations, text["Activity.Scheduled", title, PeopleText.Plain(sessions.GetValueOrDefault(session)) ?? string.Empty], RecommendationService.SessionLink(session)));
            }
        }

        return [.. activity.OrderByDescending(a => a.AtUtc).Take(take)];
    }
}
