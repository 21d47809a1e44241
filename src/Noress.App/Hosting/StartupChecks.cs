using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Shared.Email;
using Noress.App.Shared.Uploads;

namespace Noress.App.Hosting;

/// <summary>
/// Settings that would make a Production node misbehave later (mail nowhere, links built from a forged
/// Host, uploads inside the folder the next deployment replaces, benchmark-only persistence) stop the
/// start instead, each with one message that names the setting and the fix. ADR 0014.
/// </summary>
public static class StartupChecks
{
    public static IServiceCollection AddNoressStartupChecks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddOptions<AccountOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>();
        services.AddOptions<DocumentOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Runs every ValidateOnStart check now, before migrations touch the database; the host would only run
    /// them when it starts listening.
    /// </summary>
    public static void ValidateNoressSettings(this WebApplication app) =>
        app.Services.GetService<IStartupValidator>()?.Validate();
}
