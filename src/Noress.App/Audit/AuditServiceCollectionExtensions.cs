using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        services.AddHostedService<AuditJobRegistration>();
        return services;
    }

    /// <summary>After authentication, so the request's user is known.</summary>
    public static IApplicationBuilder UseNoressAuditActor(this IApplicationBuilder app) =>
        app.UseMiddleware<AuditActorMiddleware>();

    /// <summary>The quick check with a new checkpoint, and the full walk; an empty schedule removes the job.</summary>
    private static void RegisterAuditJobs(IRecurringJobManager jobs, AuditOptions options)
    {
        var timeZone = new RecurringJobOptions { TimeZone = NoressClock.TimeZone };
        if (string.IsNullOrWhiteSpace(options.CheckpointSchedule))
        {
            jobs.RemoveIfExists(CheckpointJobId);
        }
        else
        {
            jobs.AddOrUpdate<AuditMonitor>(CheckpointJobId, m => m.CheckpointAsync(CancellationToken.None), options.CheckpointSchedule, timeZone);
        }

        if (string.IsNullOrWhiteSpace(options.VerifySchedule))
        {
            jobs.RemoveIfExists(VerifyJobId);
        }
        else
        {
            jobs.AddOrUpdate<AuditMonitor>(VerifyJobId, m => m.VerifyAllAsync(CancellationToken.None), options.VerifySchedule, timeZone);
        }
    }

    /// <summary>Declares the recurring jobs once this host's job storage is up; AddOrUpdate is idempotent across nodes.</summary>
    private sealed partial class AuditJobRegistration(
        IServiceProvider services, IOptions<AuditOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction() && !services.GetRequiredService<AuditCheckpointSigner>().UsesConfiguredKey)
            {
                LogNoCheckpointKey(loggerFactory.CreateLogger<AuditMonitor>());
            }

            // Hangfire's log provider is process-wide; put this host's back before use (see the notifications' registration).
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(loggerFactory));
            RegisterAuditJobs(services.GetRequiredService<IRecurringJobManager>(), options.Value);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Audit:CheckpointKey is not set: audit checkpoints are signed with Data Protection keys, which are stored in the database; set a key outside the database (ADR 0011)")]
        private static partial void LogNoCheckpointKey(ILogger logger);
    }
}
