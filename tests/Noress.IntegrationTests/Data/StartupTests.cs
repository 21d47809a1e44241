using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.DemoData;
using Noress.App.Members;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Data;

/// <summary>The app starts, migrates and seeds on each real database, and a restart keeps what it finds.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task App_OnPostgreSql_MigratesSeedsAndSignsInDemoSecretariat()
    {
        await using var factory = new NoressAppFactory(DatabaseProvider.PostgreSql);

        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");
        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"figure-institutions\"", html, StringComparison.Ordinal);
        Assert.Contains(">35<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStart_OnSameSqliteDatabase_KeepsDataAndDoesNotReseed()
    {
        var connectionString = TestSqlite.CreateDatabase();
        try
        {
            await using (var first = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, connectionString))
            {
                await using var db = await DbFactory(first).CreateDbContextAsync();
                db.Institutions.Add(new Institution { Acronym = "RESTART", NameFr = "Coopérative du redémarrage", NameAr = "تعاونية إعادة التشغيل", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }

            await using var second = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, connectionString);
            await using (var db = await DbFactory(second).CreateDbContextAsync())
            {
                Assert.True(await db.Institutions.AnyAsync(i => i.Acronym == "RESTART"));
                Assert.Equal(36, await db.Institutions.CountAsync());
                Assert.Equal(3, await db.Committees.CountAsync());
                Assert.Equal(DemoDataSeeder.Accounts.Count + DemoMembers.People.Count, await db.Users.CountAsync());
            }

            await second.CreateSignedInClientAsync("member@noress.demo");
        }
        finally
        {
            TestSqlite.DeleteDatabase(connectionString);
        }
    }

    [Fact]
    public async Task Restart_KeepsDataProtectionKeys_SoSignedInPeopleStaySignedIn()
    {
        var connectionString = TestSqlite.CreateDatabase();
        try
        {
            string authCookie;
            await using (var first = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, connectionString))
            {
                var client = first.CreateAnonymousClient();
                var response = await client.PostLoginAsync("secretariat@noress.demo", AuthenticatedClient.DemoPassword);
                authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("noress.auth=", StringComparison.Ordinal)).Split(';')[0];
            }

            await using var second = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, connectionString);
            await using (var db = await DbFactory(second).CreateDbContextAsync())
            {
                // The keys live in the application database, not in a home folder that another node would not see.
                Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
            }

            var restarted = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("Cookie", authCookie);
            var home = await restarted.SendAsync(request);

            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("data-testid=\"figure-institutions\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            TestSqlite.DeleteDatabase(connectionString);
        }
    }

    private static IDbContextFactory<NoressDbContext> DbFactory(NoressAppFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
}
