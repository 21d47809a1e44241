using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Notifications;

public sealed class OutboxPageTests : NoressTestContext
{
    private const string UnknownOutcome = "Send outcome unknown: the sender stopped before recording it.";

    private TestDatabase database = null!;

    private async Task<(Guid Failed, Guid Sent)> ArrangeAsync(string role = Roles.Secretariat)
    {
        database = await UseDatabaseAsync();
        Services.AddNoressNotifications();
        await SignInAsAsync(role);
        var now = Clock.GetUtcNow().UtcDateTime;
        var failed = Message("amina@example.org", "Convocation à la plénière", OutboxStatus.Failed, now.AddMinutes(-30), UnknownOutcome, attempts: 1);
        var sent = Message("karim@example.org", "Rappel : mémorandum à renouveler", OutboxStatus.Sent, now.AddMinutes(-60), null, attempts: 1);
        await using var db = await database.Factory.CreateDbContextAsync();
        db.OutboxMessages.AddRange(failed, sent);
        await db.SaveChangesAsync();
        return (failed.Id, sent.Id);
    }

    [Fact]
    public async Task Render_ListsMessagesWithStatusAndError_AndFiltersOnFailed()
    {
        await ArrangeAsync();

        var cut = RenderPage<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=outbox-status]").Count));
        Assert.Contains(UnknownOutcome, cut.Find("[data-testid=outbox-error]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("button[data-testid=outbox-retry]"));
        Assert.Contains("(1)", cut.Find("[data-testid=outbox-filter-Failed]").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=outbox-filter-Failed]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("En échec", cut.Find("[data-testid=outbox-status]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=outbox-status]"));
    }

    [Fact]
    public async Task Retry_Confirmed_QueuesTheFailedMessageAgainWithFreshAttempts()
    {
        var (failedId, _) = await ArrangeAsync();
        var dialogs = RenderPage<MudDialogProvider>();
        var cut = RenderPage<OutboxPage>();
        cut.WaitForAssertion(() => cut.Find("button[data-testid=outbox-retry]"));

        var retrying = cut.InvokeAsync(() => cut.Find("button[data-testid=outbox-retry]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Contains("amina@example.org", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Renvoyer", StringComparison.Ordinal)).ClickAsync(new());
        await retrying;

        cut.WaitForAssertion(() => cut.Find("[data-testid=outbox-message]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failedId);
        Assert.Equal((OutboxStatus.Pending, 0, Clock.GetUtcNow().UtcDateTime), (message.Status, message.Attempts, message.NextAttemptAt));
    }

    [Fact]
    public async Task Service_AsMember_RefusesToListOrRetry_AndASentMessageIsNeverRequeued()
    {
        var (failedId, sentId) = await ArrangeAsync(Roles.Member);
        var service = Services.GetRequiredService<OutboxMonitorService>();
        var member = await Services.GetRequiredService<CurrentUser>().GetPrincipalAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(member, null));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RetryAsync(member, failedId));

        await SignInAsAsync(Roles.Secretariat);
        var secretariat = await Services.GetRequiredService<CurrentUser>().GetPrincipalAsync();
        Assert.Equal("Outbox.NotFailed", (await service.RetryAsync(secretariat, sentId)).Refusal?.Code);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == sentId)).Status);
        Assert.Equal(OutboxStatus.Failed, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failedId)).Status);
    }

    [Fact]
    public async Task Render_WithMarkerLocalizer_HasOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        await ArrangeAsync();

        var cut = RenderPage<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=outbox-status]").Count));
        var problems = UnlocalizedTextChecker.Find(cut.Markup, UnknownOutcome, "Convocation à la plénière", "Rappel : mémorandum à renouveler", "amina", "karim", "<amina@example.org>", "<karim@example.org>", "1", "(1)", "(0)");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static OutboxMessage Message(string to, string subject, OutboxStatus status, DateTime createdAt, string? error, int attempts) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        ToAddress = to,
        ToName = to.Split('@')[0],
        Culture = "fr",
        Category = "sessions",
        Subject = subject,
        HtmlBody = "<p>…</p>",
        TextBody = "…",
        Status = status,
        Attempts = attempts,
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
        SentAt = status == OutboxStatus.Sent ? createdAt.AddSeconds(5) : null,
        LastError = error,
    };
}
