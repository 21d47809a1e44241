using System.Collections.Concurrent;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Accessibility;

/// <summary>
/// axe-core over every page of the route table (ADR 0015), in French and in Arabic, for every demo role that may see
/// it, plus what axe does not judge: one <c>main</c>, one <c>h1</c>, the skip link, and no sideways scrolling on a phone.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class AccessibilityJourneyTests(NoressServer server, ITestOutputHelper output)
{
    private const string French = "fr-MA";
    private const string Arabic = "ar-MA";
    private const int ParallelTours = 4;

    // What a person cannot get past (axe's "serious" and "critical"); "moderate" findings are advice.
    private static readonly HashSet<string> BlockingImpacts = ["serious", "critical"];

    // Only violations come back in full: passes are the bulk of a result and nobody reads them here.
    private static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations] };

    [Fact]
    public void RouteTable_ListsTheKnownPages()
    {
        var templates = AppPages.Templates().Select(route => route.Template).ToList();

        foreach (var known in new[]
        {
            "/", "/members", "/members/{Key}", "/members/people/{Id:guid}", "/documents", "/documents/{Id:guid}/history",
            "/calendar", "/notifications", "/administration", "/administration/audit", "/sessions", "/Account/Login",
            "/Account/Manage/TwoFactor", "/Account/AccessDenied",
        })
        {
            Assert.Contains(known, templates);
        }

        // A parameterised route without a demo address is refused rather than silently skipped.
        var error = Assert.Throws<InvalidOperationException>(() => AppPages.Discover(new Dictionary<string, string>()));
        Assert.Contains("/members/{Key}", error.Message, StringComparison.Ordinal);
    }

    // One test per language: the whole sweep is about 18 minutes on a CI machine, longer than the run's hang timeout
    // allows one test to stay silent; each half reports on its own.
    [Theory]
    [InlineData(French)]
    [InlineData(Arabic)]
    public async Task EveryPage_ForEveryRoleThatSeesIt_HasNoSeriousAccessibilityViolation(string culture)
    {
        var pages = await AppPages.DiscoverAsync(server.Services);
        var tours = Enum.GetValues<Visitor>().Select(visitor => (Visitor: visitor, Culture: culture, Pages: Tour(pages, visitor)))
            .Where(tour => tour.Pages.Count > 0)
            .ToList();
        var findings = new ConcurrentBag<string>();

        // A few tours at once: each waits on its own circuit most of the time.
        await Parallel.ForEachAsync(tours, new ParallelOptions { MaxDegreeOfParallelism = ParallelTours }, async (tour, _) =>
        {
            // One signed-in context per role and language, reused for all its pages.
            await using var session = await OpenAsync(tour.Visitor, tour.Culture);
            foreach (var page in tour.Pages)
            {
                var where = $"/{page.Path} ({tour.Visitor}, {tour.Culture})";
                await OpenPageAsync(session, page.Path);
                foreach (var finding in await CheckStructureAsync(session.Page, where))
                {
                    findings.Add(finding);
                }

                foreach (var finding in Describe(await session.Page.RunAxe(AxeOptions), where))
                {
                    findings.Add(finding);
                }
            }
        });

        var visits = tours.Sum(tour => tour.Pages.Count);
        output.WriteLine($"{visits} visits of {pages.Count} pages");
        Assert.True(visits >= pages.Count, $"Only {visits} visits for {pages.Count} pages.");
        Assert.True(findings.IsEmpty, $"{findings.Count} accessibility findings over {visits} page visits:\n" + string.Join('\n', findings.Order(StringComparer.Ordinal)));
    }

    /// <summary>The pages <paramref name="visitor"/> may see; a member also gets the refusal of a secretariat page.</summary>
    private static List<AppPage> Tour(IReadOnlyList<AppPage> pages, Visitor visitor)
    {
        var tour = pages.Where(page => page.Visitors.Contains(visitor)).ToList();
        if (visitor == Visitor.Member)
        {
            tour.Add(pages.First(page => !page.Visitors.Contains(Visitor.Member) && !page.Visitors.Contains(Visitor.Anonymous)));
        }

        return tour;
    }

    [Theory]
    [InlineData(French)]
    [InlineData(Arabic)]
    public async Task FirstTab_ReachesTheSkipLink_WhichMovesFocusToTheMainContent(string culture)
    {
        await using var session = await OpenAsync(Visitor.Administrator, culture);
        var page = session.Page;
        await OpenPageAsync(session, "members");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = Texts.Shell("Shell.SkipToContent", culture), Exact = true });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.EndsWith("/members", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // The next Tab goes into the page, past the app bar and the drawer.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should land inside the main content.");
        await session.AssertNoBrowserErrorsAsync();
    }

    [Theory]
    [InlineData(French)]
    [InlineData(Arabic)]
    public async Task PhoneWidth_KeyPages_DoNotScrollSideways(string culture)
    {
        await using var session = await OpenAsync(Visitor.Administrator, culture, new ViewportSize { Width = 390, Height = 844 });
        var overflowing = new List<string>();
        foreach (var path in new[] { string.Empty, "members", "members/ADS", "members/people", "calendar", "documents", "administration/audit" })
        {
            await OpenPageAsync(session, path);
            var widths = await session.Page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                overflowing.Add($"/{path}: the page is {widths[0]} px wide in a {widths[1]} px screen ({culture})");
            }

            // The user menu's button stays entirely on screen.
            var box = await session.Page.GetByTestId("user-menu").Locator("button").First.BoundingBoxAsync();
            if (box is null || box.X < 0 || box.X + box.Width > widths[1])
            {
                overflowing.Add($"/{path}: the user menu's button is cut off ({culture})");
            }
        }

        Assert.True(overflowing.Count == 0, string.Join('\n', overflowing));
        await session.AssertNoBrowserErrorsAsync();
    }

    private async Task<BrowserSession> OpenAsync(Visitor visitor, string culture, ViewportSize? viewport = null)
    {
        var session = await NoressServer.OpenSessionAsync(server.Browser, server.BaseAddress, culture);
        if (viewport is not null)
        {
            await session.Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }

        if (visitor != Visitor.Anonymous)
        {
            await session.SignInAsync(AppPages.EmailOf(visitor));
        }

        // The language cookie, as the language menu would write it, without saving the choice to the demo profile.
        await session.Context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = ".AspNetCore.Culture",
                Value = Uri.EscapeDataString($"c={culture}|uic={culture}"),
                Url = server.BaseAddress.ToString(),
            },
        ]);
        return session;
    }

    /// <summary>Opens a page and waits until it is finished: live (app pages) and done loading its data.</summary>
    private static async Task OpenPageAsync(BrowserSession session, string path)
    {
        await session.Page.GotoAsync(path);
        if (await session.Page.Locator(".mud-layout").CountAsync() > 0)
        {
            await session.WaitForInteractiveAsync();
        }

        await Expect(session.Page.Locator(".mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
    }

    /// <summary>What axe reports only as advice but every page here must have: one main landmark and one h1 of its own.</summary>
    private static async Task<IEnumerable<string>> CheckStructureAsync(IPage page, string where)
    {
        var findings = new List<string>();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        if (mains != 1)
        {
            findings.Add($"{where}: {mains} main landmarks (one expected)");
        }

        // People's markdown (a document's preview) keeps its own headings; the page's structure is the rest.
        var headings = await page.Locator("h1:not(.noress-markdown h1)").CountAsync();
        if (headings != 1)
        {
            findings.Add($"{where}: {headings} h1 headings (one expected)");
        }

        return findings;
    }

    private static IEnumerable<string> Describe(AxeResult result, string where) =>
        result.Violations
            .Where(violation => BlockingImpacts.Contains(violation.Impact ?? string.Empty))
            .SelectMany(violation => violation.Nodes.Select(node =>
                new StringBuilder()
                    .Append(where).Append(": ").Append(violation.Impact).Append(' ').Append(violation.Id)
                    .Append(" at ").Append(node.Target).Append(" — ").Append(node.Html)
                    .ToString()));
}
