using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Localization;

/// <summary>The browser's language until the person chooses; a choice made before signing in survives it.</summary>
public sealed class BrowserLanguageTests : IAsyncLifetime
{
    private const string ArabicShell = "<html lang=\"ar\" dir=\"rtl\">";
    private const string EnglishShell = "<html lang=\"en\" dir=\"ltr\">";
    private const string FrenchShell = "<html lang=\"fr\" dir=\"ltr\">";

    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("ar-MA", ArabicShell, "تسجيل الدخول")]
    [InlineData("ar", ArabicShell, "تسجيل الدخول")]
    [InlineData("ar-EG,fr;q=0.5", ArabicShell, "تسجيل الدخول")]
    [InlineData("en-US,en;q=0.9", EnglishShell, "Log in")]
    [InlineData("de-DE,en;q=0.8,fr;q=0.9", FrenchShell, "Connexion")]
    [InlineData("fr;q=0.2,ar-MA;q=0.7", ArabicShell, "تسجيل الدخول")]
    [InlineData("fr-CA", FrenchShell, "Connexion")]
    [InlineData("de-DE", FrenchShell, "Connexion")]
    [InlineData("ar;q=0,en-GB", EnglishShell, "Log in")]
    public async Task FirstVisit_LoginPage_SpeaksTheBrowsersLanguage(string acceptLanguage, string shell, string title)
    {
        var client = factory.CreateAnonymousClient();

        var html = await GetLoginPageAsync(client, acceptLanguage);

        Assert.Contains(shell, html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenLanguage_BeatsTheBrowsersLanguage()
    {
        var client = factory.CreateAnonymousClient();
        await client.GetAsync(CultureEndpoints.SwitchUrl(NoressCultures.English, "/Account/Login"));

        var html = await GetLoginPageAsync(client, "ar-MA");

        Assert.Contains(EnglishShell, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenOnTheLoginPage_SurvivesSignIn_AndIsSavedToTheProfile_ButNotForTheNextPersonOnThisBrowser()
    {
        Assert.Equal(NoressCultures.French, NoressCultures.Normalize(await PreferredCultureAsync("member@noress.demo")));
        var client = factory.CreateAnonymousClient();
        await client.GetAsync(CultureEndpoints.SwitchUrl(NoressCultures.Arabic, "/Account/Login"));

        var signIn = await client.PostLoginAsync("member@noress.demo", AuthenticatedClient.DemoPassword);
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(ArabicShell, home, StringComparison.Ordinal);
        Assert.Contains("مرحبا بكم في نوريس", WebUtility.HtmlDecode(home), StringComparison.Ordinal);
        Assert.Equal(NoressCultures.Arabic, NoressCultures.Normalize(await PreferredCultureAsync("member@noress.demo")));

        // Someone else signs in on the same browser without choosing: their own profile's language, their profile untouched.
        await SignOutAsync(client);
        Assert.Contains(ArabicShell, await GetLoginPageAsync(client, "ar-MA"), StringComparison.Ordinal);
        await client.PostLoginAsync("secretariat@noress.demo", AuthenticatedClient.DemoPassword);

        Assert.Contains(FrenchShell, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(NoressCultures.French, NoressCultures.Normalize(await PreferredCultureAsync("secretariat@noress.demo")));
    }

    [Fact]
    public async Task SignInWithoutChoosing_TheProfilesLanguageReplacesTheBrowsers()
    {
        var other = await factory.CreateSignedInClientAsync("member@noress.demo");
        await other.GetAsync(CultureEndpoints.SwitchUrl(NoressCultures.English, "/"));
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar-MA");
        Assert.Contains(ArabicShell, await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        await client.PostLoginAsync("member@noress.demo", AuthenticatedClient.DemoPassword);
        var home = await client.GetStringAsync("/");

        Assert.Contains(EnglishShell, home, StringComparison.Ordinal);
        Assert.Contains("Welcome to NORESS", home, StringComparison.Ordinal);
        Assert.Equal(NoressCultures.English, NoressCultures.Normalize(await PreferredCultureAsync("member@noress.demo")));
    }

    private static async Task<string> GetLoginPageAsync(HttpClient client, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Manage/TwoFactor");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AuthenticatedClient.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<string> PreferredCultureAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        return (await users.FindByEmailAsync(email))!.PreferredCulture;
    }
}
