namespace Noress.App.Shared.Health;

/// <summary>
/// Tags that place a health check in /health/ready (everything a node needs to serve: database, job server,
/// Redis, clamd, outbox, disk) or /health/live (the process alone; no check today). A feature plugs its own
/// readiness check in by tagging it <see cref="Ready"/>.
/// </summary>
public static class HealthTags
{
    public const string Ready = "ready";

    public const string Live = "live";
}
