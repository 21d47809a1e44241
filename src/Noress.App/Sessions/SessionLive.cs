using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions;

/// <summary>The kinds of change a session's screens follow on <see cref="Topics.Session"/>.</summary>
public static class SessionEvents
{
    public const string State = "state";
    public const string Agenda = "agenda";
    public const string CurrentItem = "current-item";
    public const string Attendance = "attendance";
    public const string Vote = "vote";
    public const string Speakers = "speakers";
    public const string Election = "election";
    public const string Minutes = "minutes";
    public const string Rules = "rules";
}

/// <summary>
/// Tells every screen of a session, on every node (the bus is Redis when there are several), that something
/// changed. Called after the change is committed; screens reload what they show (<see cref="TopicFollower"/>).
/// </summary>
public sealed class SessionLive(IEventBus bus, ILogger<SessionLive> logger, IDbContextFactory<NoressDbContext> dbFactory)
{
    // A session never changes body, so its committee (or none) is looked up once per node.
    private readonly ConcurrentDictionary<Guid, Guid?> committeeOf = new();

    public async Task ChangedAsync(Guid sessionId, string kind, string? payload = null)
    {
        try
        {
            await bus.PublishAsync(Topics.Session(sessionId), new BusEvent(kind, payload), CancellationToken.None);
            // A committee meeting convened, held or deciding shows in the committee's workspace feed (ADR 0028).
            if (kind is SessionEvents.State or SessionEvents.Vote && await CommitteeOfAsync(sessionId) is { } committee)
            {
                await bus.PublishAsync(Topics.Committee(committee), new BusEvent(kind == SessionEvents.Vote ? CommitteeEvents.Decisions : CommitteeEvents.Meetings), CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The change is saved; a bus hiccup must not turn it into an error. Screens catch up on their next reload.
            logger.LogWarning(e, "Could not announce {Kind} of session {SessionId}", kind, sessionId);
        }
    }

    private async Task<Guid?> CommitteeOfAsync(Guid sessionId)
    {
        if (committeeOf.TryGetValue(sessionId, out var known))
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var committee = await db.Set<Session>().AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.CommitteeId).SingleOrDefaultAsync();
        committeeOf.TryAdd(sessionId, committee);
        return committee;
    }
}
