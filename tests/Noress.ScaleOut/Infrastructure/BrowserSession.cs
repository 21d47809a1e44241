using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Noress.ScaleOut.Infrastructure;

/// <summary>One browser context and its page, driven like a person would; page errors are recorded.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.Enqueue($"console: {message.Text}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Uncaught page errors (none expected).</summary>
    public IReadOnlyCollection<string> Errors => errors.ToArray();

    /// <summary>Console errors, for a failure message only: a killed node makes the browser log failed connections on purpose.</summary>
    public ConcurrentQueue<string> Console { get; } = new();

    public static async Task<BrowserSession> CreateAsync(IBrowserContext context)
    {
        // Generous waits: two cores are shared by several builds; a slow machine must not fail a test.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        SetDefaultExpectTimeout(90_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>The main layout sets <c>data-interactive</c> once it renders interactively.</summary>
    public Task WaitForInteractiveAsync() => Expect(Page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    public async Task GoToInteractiveAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    public async Task SignInAsync(string email)
    {
        await Page.GotoAsync("Account/Login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(ScaleOutCluster.DemoPassword);
        await Page.GetByTestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
    }

    /// <summary>The node the proxy's sticky cookie names for this browser now.</summary>
    public async Task<string?> PinnedNodeAsync() =>
        (await Context.CookiesAsync()).SingleOrDefault(c => c.Name == "noress_node")?.Value;

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
