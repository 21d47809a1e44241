using Microsoft.Extensions.Logging;
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
public sealed class SessionLive(IEventBus bus, ILogger<SessionLive> logger)
{
    public async Task ChangedAsync(Guid sessionId, string kind, string? payload = null)
    {
        try
        {
            await bus.PublishAsync(Topics.Session(sessionId), new BusEvent(kind, payload), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The change is saved; a bus hiccup must not turn it into an error. Screens catch up on their next reload.
            logger.LogWarning(e, "Could not announce {Kind} of session {SessionId}", kind, sessionId);
        }
    }
}
