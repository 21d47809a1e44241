using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Members;
using Noress.App.Notifications;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

/// <summary>
/// The layout without MudLayout, MudDrawer, MudBadge and an idle dialog or snackbar provider (ADR 0059): the same
/// markup as those components, the same behaviour, fewer components per circuit.
/// </summary>
public sealed class LayoutMarkupTests : NoressTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Drawer_RendersWhatMudLayoutAndMudDrawerRender_OpenAndClosed(bool rightToLeft)
    {
        if (rightToLeft)
        {
            UseCulture(NoressCultures.Arabic);
        }

        var mudOpen = Render(MudDrawerIn(rightToLeft, open: true));
        var cut = RenderLayout();

        Assert.Equal(Classes(mudOpen.Find(".mud-layout")), Classes(cut.Find(".mud-layout")));
        Assert.Equal(Classes(mudOpen.Find("aside.mud-drawer")), Classes(cut.Find("aside.mud-drawer")));

        cut.Find("[data-drawer-toggle]").Click();

        // MudDrawer drops its initial state at the first change of Open.
        var mudClosed = Render(MudDrawerIn(rightToLeft, open: false));
        var mudClosedDrawer = Classes(mudClosed.Find("aside.mud-drawer"));
        mudClosedDrawer.Remove("mud-drawer--initial");
        Assert.Equal(Classes(mudClosed.Find(".mud-layout")), Classes(cut.Find(".mud-layout")));
        Assert.Equal(mudClosedDrawer, Classes(cut.Find("aside.mud-drawer")));
    }

    [Fact]
    public void Drawer_Toggled_ClosesAndOpens_AndItsOverlayClosesIt()
    {
        var cut = RenderLayout();
        // In its initial state the drawer is hidden below md by MudBlazor's CSS: no overlay over the page.
        Assert.Empty(cut.FindAll(".mud-drawer-overlay"));

        cut.Find("[data-drawer-toggle]").Click();

        Assert.NotNull(cut.Find("aside.mud-drawer.mud-drawer--closed"));
        Assert.NotNull(cut.Find(".mud-layout.mud-drawer-close-responsive-md-left"));
        Assert.Empty(cut.FindAll(".mud-drawer-overlay"));

        cut.Find("[data-drawer-toggle]").Click();

        Assert.NotNull(cut.Find("aside.mud-drawer.mud-drawer--open:not(.mud-drawer--initial)"));
        Assert.NotNull(cut.Find(".mud-drawer-overlay.mud-drawer-overlay--open.mud-drawer-overlay-responsive.mud-drawer-overlay-md"));
        cut.Find(".mud-drawer-overlay").Click();

        Assert.NotNull(cut.Find("aside.mud-drawer.mud-drawer--closed"));
    }

    [Fact]
    public async Task Layout_SignedInIdle_HoldsNoLayoutDrawerBadgeSnackbarOrDialogComponents()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Secretariat);
        await Services.GetRequiredService<NotificationService>().NotifyAsync(UserId, "session", "Convocation", null, "/sessions");

        var cut = RenderLayout();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));

        Assert.Empty(cut.FindComponents<MudLayout>());
        Assert.Empty(cut.FindComponents<MudDrawer>());
        Assert.Empty(cut.FindComponents<MudOverlay>());
        Assert.Empty(cut.FindComponents<MudBadge>());
        Assert.Empty(cut.FindComponents<MudSnackbarProvider>());
        Assert.Empty(cut.FindComponents<CascadingValue<DialogOptions>>());
        Assert.Single(cut.FindComponents<NoressDialogProvider>());
    }

    [Fact]
    public async Task Snackbar_AddedAnywhere_IsShownByTheLayout()
    {
        var cut = RenderLayout();

        await cut.InvokeAsync(() => Services.GetRequiredService<ISnackbar>().Add("Enregistré", Severity.Success));

        cut.WaitForAssertion(() => Assert.Contains("Enregistré", cut.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal));
        Assert.Single(cut.FindComponents<MudSnackbarProvider>());
    }

    [Fact]
    public async Task Dialog_ShownAnywhere_IsShownByTheLayoutAndAnswers()
    {
        var cut = RenderLayout();
        var dialogs = Services.GetRequiredService<IDialogService>();

        // Answered when the box is closed: not awaited until then.
        var answer = cut.InvokeAsync(() => dialogs.ShowMessageBoxAsync("Révoquer", "Révoquer ce lien ?", "Oui", cancelText: "Non"));
        cut.WaitForAssertion(() => Assert.Contains("Révoquer ce lien ?", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        var yes = cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Oui", StringComparison.Ordinal));
        await yes.ClickAsync(new());

        Assert.True(await answer);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Badge_RendersWhatMudBadgeRenders()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Member);
        await Services.GetRequiredService<NotificationService>().NotifyAsync(UserId, "session", "Convocation", null, "/sessions");

        var bell = RenderPage<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotEmpty(bell.FindAll(".mud-badge")));
        var mud = RenderPage<MudBadge>(p => p.Add(b => b.Content, 1).Add(b => b.Visible, true).Add(b => b.Color, Color.Error)
            .Add(b => b.Overlap, true).Add(b => b.Class, "mx-2"));

        Assert.Equal(Classes(mud.Find(".mud-badge-root")), Classes(bell.Find(".mud-badge-root")));
        Assert.Equal(Classes(mud.Find(".mud-badge-wrapper")), Classes(bell.Find(".mud-badge-wrapper")));
        var badge = bell.Find(".mud-badge");
        Assert.Equal(Classes(mud.Find(".mud-badge")), Classes(badge));
        Assert.Equal(mud.Find(".mud-badge").GetAttribute("role"), badge.GetAttribute("role"));
        Assert.Equal(mud.Find(".mud-badge").GetAttribute("aria-live"), badge.GetAttribute("aria-live"));
        Assert.Equal(mud.Find(".mud-badge").GetAttribute("aria-label"), badge.GetAttribute("aria-label"));
        Assert.Equal("1", badge.TextContent.Trim());
    }

    [Fact]
    public async Task Layout_PersonDeactivated_EndsTheSession()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Member);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = RenderLayout();
        var bus = Services.GetRequiredService<IEventBus>();

        await cut.InvokeAsync(() => bus.PublishAsync(Topics.User(UserId), new BusEvent(PeopleService.DeactivatedEvent)));

        cut.WaitForAssertion(() => Assert.EndsWith("/Account/Login?deactivated", navigation.Uri, StringComparison.Ordinal));
    }

    private static SortedSet<string> Classes(AngleSharp.Dom.IElement element) =>
        new(element.ClassList, StringComparer.Ordinal);

    private static RenderFragment MudDrawerIn(bool rightToLeft, bool open) => builder =>
    {
        builder.OpenComponent<CascadingValue<bool>>(0);
        builder.AddComponentParameter(1, "Name", "RightToLeft");
        builder.AddComponentParameter(2, "Value", rightToLeft);
        builder.AddComponentParameter(3, "IsFixed", true);
        builder.AddComponentParameter(4, "ChildContent", (RenderFragment)(layout =>
        {
            layout.OpenComponent<MudLayout>(0);
            layout.AddComponentParameter(1, "ChildContent", (RenderFragment)(drawer =>
            {
                drawer.OpenComponent<MudDrawer>(0);
                drawer.AddComponentParameter(1, nameof(MudDrawer.Open), open);
                drawer.AddComponentParameter(2, nameof(MudDrawer.ClipMode), DrawerClipMode.Always);
                drawer.AddComponentParameter(3, nameof(MudDrawer.Elevation), 1);
                drawer.AddComponentParameter(4, nameof(MudDrawer.Variant), DrawerVariant.Responsive);
                drawer.CloseComponent();
            }));
            layout.CloseComponent();
        }));
        builder.CloseComponent();
    };
}
