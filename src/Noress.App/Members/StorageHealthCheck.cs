using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Health;
using Noress.App.Shared.Uploads;

namespace Noress.App.Members;

/// <summary>
/// Reports the free space on the disk that holds <c>Storage:Root</c>. Below the threshold: Degraded, so
/// monitoring warns before uploads start failing; a storage root that cannot be read is Unhealthy.
/// </summary>
internal sealed class StorageHealthCheck(UploadStorage storage, IOptionsMonitor<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = storage.RootPath;
        try
        {
            var freeMegabytes = new DriveInfo(ExistingAncestor(root)).AvailableFreeSpace / (1024 * 1024);
            var threshold = options.CurrentValue.MinimumFreeDiskMegabytes;
            var data = new Dictionary<string, object> { ["freeMegabytes"] = freeMegabytes, ["thresholdMegabytes"] = threshold };
            var description = $"{freeMegabytes} MB free for uploaded files (threshold {threshold} MB).";
            return Task.FromResult(freeMegabytes < threshold
                ? HealthCheckResult.Degraded(description, data: data)
                : HealthCheckResult.Healthy(description, data));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The message may carry the folder's path: /health is public, so only the kind of failure is said.
            return Task.FromResult(HealthCheckResult.Unhealthy($"The storage folder cannot be used ({exception.GetType().Name})."));
        }
    }

    // The folder is created by the first upload; until then its disk is that of its nearest existing parent.
    private static string ExistingAncestor(string path)
    {
        var current = new DirectoryInfo(path);
        while (!current.Exists && current.Parent is { } parent)
        {
            current = parent;
        }

        return current.FullName;
    }
}
