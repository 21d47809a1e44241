using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Infrastructure;

/// <summary>
/// One browser context and its page, driven like a person would. Every console error and uncaught
/// page error is recorded; <see cref="AssertNoBrowserErrorsAsync"/> fails the test on any of them
/// (a Content-Security-Policy violation, a failed resource or a circuit error included).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Errors => errors.ToArray();

    public static async Task<BrowserSession> CreateAsync(IBrowserContext context)
    {
        // Generous waits: two cores are shared by several builds; a slow machine must not fail a test.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        SetDefaultExpectTimeout(60_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens an app page and waits until its circuit is connected (clicks before that are lost).</summary>
    public async Task GoToInteractiveAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>The main layout sets <c>data-interactive</c> once it renders interactively.</summary>
    public Task WaitForInteractiveAsync() =>
        Expect(Page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>Signs in through the login form; lands on the dashboard (or <paramref name="returnPath"/>) with a live circuit.</summary>
    public async Task SignInAsync(string email, string password = NoressServer.DemoPassword, string? returnPath = null)
    {
        await Page.GotoAsync(returnPath is null ? "Account/Login" : $"Account/Login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
        // Wait for the redirect to commit, not for the next page's load event: the circuit wait below is what
        // matters, and a page's late resources on a loaded machine must not fail a sign-in.
        await Page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
    }

    /// <summary>Signs out through the user menu's logout form.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await Page.GetByTestId("logout").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Switches the language through the app bar's language menu (a full reload).</summary>
    public async Task SwitchLanguageAsync(string culture)
    {
        await Page.GetByTestId("language-menu").Locator("button").First.ClickAsync();
        await Page.Locator($".mud-popover-open [data-culture='{culture}']").ClickAsync();
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/culture/", StringComparison.Ordinal));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture.Split('-')[0]);
        await WaitForInteractiveAsync();
    }

    public async Task ScreenshotAsync(string fileName)
    {
        // Let fonts and MudBlazor's transitions settle so the picture shows the finished page.
        await Page.EvaluateAsync("() => document.fonts.ready");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A full-page picture draws fixed elements (the app bar) where the viewport is: scrolled, it lands mid-page.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, fileName),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    /// <summary>
    /// Fails when the page showed Blazor's error UI or logged any error to the console, except errors
    /// matching one of <paramref name="expected"/>: a test that provokes an error names it exactly.
    /// </summary>
    public async Task AssertNoBrowserErrorsAsync(params Regex[] expected)
    {
        await Expect(Page.Locator("#blazor-error-ui")).Not.ToBeVisibleAsync();
        var unexpected = errors.Where(error => !expected.Any(pattern => pattern.IsMatch(error)) && !ReplacedPopoverProvider.IsMatch(error)).ToList();
        Assert.True(unexpected.Count == 0, "The browser reported errors:\n" + string.Join('\n', unexpected));
    }

    // MudBlazor's popover script logs this when a provider's first-render call arrives after a redirect already replaced
    // that page (seen under load on the outside area's redirects); a provider really missing makes MudBlazor throw on the
    // server (CheckForPopoverProvider), which shows the error UI asserted above.
    private static readonly Regex ReplacedPopoverProvider = new(@"^console: No Popover Container found with class mud-popover-provider \(", RegexOptions.CultureInvariant);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
