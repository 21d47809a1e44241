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
    private int scheduled;

    private TopicFollower(IEventBus bus, string topic, IReadOnlySet<string>? kinds, Func<Task> refresh, TimeSpan delay, TimeProvider clock)
    {
        this.refresh = refresh;
        this.delay = delay;
        this.clock = clock;
        subscription = bus.Subscribe(topic, message =>
        {
            if (kinds is null || kinds.Contains(message.Kind))
            {
                Request();
            }

            return Task.CompletedTask;
        });
    }

    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(750);

    public static TopicFollower Start(IEventBus bus, string topic, IReadOnlySet<string>? kinds, Func<Task> refresh, TimeProvider clock, TimeSpan? delay = null) =>
        new(bus, topic, kinds, refresh, delay ?? DefaultDelay, clock);

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
            await Task.Delay(delay, clock, stop.Token);
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
