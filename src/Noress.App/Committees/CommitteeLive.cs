using Microsoft.Extensions.Logging;
using Noress.App.Shared.RealTime;

namespace Noress.App.Committees;

/// <summary>The kinds of change a committee's workspace follows on <see cref="Topics.Committee"/>.</summary>
public static class CommitteeEvents
{
    public const string Documents = "documents";
    public const string Meetings = "meetings";
    public const string Decisions = "decisions";
    public const string Recommendations = "recommendations";
    public const string Plan = "plan";
}

/// <summary>
/// Tells a committee's open workspaces, on every node, that something they show changed. Called after the change
/// is committed; the workspace reloads its feed and lists through the services (which check the viewer again).
/// </summary>
public sealed class CommitteeLive(IEventBus bus, ILogger<CommitteeLive> logger)
{
    public async Task ChangedAsync(Guid committeeId, string kind)
    {
        try
        {
            await bus.PublishAsync(Topics.Committee(committeeId), new BusEvent(kind), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The change is saved; the workspace catches up on its next reload.
            logger.LogWarning(e, "Could not announce {Kind} of committee {CommitteeId}", kind, committeeId);
        }
    }
}
