using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        return services;
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
