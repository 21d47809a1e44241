namespace Noress.App.Shared.RealTime;

/// <summary>Configuration section <c>RealTime</c>: which event bus carries live updates between nodes.</summary>
public sealed class RealTimeOptions
{
    public const string Section = "RealTime";

    /// <summary><see cref="EventBusKind.InProcess"/> for a single node; <see cref="EventBusKind.Redis"/> when several nodes serve the app.</summary>
    public EventBusKind Bus { get; set; } = EventBusKind.InProcess;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>redis:6379,password=...</c>; required when <see cref="Bus"/> is Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the Redis channels, so several deployments can share one Redis server.</summary>
    public string ChannelPrefix { get; set; } = "noress";
}

public enum EventBusKind
{
    InProcess,
    Redis,
}
