using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Shared.Health;

namespace Noress.App.Notifications.Outbox;

/// <summary>
/// Reports the mail waiting in the outbox. A long backlog means mail is not leaving (SMTP down or refusing):
/// Degraded, not Unhealthy, because every node shares the outbox and taking nodes out would not help.
/// </summary>
internal sealed class OutboxBacklogHealthCheck(IDbContextFactory<NoressDbContext> dbFactory, IOptionsMonitor<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending);
        var count = await waiting.CountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTime?)null : await waiting.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        var ageMinutes = oldest is { } at ? Math.Max(0, Math.Round((clock.GetUtcNow().UtcDateTime - at).TotalMinutes, 1)) : 0;
        var threshold = options.CurrentValue.OutboxBacklogThreshold;
        var data = new Dictionary<string, object> { ["waiting"] = count, ["oldestMinutes"] = ageMinutes, ["threshold"] = threshold };
        var description = $"{count} mail(s) waiting in the outbox, the oldest for {ageMinutes} min (threshold {threshold}).";
        return count > threshold
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
