using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SaveChanges_Update_RecordsOldAndNewValuesAndActor()
    {
        var actorId = Guid.NewGuid();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        Guid institutionId;
        string oldName;
        await using (var db = await dbFactory.CreateDbContextAsync())
        using (AuditActorContext.Use(new AuditActor(actorId, "auditor@noress.test")))
        {
            var institution = await db.Institutions.OrderBy(i => i.Id).FirstAsync();
            institutionId = institution.Id;
            oldName = institution.NameFr;
            institution.NameFr = "Renamed for audit";
            await db.SaveChangesAsync();
        }

        var row = (await SearchAsAdministratorAsync(new AuditQuery(EntityType: "Institution", Action: AuditAction.Update))).Rows.First();

        Assert.Equal(institutionId.ToString(), row.EntityId);
        Assert.Equal("auditor@noress.test", row.UserName);
        var change = Assert.Single(row.Changes, c => c.Field == "NameFr");
        Assert.Equal(oldName, change.Old);
        Assert.Equal("Renamed for audit", change.New);
        await using var check = await dbFactory.CreateDbContextAsync();
        Assert.Equal(actorId, (await check.AuditEntries.SingleAsync(a => a.Sequence == row.Sequence)).UserId);
    }

    [Fact]
    public async Task SaveChanges_StaleVersion_FailsOnceWithoutBurningTheAuditChainRetries()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        await using var first = await dbFactory.CreateDbContextAsync();
        await using var second = await dbFactory.CreateDbContextAsync();
        var id = (await first.Institutions.OrderBy(i => i.Id).FirstAsync()).Id;
        var stale = await second.Institutions.SingleAsync(i => i.Id == id);
        var winner = await first.Institutions.SingleAsync(i => i.Id == id);
        winner.NameFr = "Renamed first";
        winner.Version = Guid.NewGuid();
        await first.SaveChangesAsync();

        stale.NameFr = "Renamed from a stale read";
        stale.Version = Guid.NewGuid();
        using var failures = new SaveFailureCounter(second);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // Saving again cannot cure a stale version token: one failure, then the caller merges.
        Assert.Equal(1, failures.Count);
        await using var check = await dbFactory.CreateDbContextAsync();
        Assert.Equal("Renamed first", (await check.Institutions.SingleAsync(i => i.Id == id)).NameFr);
    }

    [Fact]
    public async Task SaveChanges_OutboxMessage_IsNotCopiedIntoTheTrail()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.OutboxMessages.Add(new Noress.App.Notifications.Outbox.OutboxMessage
            {
                IdempotencyKey = "audit-test",
                ToAddress = "someone@noress.test",
                ToName = "Someone",
                Culture = "fr-MA",
                Category = "Accounts",
                Subject = "Secret link",
                HtmlBody = "<p>secret</p>",
                TextBody = "secret",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var check = await dbFactory.CreateDbContextAsync();
        Assert.False(await check.AuditEntries.AnyAsync(a => a.EntityType == "OutboxMessage"));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "Institution"));
    }

    [Fact]
    public async Task HttpRequest_ChangeWhileAnonymous_IsRecordedAsAnonymousNotSystem()
    {
        var client = factory.CreateAnonymousClient();

        await client.PostLoginAsync("member@noress.demo", "wrong-password-1");

        var row = (await SearchAsAdministratorAsync(new AuditQuery(EntityType: "NoressUser", Action: AuditAction.Update))).Rows.First();
        Assert.Equal("anonymous", row.UserName);
        Assert.Contains(row.Changes, c => c.Field == "AccessFailedCount");
    }

    [Fact]
    public async Task Verify_IntactChain_ReportsOk()
    {
        var result = await VerifyAsAdministratorAsync();

        Assert.True(result.IsIntact);
        Assert.True(result.Verified > 0);
    }

    [Fact]
    public async Task Verify_RowTamperedWithRawSql_NamesThatSequence()
    {
        var target = await MiddleSequenceAsync();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = {"{}"} WHERE \"Sequence\" = {target}");
        }

        var result = await VerifyAsAdministratorAsync();

        Assert.Equal(new AuditChainBreak(target, AuditChainBreakReason.ContentAltered), result.Break);
        Assert.Equal(target - 1, result.Verified);
    }

    [Fact]
    public async Task Verify_RowDeleted_NamesTheMissingSequence()
    {
        var target = await MiddleSequenceAsync();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {target}");
        }

        var result = await VerifyAsAdministratorAsync();

        Assert.Equal(new AuditChainBreak(target, AuditChainBreakReason.MissingEntry), result.Break);
    }

    [Fact]
    public async Task Verify_ChainLongerThanOneBatch_TamperInLaterBatchIsFound()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        for (var round = 0; round < 100 && await CountAsync(dbFactory) <= AuditService.VerifyBatchSize + 10; round++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            foreach (var institution in await db.Institutions.ToListAsync())
            {
                institution.City = $"City {round}";
            }

            await db.SaveChangesAsync();
        }

        Assert.True(await CountAsync(dbFactory) > AuditService.VerifyBatchSize + 10);
        var target = (long)AuditService.VerifyBatchSize + 3;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = {"intruder"} WHERE \"Sequence\" = {target}");
        }

        var result = await VerifyAsAdministratorAsync();

        Assert.Equal(new AuditChainBreak(target, AuditChainBreakReason.ContentAltered), result.Break);
    }

    [Fact]
    public async Task Service_Member_IsRefused()
    {
        await using var scope = ScopeAs(Principal(Roles.Member));
        var service = scope.ServiceProvider.GetRequiredService<AuditService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.VerifyAsync(CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SearchAsync(new AuditQuery(), 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AuditPage_Member_IsForbidden()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/administration/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task AuditPage_Administrator_RendersTheLog()
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");

        var response = await client.GetAsync("/administration/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"audit-verify\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministrationIndex_Secretariat_SeesHealthButNotAdministratorTools()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var html = await client.GetStringAsync("/administration");

        Assert.Contains("data-testid=\"tool-health\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tool-audit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FilterByUserAndDates_ReturnsOnlyMatchingRows()
    {
        var client = factory.CreateAnonymousClient();
        await client.PostLoginAsync("member@noress.demo", "wrong-password-1");
        var today = NoressClock.Today(TimeProvider.System);

        var anonymous = await SearchAsAdministratorAsync(new AuditQuery(User: "ANONYM", From: today, To: today));
        var yesterday = await SearchAsAdministratorAsync(new AuditQuery(User: "anonym", From: today.AddDays(-2), To: today.AddDays(-1)));

        Assert.NotEmpty(anonymous.Rows);
        Assert.All(anonymous.Rows, r => Assert.Equal("anonymous", r.UserName));
        Assert.Equal(anonymous.Rows.Count, anonymous.Total);
        Assert.Empty(yesterday.Rows);
    }

    [Fact]
    public async Task Search_InstitutionsAndPeople_AreNamedWithALinkToTheirPage()
    {
        var institutions = await SearchAsAdministratorAsync(new AuditQuery(EntityType: "Institution", Action: AuditAction.Insert));
        var people = await SearchAsAdministratorAsync(new AuditQuery(EntityType: "NoressUser", Action: AuditAction.Insert));

        var institution = institutions.Rows.First();
        Assert.NotNull(institution.Subject);
        Assert.StartsWith("members/", institution.Subject.Link, StringComparison.Ordinal);
        Assert.DoesNotContain(institution.EntityId, institution.Subject.Name, StringComparison.Ordinal);
        var person = people.Rows.First();
        Assert.Equal($"members/people/{person.EntityId}", person.Subject?.Link);
    }

    private static async Task<int> CountAsync(IDbContextFactory<NoressDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<long> MiddleSequenceAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var count = await db.AuditEntries.CountAsync();
        Assert.True(count > 3, "the demo data should have produced audit entries");
        return count / 2;
    }

    private async Task<AuditPage> SearchAsAdministratorAsync(AuditQuery query)
    {
        await using var scope = ScopeAs(Principal(Roles.Administrator));
        return await scope.ServiceProvider.GetRequiredService<AuditService>().SearchAsync(query, 0, 50, CancellationToken.None);
    }

    private async Task<AuditVerification> VerifyAsAdministratorAsync()
    {
        await using var scope = ScopeAs(Principal(Roles.Administrator));
        return await scope.ServiceProvider.GetRequiredService<AuditService>().VerifyAsync(CancellationToken.None);
    }

    private AsyncServiceScope ScopeAs(ClaimsPrincipal principal)
    {
        var scope = factory.Services.CreateAsyncScope();
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    private static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, $"{role}@noress.test"), new Claim(ClaimTypes.Role, role)], "Test"));

    /// <summary>Counts EF Core's failed-save events of one context (each attempt of a retried save raises one).</summary>
    private sealed class SaveFailureCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext context;
        private readonly List<IDisposable> subscriptions = [];
        private int count;

        public SaveFailureCounter(DbContext context)
        {
            this.context = context;
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if ((value.Key == CoreEventId.SaveChangesFailed.Name || value.Key == CoreEventId.OptimisticConcurrencyException.Name)
                && value.Value is DbContextEventData data && ReferenceEquals(data.Context, context))
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
