using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Audit;

/// <summary>
/// The chain's head is anchored by signed checkpoints (ADR 0011): deleting the newest entries, regrowing the tail or
/// forging a checkpoint is reported, and the administrators are told once. The recurring jobs are switched off and
/// their methods called directly, so nothing depends on Hangfire's timing.
/// </summary>
public sealed class AuditCheckpointTests
{
    private static readonly string CheckpointKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_NewestEntriesDeletedInTheDatabase_ReportsTheTruncation(DatabaseProvider provider)
    {
        await using var factory = Create(provider);
        var anchored = await VerifyAsAdministratorAsync(factory);
        Assert.True(anchored.IsIntact);

        await DeleteEntriesAfterAsync(factory, anchored.Verified - 3);
        var result = await VerifyAsAdministratorAsync(factory);

        Assert.False(result.IsIntact);
        Assert.Equal(new AuditChainBreak(anchored.Verified, AuditChainBreakReason.Truncated), result.Break);
        Assert.Equal(anchored.Verified - 3, result.Verified);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ScheduledCheck_Break_NotifiesEveryAdministratorOnceInTheAppAndByMail(DatabaseProvider provider)
    {
        await using var factory = Create(provider);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var anchored = await monitor.CheckpointAsync(CancellationToken.None);
        Assert.True(anchored.Verification.IsIntact);
        Assert.False(anchored.Alerted);

        await DeleteEntriesAfterAsync(factory, anchored.Verification.Verified - 2);
        var first = await monitor.CheckpointAsync(CancellationToken.None);
        var second = await monitor.CheckpointAsync(CancellationToken.None);
        var full = await monitor.VerifyAllAsync(CancellationToken.None);

        Assert.True(first.Alerted);
        Assert.False(second.Alerted);
        Assert.False(full.Alerted);
        // The alert's own notifications regrow the tail, which turns "truncated" into "mismatch" at the same anchored entry.
        Assert.All(new[] { first, second, full }, r => Assert.Equal(anchored.Verification.Verified, r.Verification.Break?.Sequence));
        await using var db = await DbAsync(factory);
        var administrators = await db.Users
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync();
        Assert.NotEmpty(administrators);
        var notified = await db.Notifications.Where(n => n.Category == AuditMonitor.NotificationCategory).ToListAsync();
        Assert.Equal(administrators.Select(a => a.Id).Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal(AuditMonitor.AuditPageLink, n.Link));
        var mails = await db.OutboxMessages.Where(m => m.Category == AuditMonitor.NotificationCategory).Select(m => m.ToAddress).ToListAsync();
        Assert.Equal(administrators.Select(a => a.Email!).Order(), mails.Order());
        Assert.Contains(notified, n => n.Title.Contains("chaîne est rompue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScheduledCheck_Break_ShowsOnStatusAndDegradesReadiness()
    {
        await using var factory = Create(DatabaseProvider.Sqlite);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var anchored = await monitor.CheckpointAsync(CancellationToken.None);
        var health = factory.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(r => r.Tags.Contains("ready"))).Entries[AuditHealthCheck.Name].Status);

        await DeleteEntriesAfterAsync(factory, anchored.Verification.Verified - 1);
        await monitor.CheckpointAsync(CancellationToken.None);

        var status = await monitor.StatusAsync(CancellationToken.None);
        Assert.Equal(new AuditChainBreak(anchored.Verification.Verified, AuditChainBreakReason.Truncated), status.LastRun?.Break);
        Assert.NotNull(status.LastRun?.AlertedAt);
        Assert.True(status.Checkpoint?.SignatureValid);
        var ready = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Degraded, ready.Entries[AuditHealthCheck.Name].Status);
    }

    [Fact]
    public async Task ScheduledCheck_WatchRowDeletedToSilenceTheAlert_StillAlerts()
    {
        await using var factory = Create(DatabaseProvider.Sqlite);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var head = (await monitor.CheckpointAsync(CancellationToken.None)).Verification.Verified;
        await DeleteEntriesAfterAsync(factory, head - 1);
        await using (var db = await DbAsync(factory))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditWatch\"");
        }

