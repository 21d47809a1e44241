using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Localization;

public sealed class CultureSwitchTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SwitchToArabic_ThenDashboard_IsRightToLeftWithArabicShellAndMudBlazorTexts()
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");

        var switched = await client.GetAsync("/culture/set?culture=ar-MA&returnUrl=%2Fmembers");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/members", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("mud-application-layout-rtl", html, StringComparison.Ordinal);
        Assert.Contains("لوحة القيادة", html, StringComparison.Ordinal);
        // MudNavGroup's own aria-label, translated by NoressMudLocalizer.
        Assert.Contains("aria-label=\"إظهار أو إخفاء الإدارة\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchCulture_SignedIn_SavesThePreferenceWithoutAnAuditEntry()
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        var before = await AuditCountAsync(dbFactory);

        await client.GetAsync("/culture/set?culture=ar-MA&returnUrl=%2F");
        await client.GetAsync("/culture/set?culture=en-GB&returnUrl=%2F");

        await using var db = await dbFactory.CreateDbContextAsync();
        Assert.Equal("en-GB", await db.Users.Where(u => u.Email == "admin@noress.demo").Select(u => u.PreferredCulture).SingleAsync());
        Assert.Equal(before, await AuditCountAsync(dbFactory));
    }

    private static async Task<int> AuditCountAsync(IDbContextFactory<NoressDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(a => a.EntityType == "NoressUser");
    }

    [Fact]
    public async Task SwitchCulture_ExternalReturnUrl_GoesHomeInstead()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/culture/set?culture=en-GB&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
