namespace Noress.App.Shared.Health;

/// <summary>Configuration section <c>Health</c>: thresholds of the readiness checks.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>More mails than this waiting in the outbox makes readiness Degraded (the mail server is likely down).</summary>
    public int OutboxBacklogThreshold { get; set; } = 500;

    /// <summary>Less free space than this (in MB) on the disk of <c>Storage:Root</c> makes readiness Degraded.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 1024;
}
