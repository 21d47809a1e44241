using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Uploads;

/// <summary>Ready only while clamd answers: with scanning configured, no upload can be stored without it.</summary>
internal sealed class ClamAvHealthCheck(IOptionsMonitor<UploadOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        try
        {
            return await new ClamAvClient(settings.ClamAv!, settings.ScanTimeout).PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The virus scanner answers.")
                : HealthCheckResult.Unhealthy("The virus scanner gave an unexpected answer to PING: uploads are refused.");
        }
        catch (ClamAvException exception)
        {
            return HealthCheckResult.Unhealthy($"The virus scanner is not reachable ({exception.Message}): uploads are refused.");
        }
    }
}
