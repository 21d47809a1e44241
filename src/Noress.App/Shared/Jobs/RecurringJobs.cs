using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Noress.App.Shared.Jobs;

/// <summary>A feature's recurring jobs, declared by the feature and registered once the job storage is up.</summary>
public interface IRecurringJobs
{
    /// <summary>Declares the jobs; <see cref="IRecurringJobManager.AddOrUpdate"/> is idempotent across nodes.</summary>
    void Register(IRecurringJobManager jobs);
}

public static class RecurringJobsServiceCollectionExtensions
{
    /// <summary>Adds a feature's recurring jobs to those declared at start-up.</summary>
    public static IServiceCollection AddRecurringJobs<TJobs>(this IServiceCollection services)
        where TJobs : class, IRecurringJobs
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecurringJobs, TJobs>());
        return services;
    }

    /// <summary>The hosted service that declares every feature's recurring jobs at start-up.</summary>
    internal static IServiceCollection AddRecurringJobsRegistration(this IServiceCollection services) =>
        services.AddHostedService<RecurringJobsRegistration>();

    private sealed class RecurringJobsRegistration(IServiceProvider services, IEnumerable<IRecurringJobs> features, ILoggerFactory loggerFactory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Hangfire's log provider is process-wide: when several hosts share a process (tests), the last one
            // configured may already be disposed, so this host's own logging is put back before use.
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(loggerFactory));
            var jobs = services.GetRequiredService<IRecurringJobManager>();
            foreach (var feature in features)
            {
                feature.Register(jobs);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
