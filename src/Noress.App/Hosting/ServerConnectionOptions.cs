using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Noress.App.Hosting;

/// <summary>How Kestrel treats the browsers' connections (section <c>Server</c>). ADR 0066.</summary>
public sealed class ServerConnectionOptions
{
    public const string Section = "Server";

    /// <summary>The default keep-alive: a page's load and the modules it imports right after fit in it.</summary>
    public const int DefaultKeepAliveSeconds = 15;

    /// <summary>The longest accepted: Kestrel's own default is 130 s.</summary>
    public const int MaxKeepAliveSeconds = 300;

    /// <summary>
    /// How long an idle HTTP connection stays open for a next request. A page lives on its WebSockets once loaded, so an
    /// idle connection only holds memory (buffers, its last request's headers); a later download pays one TCP handshake.
    /// </summary>
    public int KeepAliveSeconds { get; set; } = DefaultKeepAliveSeconds;
}

/// <summary>Applies <see cref="ServerConnectionOptions"/> to Kestrel; a value out of range stops the start.</summary>
public static class ServerConnectionSetup
{
    public static IServiceCollection AddNoressServerConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServerConnectionOptions>(configuration.GetSection(ServerConnectionOptions.Section));
        services.AddSingleton<IValidateOptions<ServerConnectionOptions>, ServerConnectionOptionsValidator>();
        services.AddOptions<ServerConnectionOptions>().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerConnectionOptions>>((kestrel, settings) =>
        {
            var seconds = settings.Value.KeepAliveSeconds;
            if (seconds is >= 1 and <= ServerConnectionOptions.MaxKeepAliveSeconds)
            {
                kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(seconds);
            }
        });
        return services;
    }
}

internal sealed class ServerConnectionOptionsValidator : IValidateOptions<ServerConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerConnectionOptions options) =>
        options.KeepAliveSeconds is >= 1 and <= ServerConnectionOptions.MaxKeepAliveSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Server:KeepAliveSeconds is {options.KeepAliveSeconds}: set a number of seconds from 1 to {ServerConnectionOptions.MaxKeepAliveSeconds}, " +
                $"or remove it for the default ({ServerConnectionOptions.DefaultKeepAliveSeconds})."));
}
