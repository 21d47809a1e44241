namespace Noress.App.Shared.RealTime;

/// <summary>
/// Publish/subscribe between components and services, across app nodes when Redis is
/// configured. Topics name who cares: <c>user:{id}</c>, <c>institution:{id}</c>, ...
/// </summary>
public interface IEventBus
{
    Task PublishAsync(string topic, BusEvent message, CancellationToken cancellationToken = default);

    /// <summary>Handlers run off the UI thread; components marshal with InvokeAsync.</summary>
    IDisposable Subscribe(string topic, Func<BusEvent, Task> handler);
}

/// <summary>A small event: what happened and an optional JSON payload.</summary>
public sealed record BusEvent(string Kind, string? Payload = null);

public static class Topics
{
    public static string User(Guid userId) => $"user:{userId:N}";

    public static string Institution(Guid institutionId) => $"institution:{institutionId:N}";

    /// <summary>A co-edited document: <c>updated</c> (accepted edits) and <c>annotations</c> (comments, suggestions).</summary>
    public static string Document(Guid documentId) => $"document:{documentId:N}";

    /// <summary>A session: anything that its screens show changed (<c>Sessions.SessionEvents</c> names the kinds).</summary>
    public static string Session(Guid sessionId) => $"session:{sessionId:N}";

    /// <summary>A committee's workspace: its documents, meetings, decisions, recommendations or plan changed (<c>Committees.CommitteeEvents</c>).</summary>
    public static string Committee(Guid committeeId) => $"committee:{committeeId:N}";
    /// <summary>An action plan: rows changed, added, moved or removed (<c>Plans.PlanEvents</c> names the kinds, <c>Plans.PlanChange</c> the payload).</summary>
    public static string Plan(Guid planId) => $"plan:{planId:N}";

    /// <summary>A call and its applications: the call or an application changed (<c>Calls.CallEvents</c> names the kinds).</summary>
    public static string Call(Guid callId) => $"call:{callId:N}";
}
