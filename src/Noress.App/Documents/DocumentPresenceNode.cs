using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Noress.App.Documents;

/// <summary>
/// Keeps this node's presence alive in Redis (ADR 0048): every keep-alive it renews its node key and writes its
/// connections' entries again (Redis may have restarted empty), and tells its editors that people held by a node
/// that died have left. On a clean stop its entries go at once.
/// </summary>
public sealed class DocumentPresenceNode(
    SharedDocumentPresence shared,
    DocumentPresence presence,
    IHubContext<DocumentHub> hub,
    IOptions<DocumentOptions> options,
    TimeProvider clock) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Alive before the first request: a person joining here is listed for the others at once.
        await shared.BeatAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await shared.ForgetNodeAsync();
    }

    /// <summary>One round: renew, rewrite this node's entries, and announce the departures of dead nodes' people.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await shared.BeatAsync();
        foreach (var (documentId, connections) in presence.Local())
        {
            foreach (var connection in connections)
            {
                await shared.SetAsync(documentId, connection);
            }

            var read = await shared.InAsync(documentId, cancellationToken);
            foreach (var connectionId in read.Gone)
            {
                await hub.Clients.Group(DocumentBroadcaster.Group(documentId)).SendAsync("PresenceLeft", documentId, connectionId, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.KeepAliveSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await BeatAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
