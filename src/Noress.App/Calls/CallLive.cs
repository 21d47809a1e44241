using Noress.App.Shared.RealTime;

namespace Noress.App.Calls;

/// <summary>The kinds of change published on <see cref="Topics.Call"/>.</summary>
public static class CallEvents
{
    /// <summary>The call itself changed (schedule, form, grid, jurors, publication).</summary>
    public const string Call = "call";

    /// <summary>An application changed (saved, submitted, withdrawn); the payload is its id.</summary>
    public const string Application = "application";
}

/// <summary>Announces changes to a call's screens after the commit (never before: a screen reloads what is stored).</summary>
public sealed class CallLive(IEventBus bus)
{
    public Task CallChangedAsync(Guid callId, CancellationToken ct) =>
        bus.PublishAsync(Topics.Call(callId), new BusEvent(CallEvents.Call), ct);

    public Task ApplicationChangedAsync(Guid callId, Guid applicationId, CancellationToken ct) =>
        bus.PublishAsync(Topics.Call(callId), new BusEvent(CallEvents.Application, applicationId.ToString("N")), ct);
}
