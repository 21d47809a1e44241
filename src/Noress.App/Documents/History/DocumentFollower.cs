using Noress.App.Shared.RealTime;

namespace Noress.App.Documents.History;

/// <summary>
/// Lets a page that shows a document without an editor (comments, history) follow it live: events of the
/// document's bus topic are coalesced into one refresh after a short pause, so a burst of keystrokes by
/// every author costs one reload, not one per event.
/// </summary>
public sealed class DocumentFollower : IDisposable
{
    private readonly Func<Task> refresh;
    private readonly TimeSpan delay;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();
    private readonly IDisposable subscription;
    private int scheduled;

    private DocumentFollower(IEventBus bus, Guid documentId, IReadOnlySet<string> kinds, Func<Task> refresh, TimeSpan delay, TimeProvider clock)
    {
        this.refresh = refresh;
        this.delay = delay;
        this.clock = clock;
        subscription = bus.Subscribe(Topics.Document(documentId), message =>
        {
            if (kinds.Contains(message.Kind))
            {
                Request();
            }

            return Task.CompletedTask;
        });
    }

    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(750);

    /// <summary>Calls <paramref name="refresh"/> after events of the given kinds (<see cref="DocumentBroadcaster"/>'s).</summary>
    public static DocumentFollower Start(IEventBus bus, Guid documentId, IReadOnlySet<string> kinds, Func<Task> refresh, TimeProvider clock, TimeSpan? delay = null) =>
        new(bus, documentId, kinds, refresh, delay ?? DefaultDelay, clock);

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
