using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Health;

namespace Noress.App.Shared.Pdf;

public static partial class PdfServiceCollectionExtensions
{
    /// <summary>The PDF renderer (ADR 0018). Without Chromium the app starts and says so, unless <c>Pdf:Required</c>.</summary>
    public static IServiceCollection AddNoressPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PdfOptions>, PdfOptionsValidator>();
        services.AddSingleton<PdfRenderer>();
        services.AddHostedService<PdfAvailabilityLog>();
        services.AddHealthChecks().AddCheck<PdfHealthCheck>("pdf", tags: [HealthTags.Ready]);
        return services;
    }

    // Degraded, not unhealthy: a node without Chromium serves everything but PDFs, so it stays in the pool.
    private sealed class PdfHealthCheck(IOptions<PdfOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(options.Value.ResolveChromium() is not null
                ? HealthCheckResult.Healthy("Chromium found: PDF export available.")
                : HealthCheckResult.Degraded("Chromium not installed: PDF export unavailable (install chromium or set Pdf:ChromiumPath)."));
    }

    private sealed class PdfOptionsValidator : IValidateOptions<PdfOptions>
    {
        public ValidateOptionsResult Validate(string? name, PdfOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    // Said once at start, where an operator looks, rather than discovered at the first export.
    private sealed partial class PdfAvailabilityLog(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.ResolveChromium() is { } chromium)
            {
                LogAvailable(chromium);
            }
            else
            {
                LogMissing();
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "PDF export uses Chromium at {Path}")]
        private partial void LogAvailable(string path);

        [LoggerMessage(Level = LogLevel.Warning, Message = "PDF export is unavailable: Chromium is not installed (install the chromium package or set Pdf:ChromiumPath)")]
        private partial void LogMissing();
    }
}
