using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Jobs;
using Noress.App.Shared.Time;

namespace Noress.App.Audit;

public static partial class AuditServiceCollectionExtensions
{
    public const string CheckpointJobId = "audit-checkpoint";
    public const string VerifyJobId = "audit-verify";

    public static IServiceCollection AddNoressAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.Validate() is null, "Audit:CheckpointKey and Audit:RetiredCheckpointKeys must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.AddScoped<CircuitHandler, AuditActorCircuitHandler>();
        services.AddScoped<AuditService>();
        services.AddSingleton<AuditCheckpointSigner>();
        services.AddSingleton<AuditMonitor>();
        services.AddHealthChecks().AddCheck<AuditHealthCheck>(AuditHealthCheck.Name, HealthStatus.Degraded, ["ready"]);
        services.AddRecurringJobs<AuditJobs>();
        services.AddHostedService<CheckpointKeyWarning>();
        return services;
    }

    /// <summary>After authentication, so the request's user is known.</summary>
    public static IApplicationBuilder UseNoressAuditActor(this IApplicationBuilder app) =>
        app.UseMiddleware<AuditActorMiddleware>();

    /// <summary>The quick check with a new checkpoint, and the full walk; an empty schedule removes the job.</summary>
    private sealed class AuditJobs(IOptions<AuditOptions> options) : IRecurringJobs
    {
        public void Register(IRecurringJobManager jobs)
        {
            var timeZone = new RecurringJobOptions { TimeZone = NoressClock.TimeZone };
            if (string.IsNullOrWhiteSpace(options.Value.CheckpointSchedule))
            {
                jobs.RemoveIfExists(CheckpointJobId);
            }
            else
            {
                jobs.AddOrUpdate<AuditMonitor>(CheckpointJobId, m => m.CheckpointAsync(CancellationToken.None), options.Value.CheckpointSchedule, timeZone);
            }

            if (string.IsNullOrWhiteSpace(options.Value.VerifySchedule))
            {
                jobs.RemoveIfExists(VerifyJobId);
            }
            else
            {
                jobs.AddOrUpdate<AuditMonitor>(VerifyJobId, m => m.VerifyAllAsync(CancellationToken.None), options.Value.VerifySchedule, timeZone);
            }
        }
    }

    /// <summary>Warns at start-up when production signs checkpoints with keys kept in the database it protects.</summary>
    private sealed partial class CheckpointKeyWarning(
        AuditCheckpointSigner signer, IHostEnvironment environment, ILogger<AuditMonitor> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction() && !signer.UsesConfiguredKey)
            {
                LogNoCheckpointKey(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Audit:CheckpointKey is not set: audit checkpoints are signed with Data Protection keys, which are stored in the database; set a key outside the database (ADR 0011)")]
        private static partial void LogNoCheckpointKey(ILogger logger);
    }
}
