namespace Noress.App.Audit;

/// <summary>Who is making the current change, as the audit trail records it.</summary>
public sealed record AuditActor(Guid? UserId, string? UserName)
{
    public static readonly AuditActor System = new(null, "system");
}

/// <summary>
/// Carries the acting person across async calls. Set per HTTP request by middleware and per
/// inbound circuit activity by a circuit handler, so services need not pass it around.
/// </summary>
public static class AuditActorContext
{
    private static readonly AsyncLocal<AuditActor?> Current = new();

    public static AuditActor Actor => Current.Value ?? AuditActor.System;

    public static IDisposable Use(AuditActor actor)
    {
        var previous = Current.Value;
        Current.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
