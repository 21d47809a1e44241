using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Notifications;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Notifications;

public sealed class NotificationBellTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly Guid userId = Guid.NewGuid();

    public NotificationBellTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddLogging();
        context.Services.AddDbContextFactory<NoressDbContext>(o => o.UseSqlite(connection).AddInterceptors(new VersionInterceptor()));
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.Configure<AccountOptions>(_ => { });
        context.Services.AddSingleton<IEventBus, InProcessEventBus>();
        context.Services.AddSingleton<NotificationMails>();
        context.Services.AddSingleton<NotificationService>();
        context.Services.AddScoped<CurrentUser>();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized("Youssef Tahiri");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private NotificationService Notifications => context.Services.GetRequiredService<NotificationService>();

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        var institution = new Institution { Acronym = "ADS", NameFr = "Agence de développement social", NameAr = "وكالة التنمية الاجتماعية", CreatedAt = DateTime.UtcNow };
        db.Institutions.Add(institution);
        db.Users.Add(new NoressUser { Id = userId, FullName = "Youssef Tahiri", UserName = "y@ads.ma", Email = "y@ads.ma", InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Bell_NotificationPublishedOnTheBus_CountUpdatesWithoutReload()
    {
        var cut = context.Render<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));

        await Notifications.NotifyAsync(userId, NotificationCategories.Membership, "Convention signée", null, "/members");
        await Notifications.NotifyAsync(userId, NotificationCategories.Sessions, "Session convoquée", null, "/sessions");

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));
    }

    [Fact]
    public async Task Bell_Opened_ListsTheLatestAndMarksOneRead()
    {
        await Notifications.NotifyAsync(userId, NotificationCategories.Membership, "Convention signée", null, "/members");
        await Notifications.NotifyAsync(userId, NotificationCategories.Sessions, "Session convoquée", null, "/sessions");
        var popover = context.Render<MudPopoverProvider>();
        var cut = context.Render<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));

        // The bell is a light menu (ADR 0053): its list exists once its button has been clicked.
        Assert.Empty(cut.FindComponents<MudMenu>());
        await cut.Find("[data-testid=notification-bell] button").ClickAsync(new());
        popover.WaitForAssertion(() => Assert.Equal(2, popover.FindAll("[data-testid=bell-item]").Count));
        Assert.Contains("Session convoquée", popover.FindAll("[data-testid=bell-item]")[0].TextContent, StringComparison.Ordinal);

        await popover.InvokeAsync(() => popover.FindAll("[data-testid=bell-item]")[0].Click());

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));
        Assert.Equal("/sessions", new Uri(context.Services.GetRequiredService<NavigationManager>().Uri).AbsolutePath);
    }

    [Fact]
    public async Task MarkReadAsync_AnotherPersonsNotification_ChangesNothing()
    {
        var id = await Notifications.NotifyAsync(userId, NotificationCategories.Documents, "Document partagé", null, null);

        Assert.False(await Notifications.MarkReadAsync(Guid.NewGuid(), id));
        Assert.Equal(1, await Notifications.CountUnreadAsync(userId));
        Assert.True(await Notifications.MarkReadAsync(userId, id));
        Assert.Equal(0, await Notifications.CountUnreadAsync(userId));
    }
}
