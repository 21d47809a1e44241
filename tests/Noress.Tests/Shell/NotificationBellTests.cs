using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Notifications;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class NotificationBellTests : NoressTestContext
{
    [Fact]
    public async Task Open_ShowsEachNotificationWithItsCasablancaTime()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Member);
        var notifications = Services.GetRequiredService<NotificationService>();
        // 5 March 2026 is in Ramadan (UTC+0); 1 April is not (UTC+1).
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero));
        await notifications.NotifyAsync(UserId, "session", "Convocation", null, "/sessions");
        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await notifications.NotifyAsync(UserId, "session", "Procès-verbal", null, "/sessions");
        var (popovers, cut) = RenderWithPopovers<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));

        await cut.Find("[data-testid=notification-bell] button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=notification-time]")));
        var times = popovers.FindAll("[data-testid=notification-time]").Select(t => t.TextContent).ToList();
        Assert.Equal(["01/04/2026 10:00", "05/03/2026 10:00"], times);
    }

    [Fact]
    public async Task Open_TitleWithRightToLeftOverride_IsShownIsolatedWithoutTheOverride()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Member);
        await Services.GetRequiredService<NotificationService>().NotifyAsync(UserId, "documents", "Document evil\u202Efdp.exe", null, "/documents");
        var (popovers, cut) = RenderWithPopovers<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));

        await cut.Find("[data-testid=notification-bell] button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("bdi")));
        var title = popovers.FindAll("bdi").Single(b => b.TextContent.Contains("evil", StringComparison.Ordinal));
        Assert.Equal("Document evilfdp.exe", title.TextContent);
    }
}
