using System.Net;
using System.Text.Json;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Notifications;

namespace Noress.IntegrationTests.Security;

/// <summary>Liveness asks nothing; readiness asks every dependency and reports the outbox backlog and free disk space.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Ready_ReportsOutboxBacklogAndFreeDisk_DegradedPastTheirThresholds()
    {
        var storageRoot = Path.Combine(Path.GetTempPath(), $"noress-files-{Guid.NewGuid():N}");
        await using var factory = new NoressAppFactory()
            .With("Storage:Root", storageRoot)
            .With("Health:OutboxBacklogThreshold", "0")
            .With("Health:MinimumFreeDiskMegabytes", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"test:{Guid.NewGuid():N}",
                ToAddress = "sam@example.org",
                ToName = "Sam",
                Culture = "fr",
                Category = "accounts",
                Subject = "En attente",
                HtmlBody = "<p>Bonjour</p>",
                TextBody = "Bonjour",
                CreatedAt = DateTime.UtcNow.AddMinutes(-30),
                // Not due: the outbox job leaves it waiting during the test.
                NextAttemptAt = DateTime.UtcNow.AddDays(1),
            });
            return await db.SaveChangesAsync();
        });

        var response = await factory.CreateAnonymousClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        // Degraded keeps the node in the pool (200): a backlog or a filling disk is for monitoring, not for the load balancer.
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var entries = json.RootElement.GetProperty("entries");
        var outbox = entries.GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal(1, outbox.GetProperty("data").GetProperty("waiting").GetInt32());
        Assert.True(outbox.GetProperty("data").GetProperty("oldestMinutes").GetDouble() >= 29);
        var storage = entries.GetProperty("storage");
        Assert.Equal("Degraded", storage.GetProperty("status").GetString());
        Assert.True(storage.GetProperty("data").GetProperty("freeMegabytes").GetInt64() > 0);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_UnderThresholds_IsHealthyForOutboxAndDisk()
    {
        await using var factory = new NoressAppFactory().With("Storage:Root", Path.Combine(Path.GetTempPath(), $"noress-files-{Guid.NewGuid():N}"));

        var body = await factory.CreateAnonymousClient().GetStringAsync("/health/ready");

        using var json = JsonDocument.Parse(body);
        var entries = json.RootElement.GetProperty("entries");
        Assert.Equal("Healthy", entries.GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_WithoutTheDatabase_IsOk_WhileReadinessIsNot()
    {
        await using var factory = new NoressAppFactory(DatabaseProvider.PostgreSql);
        var client = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        TestPostgres.DropDatabase(factory.ConnectionString);

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var legacy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using (var json = JsonDocument.Parse(await live.Content.ReadAsStringAsync()))
        {
            Assert.Empty(json.RootElement.GetProperty("entries").EnumerateObject());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());
        }

        // The address deployments already probe answers as readiness.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, legacy.StatusCode);
    }
}
