using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Calendar;
using Noress.App.Calendar.Feed;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calendar;

public sealed class CalendarPageTests : NoressTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RevokeFeed_AsksFirst_CancelKeepsTheAddress_ConfirmRevokesIt(bool confirm)
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        Services.AddSingleton<CalendarService>();
        Services.AddSingleton<CalendarFeedService>();
        await SignInAsAsync(Roles.Member);
        var feeds = Services.GetRequiredService<CalendarFeedService>();
        var token = await feeds.RegenerateAsync(UserId);
        var dialogs = RenderPage<MudDialogProvider>();
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<CalendarPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=feed-revoke]"));

        var revoking = cut.InvokeAsync(() => cut.Find("[data-testid=feed-revoke]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Contains("Révoquer l’adresse du calendrier", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Equal(UserId, await feeds.ResolveAsync(token));
        var button = confirm ? "Révoquer" : "Annuler";
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());
        await revoking;

        if (confirm)
        {
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=feed-revoke]")));
            Assert.Null(await feeds.ResolveAsync(token));
        }
        else
        {
            dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
            Assert.Equal(UserId, await feeds.ResolveAsync(token));
            Assert.Single(cut.FindAll("[data-testid=feed-revoke]"));
        }
    }
}