        var result = await monitor.CheckpointAsync(CancellationToken.None);

        Assert.True(result.Alerted);
        Assert.NotNull((await monitor.StatusAsync(CancellationToken.None)).LastRun?.Break);
    }

    [Fact]
    public async Task QuickCheck_TailDeletedThenRegrown_ReportsTheCheckpointMismatch()
    {
        await using var factory = Create(DatabaseProvider.Sqlite);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var head = (await monitor.CheckpointAsync(CancellationToken.None)).Verification.Verified;

        // The deleter lets the app append again: the chain is whole and longer than the checkpoint, but not the same.
        await DeleteEntriesAfterAsync(factory, head - 2);
        await RenameInstitutionsAsync(factory, count: 5);
        var quick = await monitor.CheckpointAsync(CancellationToken.None);
        var full = await monitor.VerifyAllAsync(CancellationToken.None);

        Assert.Equal(new AuditChainBreak(head, AuditChainBreakReason.CheckpointMismatch), quick.Verification.Break);
        Assert.Equal(new AuditChainBreak(head, AuditChainBreakReason.CheckpointMismatch), full.Verification.Break);
        Assert.True(await monitor.VerifyOnlyAsync(full: false, CancellationToken.None) is { IsIntact: false });
    }

    [Fact]
    public async Task ForgedCheckpoint_MatchingTheShorterChain_IsDetected()
    {
        await using var factory = Create(DatabaseProvider.Sqlite).With("Audit:CheckpointKey", CheckpointKey);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var head = (await monitor.CheckpointAsync(CancellationToken.None)).Verification.Verified;
        await DeleteEntriesAfterAsync(factory, head - 3);

        // Someone with database access, but not the key, signs a checkpoint for the shorter chain.
        await using (var db = await DbAsync(factory))
        {
            var latest = await db.AuditCheckpoints.OrderByDescending(c => c.Id).FirstAsync();
            var newHead = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
            var forged = new AuditCheckpoint
            {
                Id = latest.Id + 1,
                Sequence = newHead.Sequence,
                Hash = newHead.Hash,
                CreatedAt = latest.CreatedAt.AddMinutes(5),
                Signature = string.Empty,
            };
            var guessedKey = SHA256.HashData(Encoding.UTF8.GetBytes("not the platform's key"));
            forged.Signature = "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(guessedKey, Encoding.UTF8.GetBytes(AuditChain.CheckpointPayload(forged))));
            db.AuditCheckpoints.Add(forged);
            await db.SaveChangesAsync();
        }

        var result = await monitor.CheckpointAsync(CancellationToken.None);

        Assert.Equal(new AuditChainBreak(head - 3, AuditChainBreakReason.CheckpointForged), result.Verification.Break);
        Assert.True(result.Alerted);
        Assert.False((await monitor.StatusAsync(CancellationToken.None)).Checkpoint?.SignatureValid);
    }

    [Fact]
    public async Task NewestCheckpointDeletedWithTheEntries_ReportsTheMissingCheckpoint()
    {
        await using var factory = Create(DatabaseProvider.Sqlite);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();
        var older = (await monitor.CheckpointAsync(CancellationToken.None)).Verification.Verified;
        await RenameInstitutionsAsync(factory, count: 3);
        var newer = (await monitor.CheckpointAsync(CancellationToken.None)).Verification.Verified;
        Assert.True(newer > older);

        await DeleteEntriesAfterAsync(factory, older);
        await using (var db = await DbAsync(factory))
        {
            var latest = await db.AuditCheckpoints.MaxAsync(c => c.Id);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditCheckpoints\" WHERE \"Id\" = {latest}");
        }

        var result = await monitor.CheckpointAsync(CancellationToken.None);

        Assert.Equal(new AuditChainBreak(newer, AuditChainBreakReason.CheckpointMissing), result.Verification.Break);
    }

    [Fact]
    public async Task QuickCheck_IntactChain_AnchorsTheHeadAndThePageShowsIt()
    {
        await using var factory = Create(DatabaseProvider.Sqlite);
        var monitor = factory.Services.GetRequiredService<AuditMonitor>();

        var result = await monitor.CheckpointAsync(CancellationToken.None);

        await using var db = await DbAsync(factory);
        var head = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        var checkpoint = await db.AuditCheckpoints.SingleAsync();
        Assert.Equal(head.Sequence, result.Verification.Verified);
        Assert.Equal((head.Sequence, head.Hash), (checkpoint.Sequence, checkpoint.Hash));
        Assert.StartsWith("dp:", checkpoint.Signature, StringComparison.Ordinal);

        // Nothing new: no second checkpoint.
        await monitor.CheckpointAsync(CancellationToken.None);
        Assert.Equal(1, await db.AuditCheckpoints.CountAsync());

        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/administration/audit"));
        Assert.Contains("data-testid=\"audit-signature-valid\"", html, StringComparison.Ordinal);
        Assert.Contains(checkpoint.Hash[..16], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_RegistersBothRecurringJobsOnTheConfiguredSchedules_AndAnEmptyScheduleRemovesOne()
    {
        await using var factory = new NoressAppFactory().With("Audit:CheckpointSchedule", "*/3 * * * *").With("Audit:VerifySchedule", string.Empty);

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();

        var checkpoint = Assert.Single(jobs, j => j.Id == AuditServiceCollectionExtensions.CheckpointJobId);
        Assert.Equal("*/3 * * * *", checkpoint.Cron);
        Assert.Equal(nameof(AuditMonitor.CheckpointAsync), checkpoint.Job.Method.Name);
        Assert.DoesNotContain(jobs, j => j.Id == AuditServiceCollectionExtensions.VerifyJobId);
    }

    [Fact]
    public async Task Startup_DefaultSchedules_VerifyInFullAsWell()
    {
        await using var factory = new NoressAppFactory();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();

        Assert.Equal(new AuditOptions().CheckpointSchedule, Assert.Single(jobs, j => j.Id == AuditServiceCollectionExtensions.CheckpointJobId).Cron);
        Assert.Equal(new AuditOptions().VerifySchedule, Assert.Single(jobs, j => j.Id == AuditServiceCollectionExtensions.VerifyJobId).Cron);
    }

    private static NoressAppFactory Create(DatabaseProvider provider) =>
        new NoressAppFactory(provider).With("Audit:CheckpointSchedule", string.Empty).With("Audit:VerifySchedule", string.Empty);

    private static async Task<NoressDbContext> DbAsync(NoressAppFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();

    /// <summary>What someone with write access to the database does to hide the latest changes.</summary>
    private static async Task DeleteEntriesAfterAsync(NoressAppFactory factory, long sequence)
    {
        await using var db = await DbAsync(factory);
        var deleted = await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {sequence}");
        Assert.True(deleted > 0);
    }

    private static async Task RenameInstitutionsAsync(NoressAppFactory factory, int count)
    {
        await using var db = await DbAsync(factory);
        foreach (var institution in await db.Institutions.OrderBy(i => i.Acronym).Take(count).ToListAsync())
        {
            institution.City = $"City {Guid.NewGuid():N}";
        }

        await db.SaveChangesAsync();
    }

    private static async Task<AuditVerification> VerifyAsAdministratorAsync(NoressAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin@noress.test"), new Claim(ClaimTypes.Role, Roles.Administrator)], "Test"));
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await scope.ServiceProvider.GetRequiredService<AuditService>().VerifyAsync(CancellationToken.None);
    }
}
