using Hangfire.InMemory;
using Hangfire.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Shared.Security;

namespace Noress.Tests.Security;

public sealed class JobServerHealthCheckTests
{
    private readonly InMemoryStorage storage = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Check_NoServerLongAfterStartup_IsUnhealthy()
    {
        var check = new JobServerHealthCheck(storage, clock, new(clock.GetUtcNow().AddMinutes(-2)));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Check_NoServerJustAfterStartup_IsDegraded()
    {
        var check = new JobServerHealthCheck(storage, clock, new(clock.GetUtcNow()));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task Check_ServerWithRecentHeartbeat_IsHealthy()
    {
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("server-1", new ServerContext { Queues = ["default"], WorkerCount = 1 });
        }

        var check = new JobServerHealthCheck(storage, clock, new(clock.GetUtcNow().AddMinutes(-2)));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Check_ServerSilentForTwoMinutes_IsUnhealthy()
    {
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("server-1", new ServerContext { Queues = ["default"], WorkerCount = 1 });
        }

        var check = new JobServerHealthCheck(storage, clock, new(clock.GetUtcNow().AddMinutes(-5)));
        clock.Advance(TimeSpan.FromMinutes(2));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
