using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Noress.App.Plans.Grid;

/// <summary>
/// A circuit's plan presences: when its connection drops, its rows are no longer shown as being edited (the circuit
/// may live on for minutes waiting for a reconnection; the page disposes the presence when the circuit dies).
/// </summary>
public sealed class PlanPresenceCircuit : CircuitHandler
{
    private readonly List<PlanPresenceSession> sessions = [];

    public void Add(PlanPresenceSession session)
    {
        lock (sessions)
        {
            sessions.Add(session);
        }
    }

    public void Remove(PlanPresenceSession session)
    {
        lock (sessions)
        {
            sessions.Remove(session);
        }
    }

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        PlanPresenceSession[] open;
        lock (sessions)
        {
            open = [.. sessions];
        }

        foreach (var session in open)
        {
            await session.EditingAsync(null);
        }
    }
}
