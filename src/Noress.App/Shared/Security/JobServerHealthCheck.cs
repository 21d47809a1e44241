using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Noress.App.Shared.Security;

/// <summary>Healthy while at least one Hangfire server has sent a heartbeat recently.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock, JobServerHealthCheck.Startup startup) : IHealthCheck
{
    /// <summary>When the app was composed: a server has a minute to announce itself before its absence is unhealthy.</summary>
    internal sealed record Startup(DateTimeOffset At);

    // Hangfire servers beat every 30 seconds; two missed beats mean nobody is processing jobs.
    private static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - MaxSilence;
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && DateTime.SpecifyKind(beat, DateTimeKind.Utc) >= cutoff);
        var data = new Dictionary<string, object> { ["servers"] = servers.Count, ["alive"] = alive };
        if (alive > 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Job servers are alive.", data));
        }

        return Task.FromResult(clock.GetUtcNow() - startup.At < MaxSilence
            ? HealthCheckResult.Degraded("The job server is starting.", data: data)
            : HealthCheckResult.Unhealthy("No job server has sent a heartbeat in the last minute.", data: data));
    }
}
