using Microsoft.AspNetCore.Components;

namespace Noress.App.Shared.RealTime;

/// <summary>
/// A component that follows one bus topic (a document, a session): events are coalesced by a
/// <see cref="TopicFollower"/>, the refresh runs on the component's renderer and re-renders it, and a failure
/// off the UI event loop still reaches the error boundary like any other.
/// </summary>
public abstract class FollowingComponent : ComponentBase, IDisposable
{
    private TopicFollower? follower;
    private string? followedTopic;

    [Inject]
    protected IEventBus Bus { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    /// <summary>Follows <paramref name="topic"/> (again only when it changes): events of <paramref name="kinds"/> (null: all) run <paramref name="refresh"/>.</summary>
    protected void Follow(string topic, IReadOnlySet<string>? kinds, Func<Task> refresh, TimeSpan? delay = null)
    {
        if (follower is not null && followedTopic == topic)
        {
            return;
        }

        follower?.Dispose();
        followedTopic = topic;
        follower = TopicFollower.Start(Bus, topic, kinds, () => InvokeAsync(async () =>
        {
            try
            {
                await refresh();
                StateHasChanged();
            }
            catch (Exception e)
            {
                await DispatchExceptionAsync(e);
            }
        }), Clock, delay);
    }

    /// <summary>
    /// As <see cref="Follow(string, IReadOnlySet{string}?, Func{Task}, TimeSpan?)"/>, but <paramref name="refresh"/> is given the
    /// events coalesced into it (empty for a <see cref="RequestRefresh"/>), so a page can reload only what they name.
    /// </summary>
    protected void Follow(string topic, IReadOnlySet<string>? kinds, Func<IReadOnlyList<BusEvent>, Task> refresh, TimeSpan? delay = null)
    {
        if (follower is not null && followedTopic == topic)
        {
            return;
        }

        follower?.Dispose();
        followedTopic = topic;
        follower = TopicFollower.StartWithEvents(Bus, topic, kinds, events => InvokeAsync(async () =>
        {
            try
            {
                await refresh(events);
                StateHasChanged();
            }
            catch (Exception e)
            {
                await DispatchExceptionAsync(e);
            }
        }), Clock, delay);
    }

    /// <summary>Asks the follower for a refresh, as an event of the topic would.</summary>
    protected void RequestRefresh() => follower?.Request();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            follower?.Dispose();
            follower = null;
        }
    }
}
