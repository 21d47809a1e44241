using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string NewPassword = "Nouveau-mot-2026";

    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ResetPassword_ThroughMailedLink_NewPasswordSignsInAndOldOneFails()
    {
        var client = factory.CreateAnonymousClient();

        var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "member@noress.demo" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Contains("Account/ForgotPasswordConfirmation", requested.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var mail = Assert.Single(factory.MessagesTo("member@noress.demo"));
        Assert.Contains("mot de passe", mail.Subject, StringComparison.Ordinal);
        var link = mail.LinkTo("/Account/ResetPassword");

        var reset = await client.SubmitFormAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.UserId"] = QueryValue(link, "userId"),
            ["Input.Code"] = QueryValue(link, "code"),
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Account/ResetPasswordConfirmation", reset.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var old = await factory.CreateAnonymousClient().PostLoginAsync("member@noress.demo", AuthenticatedClient.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var signedIn = await factory.CreateSignedInClientAsync("member@noress.demo", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);

        // The token is bound to the security stamp, which the reset changed: the link works once.
        var again = await client.SubmitFormAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.UserId"] = QueryValue(link, "userId"),
            ["Input.Code"] = QueryValue(link, "code"),
            ["Input.Password"] = "Encore-autre-2026",
            ["Input.ConfirmPassword"] = "Encore-autre-2026",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-testid=\"reset-error\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_KnownAddress_QueuesTheLinkInTheOutboxInsteadOfSendingInline()
    {
        var response = await factory.CreateAnonymousClient().SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "member@noress.demo" });

        Assert.Contains("Account/ForgotPasswordConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var queued = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == "member@noress.demo").ToListAsync());
        Assert.Equal("accounts", queued.Category);
        Assert.Contains("/Account/ResetPassword?", queued.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_GivesTheSameAnswerAndSendsNothing()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/ForgotPasswordConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        Assert.Empty(factory.MessagesTo("nobody@example.org"));
    }

    [Fact]
    public async Task ForgotPassword_DeactivatedAccount_SendsNothing()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var user = (await users.FindByEmailAsync("member@noress.demo"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var response = await factory.CreateAnonymousClient().SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "member@noress.demo" });

        Assert.Contains("Account/ForgotPasswordConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        Assert.Empty(factory.MessagesTo("member@noress.demo"));
    }

    [Fact]
    public async Task ResetPassword_ForgedCode_IsRefused()
    {
        var client = factory.CreateAnonymousClient();
        Guid userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync("member@noress.demo"))!.Id;
        }

        var url = $"/Account/ResetPassword?userId={userId}&code=bm90LWEtdG9rZW4";
        var response = await client.SubmitFormAsync(url, "reset-password", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(),
            ["Input.Code"] = "bm90LWEtdG9rZW4",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"reset-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostLoginAsync("member@noress.demo", NewPassword)).StatusCode);
    }

    private static string QueryValue(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query)[name].ToString();
}
