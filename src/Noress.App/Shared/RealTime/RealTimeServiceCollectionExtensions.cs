using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Noress.App.Shared.RealTime;

public static class RealTimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IEventBus"/> chosen by the <c>RealTime</c> section: in-process for one node, or
    /// Redis for several, together with the SignalR Redis backplane and a Redis health check.
    /// </summary>
    public static IServiceCollection AddNoressRealTime(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RealTimeOptions.Section);
        var options = section.Get<RealTimeOptions>() ?? new RealTimeOptions();
        services.Configure<RealTimeOptions>(section);
        services.AddSingleton<InProcessEventBus>();

        if (options.Bus != EventBusKind.Redis)
        {
            services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<InProcessEventBus>());
            return services;
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            throw new InvalidOperationException($"{RealTimeOptions.Section}:Bus is Redis but {RealTimeOptions.Section}:Redis (the connection string) is empty.");
        }

        var redisConfiguration = ConfigurationOptions.Parse(options.Redis);
        // Reconnect by itself when Redis restarts; the health check reports the outage meanwhile.
        redisConfiguration.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisConfiguration));
        services.AddSingleton<RedisEventBus>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RedisEventBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisEventBus>());

        services.AddSignalR().AddStackExchangeRedis(options.Redis, o =>
        {
            o.Configuration.AbortOnConnectFail = false;
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"{options.ChannelPrefix}:signalr");
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [Health.HealthTags.Ready]);
        return services;
    }
}
