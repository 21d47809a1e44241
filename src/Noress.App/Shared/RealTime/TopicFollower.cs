namespace Noress.App.Shared.RealTime;

/// <summary>
/// Lets a page follow a bus topic live (a document's comments or history, a session's screens): events
/// are coalesced into one refresh after a short pause, so a burst of keystrokes or ballots costs one
/// reload, not one per event.
/// </summary>
public sealed class TopicFollower : IDisposable
{
    private readonly Func<Task> refresh;
    private readonly TimeSpan delay;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();
    private readonly IDisposable subscription;
    private readonly System.Collections.Concurrent.ConcurrentQueue<BusEvent>? pending;
    private int scheduled;

    private TopicFollower(IEventBus bus, string topic, IReadOnlySet<string>? kinds, Func<Task> refresh, TimeSpan delay, TimeProvider clock, bool keepEvents = false)
    {
        this.refresh = refresh;
        this.delay = delay;
        this.clock = clock;
        pending = keepEvents ? new() : null;
        subscription = bus.Subscribe(topic, message =>
        {
            if (kinds is null || kinds.Contains(message.Kind))
            {
                pending?.Enqueue(message);
                Request();
            }

            return Task.CompletedTask;
        });
    }

    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(750);

    public static TopicFollower Start(IEventBus bus, string topic, IReadOnlySet<string>? kinds, Func<Task> refresh, TimeProvider clock, TimeSpan? delay = null) =>
        new(bus, topic, kinds, refresh, delay ?? DefaultDelay, clock);

    /// <summary>
    /// As <see cref="Start"/>, but the refresh is given the events coalesced into it (in arrival order; empty when it was
    /// requested without an event), for pages that reload only what the events name.
    /// </summary>
    public static TopicFollower StartWithEvents(IEventBus bus, string topic, IReadOnlySet<string>? kinds, Func<IReadOnlyList<BusEvent>, Task> refresh, TimeProvider clock, TimeSpan? delay = null)
    {
        TopicFollower? follower = null;
        follower = new(bus, topic, kinds, () => refresh(follower!.TakePending()), delay ?? DefaultDelay, clock, keepEvents: true);
        return follower;
    }

    private List<BusEvent> TakePending()
    {
        var events = new List<BusEvent>();
        while (pending is not null && pending.TryDequeue(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Asks for a refresh; requests made before it runs join it.</summary>
    public void Request()
    {
        if (stop.IsCancellationRequested || Interlocked.Exchange(ref scheduled, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stop.Token);
            }
            else
            {
                // No pause: still off the publisher's thread, which may be another circuit's.
                await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            }

            Volatile.Write(ref scheduled, 0);
            await refresh();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page went away first.
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        stop.Cancel();
        stop.Dispose();
    }
}
