using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Noress.App.Shared.Circuits;

/// <summary>
/// The circuits this node holds (opened and not yet closed, connected or waiting for a reconnection), so a test or an
/// operator can see that the circuit of a closed page is released (ADR 0049).
/// </summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> open = new(StringComparer.Ordinal);

    /// <summary>How many circuits this node holds.</summary>
    public int Count => open.Count;

    /// <summary>The ids of the circuits this node holds now.</summary>
    public IReadOnlyCollection<string> Ids => [.. open.Keys];

    /// <summary>Completes when the circuit <paramref name="id"/> is closed (at once when it is not held).</summary>
    /// <param name="id">A circuit's id, from <see cref="Ids"/>.</param>
    public Task ClosedAsync(string id) => open.TryGetValue(id, out var closed) ? closed.Task : Task.CompletedTask;

    internal void Opened(string id) => open[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Closed(string id)
    {
        if (open.TryRemove(id, out var closed))
        {
            closed.TrySetResult();
        }
    }
}

/// <summary>Tells <see cref="OpenCircuits"/> when a circuit of this node opens and closes.</summary>
internal sealed class OpenCircuitsHandler(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed(circuit.Id);
        return Task.CompletedTask;
    }
}
