using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Health;

namespace Noress.App.Shared.Uploads;

public static class UploadsServiceCollectionExtensions
{
    /// <summary>The upload scanner, and a readiness check of clamd when scanning is configured.</summary>
    public static IServiceCollection AddNoressUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UploadOptions.Section);
        services.Configure<UploadOptions>(section);
        services.AddSingleton<IValidateOptions<UploadOptions>, UploadOptionsValidator>();
        services.AddOptions<UploadOptions>().ValidateOnStart();
        services.AddSingleton<UploadScanner>();
        if ((section.Get<UploadOptions>() ?? new UploadOptions()).ScanningEnabled)
        {
            services.AddHealthChecks().AddCheck<ClamAvHealthCheck>("clamav", tags: [HealthTags.Ready]);
        }

        return services;
    }
}

/// <summary>A malformed scanner address stops the start instead of refusing every upload later.</summary>
internal sealed class UploadOptionsValidator : IValidateOptions<UploadOptions>
{
    public ValidateOptionsResult Validate(string? name, UploadOptions options)
    {
        if (!options.ScanningEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            ClamAvClient.ParseAddress(options.ClamAv!);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
