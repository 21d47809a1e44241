using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Hangfire;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Accounts.Invitations;
using Noress.App.Home;
using Noress.App.Notifications;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;
using Noress.Testing;

namespace Noress.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up like the app: MudBlazor services, the real .resx localization, a fake clock,
/// the event bus and the services the shell injects, with culture switching and signed-in roles.
/// </summary>
public abstract class NoressTestContext : BunitContext, IAsyncLifetime
{
    public const string UserName = "Amina Benali";

    public static readonly Guid UserId = Guid.Parse("6f1c2a8e-0b7d-4c55-9a1e-3c2d4b5a6f70");

    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;
    private TestDatabase? database;
    private bool rendererInfoSet;

    protected NoressTestContext()
    {
        UseCulture(NoressCultures.Default);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddNoressLocalization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IEventBus, InProcessEventBus>();
        // Background jobs are recorded, not run: a component test never waits on Hangfire.
        Services.AddSingleton<IBackgroundJobClient, RecordedJobs>();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton<NotificationMails>();
        Services.AddSingleton<NotificationService>();
        Services.AddSingleton<PendingInvitations>();
        Services.AddSingleton<DashboardService>();
        Authorization = AddAuthorization();
    }

    /// <summary>2026-03-05 10:00 UTC unless a test moves it.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero));

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Sets the culture the way request localization does for one circuit.</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Replaces the .resx localizers with ones that return ⟦key⟧ (see <see cref="UnlocalizedTextChecker"/>).</summary>
    protected void UseMarkerLocalizer() => Services.AddSingleton<IStringLocalizerFactory, MarkerLocalizerFactory>();

    /// <summary>Signs in as someone holding <paramref name="role"/>, with the policies the app grants that role.</summary>
    /// <remarks>bUnit's fake authorization grants policies by name; they are computed from the app's real registration.</remarks>
    protected async Task SignInAsAsync(string role)
    {
        var policies = await AppPolicies.SatisfiedByAsync(AppPolicies.Person(role));
        Authorization.SetAuthorized(UserName);
        Authorization.SetRoles(role);
        Authorization.SetPolicies([.. policies]);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId.ToString()));
    }

    /// <summary>Registers a fresh in-memory SQLite database with the app's model; call before the first render.</summary>
    protected async Task<TestDatabase> UseDatabaseAsync()
    {
        database = await TestDatabase.CreateAsync(Services, Clock);
        return database;
    }

    /// <summary>
    /// Renders <typeparamref name="T"/> as the interactive server renderer would. The first call fixes the services,
    /// so register everything (database, localizer, sign-in) before it.
    /// </summary>
    protected IRenderedComponent<T> RenderPage<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        if (!rendererInfoSet)
        {
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            rendererInfoSet = true;
        }

        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Renders MainLayout around <paramref name="body"/>; the layout declares its own popover provider.</summary>
    protected IRenderedComponent<MainLayout> RenderLayout(RenderFragment? body = null) =>
        RenderPage<MainLayout>(p => p.Add(l => l.Body, body ?? (b => b.AddContent(0, string.Empty))));

    /// <summary>Renders a popover provider, then the component, so its menus can be opened and read.</summary>
    protected (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<T> Component) RenderWithPopovers<T>(
        Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        var popovers = RenderPage<MudPopoverProvider>();
        return (popovers, RenderPage(parameters));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUiCulture;
    }
}
