using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

/// <summary>A stolen session must not be enough to take the account over by changing its address (ADR 0012).</summary>
public sealed class EmailChangeTests : IAsyncLifetime
{
    private const string NewAddress = "member.new@example.org";

    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task RequestEmailChange_WrongPassword_IsRefusedAndQueuesNothing()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await RequestChangeAsync(client, NewAddress, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"email-change-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await OutboxToAsync(factory, NewAddress));
        Assert.Empty(await OutboxToAsync(factory, "member@noress.demo"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EmailChange_ConfirmedFromTheNewAddress_ChangesTheSignInAndTellsTheOldAddress(DatabaseProvider provider)
    {
        await using var factory = new NoressAppFactory(provider);
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");
        var stampBefore = await StampAsync(factory, "member@noress.demo");

        var requested = await RequestChangeAsync(client, NewAddress, AuthenticatedClient.DemoPassword);

        Assert.Contains("data-testid=\"email-change-sent\"", await requested.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nothing has changed yet, and both mails wait in the outbox rather than being sent inline.
        Assert.Single(await OutboxToAsync(factory, NewAddress));
        Assert.Single(await OutboxToAsync(factory, "member@noress.demo"));
        Assert.Empty(factory.MessagesTo(NewAddress));
        Assert.Equal(stampBefore, await StampAsync(factory, "member@noress.demo"));

        await ProcessOutboxAsync(factory);
        var link = Assert.Single(factory.MessagesTo(NewAddress)).LinkTo("/Account/ConfirmEmailChange");
        Assert.Contains(NewAddress, Assert.Single(factory.MessagesTo("member@noress.demo")).TextBody, StringComparison.Ordinal);

        // Opening the link shows a confirmation; only the post changes the address.
        var anonymous = factory.CreateAnonymousClient();
        Assert.Contains("data-testid=\"email-confirm-form\"", await anonymous.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Null(await StampAsync(factory, NewAddress));
        var confirmed = await anonymous.SubmitFormAsync(link, "confirm-email-change", ConfirmFields(link));
        Assert.Contains("data-testid=\"email-changed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.NotEqual(stampBefore, await StampAsync(factory, NewAddress));
        Assert.Null(await StampAsync(factory, "member@noress.demo"));
        await factory.CreateSignedInClientAsync(NewAddress);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAnonymousClient().PostLoginAsync("member@noress.demo", AuthenticatedClient.DemoPassword)).StatusCode);

        await ProcessOutboxAsync(factory);
        var notices = factory.MessagesTo("member@noress.demo");
        Assert.Equal(2, notices.Count);
        Assert.Contains(NewAddress, notices[1].TextBody, StringComparison.Ordinal);

        // The token was bound to the old security stamp: the link works once.
        var again = await anonymous.SubmitFormAsync(link, "confirm-email-change", ConfirmFields(link));
        Assert.Contains("data-testid=\"email-change-error\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmEmailChange_ForgedCode_ChangesNothing()
    {
        var userId = (await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync("member@noress.demo"))!.Id;
        var link = $"/Account/ConfirmEmailChange?userId={userId}&email={Uri.EscapeDataString(NewAddress)}&code=bm90LWEtdG9rZW4";
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync(link, "confirm-email-change", ConfirmFields(link));

        Assert.Contains("data-testid=\"email-change-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await StampAsync(factory, NewAddress));
    }

    private static async Task<HttpResponseMessage> RequestChangeAsync(HttpClient client, string newEmail, string password) =>
        await client.SubmitFormAsync("/Account/Manage/Email", "change-email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.Password"] = password,
        });

    private static Dictionary<string, string> ConfirmFields(string link)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        return new Dictionary<string, string>
        {
            ["Input.UserId"] = query["userId"].ToString(),
            ["Input.Email"] = query["email"].ToString(),
            ["Input.Code"] = query["code"].ToString(),
        };
    }

    private static async Task ProcessOutboxAsync(NoressAppFactory factory) => await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();

    private static async Task<List<OutboxMessage>> OutboxToAsync(NoressAppFactory factory, string address)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address).ToListAsync();
    }

    private static async Task<string?> StampAsync(NoressAppFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
    }
}
