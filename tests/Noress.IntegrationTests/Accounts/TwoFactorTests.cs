using System.Net;
using System.Text.RegularExpressions;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new NoressAppFactory().With("Accounts:RequireTwoFactorForStaff", "true");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task StaffWithoutTwoFactor_IsKeptOnEnrolmentUntilEnrolled()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var home = await client.GetAsync("/");
        var invitations = await client.GetAsync("/administration/invitations");
        var hub = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactor", home.Headers.Location!.OriginalString);
        Assert.Equal("/Account/Manage/TwoFactor", invitations.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        var enrolment = await client.GetStringAsync("/Account/Manage/TwoFactor");
        Assert.Contains("data-testid=\"twofactor-required\"", enrolment, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", enrolment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_IsNotAskedToEnrol()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_WithAuthenticatorCode_OpensTheAppAndLaterSignInsRequireTheCode()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");
        var key = SharedKey(await client.GetStringAsync("/Account/Manage/TwoFactor"));

        var wrong = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "enable-2fa", new Dictionary<string, string> { ["Enable.Code"] = WrongCode(key) });
        Assert.Contains("data-testid=\"twofactor-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "enable-2fa", new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"recovery-codes\"", enabledHtml, StringComparison.Ordinal);
        var recoveryCode = RecoveryCodePattern().Match(enabledHtml).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var next = factory.CreateAnonymousClient();
        var password = await next.PostLoginAsync("secretariat@noress.demo", AuthenticatedClient.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Contains("Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/")).StatusCode);

        var refused = await next.SubmitFormAsync("/Account/LoginWith2fa", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = WrongCode(key) });
        Assert.Contains("data-testid=\"twofactor-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await next.SubmitFormAsync("/Account/LoginWith2fa", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), accepted.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);

        // A recovery code also completes the second step, once.
        var third = factory.CreateAnonymousClient();
        await third.PostLoginAsync("secretariat@noress.demo", AuthenticatedClient.DemoPassword);
        var recovered = await third.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/")).StatusCode);

        var fourth = factory.CreateAnonymousClient();
        await fourth.PostLoginAsync("secretariat@noress.demo", AuthenticatedClient.DemoPassword);
        var reused = await fourth.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
        Assert.Contains("data-testid=\"recovery-error\"", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagePage_NewCodesThenNewKey_ReplacesTheCodesAndStartsEnrolmentOver()
    {
        const string Page = "/Account/Manage/TwoFactor";
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");
        var key = SharedKey(await client.GetStringAsync(Page));
        var enabled = await client.SubmitFormAsync(Page, "enable-2fa", new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var firstCodes = RecoveryCodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, firstCodes.Count);

        var regenerated = await (await client.SubmitFormAsync(Page, "regenerate-codes", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        var newCodes = RecoveryCodePattern().Matches(regenerated).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(firstCodes));
        Assert.DoesNotContain("data-testid=\"twofactor-error\"", regenerated, StringComparison.Ordinal);

        var reset = await client.SubmitFormAsync(Page, "reset-2fa", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var enrolment = await client.GetStringAsync(Page);
        Assert.Contains("data-testid=\"twofactor-required\"", enrolment, StringComparison.Ordinal);
        Assert.NotEqual(key, SharedKey(enrolment));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task LoginWith2fa_WithoutPasswordStep_GoesBackToLogin()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/Account/LoginWith2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string SharedKey(string html) =>
        SharedKeyPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal)
            : throw new InvalidOperationException("The enrolment page shows no shared key.");

    // A code valid in none of the windows the server accepts (±2 steps).
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("data-testid=\"shared-key\"[^>]*>([a-z2-7 ]+)<")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
