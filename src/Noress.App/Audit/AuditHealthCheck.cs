using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Noress.App.Audit;

/// <summary>
/// Readiness reports a broken audit chain as degraded, not unhealthy: the platform still serves, but whoever
/// watches /health sees that the record needs an administrator.
/// </summary>
public sealed class AuditHealthCheck(AuditMonitor monitor) : IHealthCheck
{
    public const string Name = "audit-chain";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await monitor.StatusAsync(cancellationToken);
        if (status.LastRun?.Break is { } broken)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Audit chain broken at sequence {broken.Sequence}: {broken.Reason}");
        }

        if (status.Checkpoint is { SignatureValid: false } checkpoint)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Audit checkpoint {checkpoint.Id} has an invalid signature");
        }

        return HealthCheckResult.Healthy(status.LastRun is null ? "Not verified yet" : $"Intact up to sequence {status.LastRun.Verified}");
    }
}
