using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.ScaleOut.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.ScaleOut;

/// <summary>
/// Issue 13, "Several nodes, for real": two people on two nodes behind nginx co-edit one document, see each other at
/// once, hear of each other's comments; then the first node is killed and its person carries on through the other.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed partial class TwoNodeJourneyTests(ScaleOutCluster cluster)
{
    private const string SecretariatName = "Nadia Benali";
    private const string AdministratorName = "Samir El Amrani";

    private readonly List<BrowserSession> sessions = [];

    // The text of the editor's lines, without the remote cursors' name labels drawn among them.
    private const string EditorTextScript = """
        () => Array.from(document.querySelectorAll('.cm-content .cm-line')).map(line => {
            const copy = line.cloneNode(true);
            copy.querySelectorAll('.cm-remote-cursor').forEach(cursor => cursor.remove());
            return copy.textContent;
        }).join('\n')
        """;

    [Fact]
    public async Task TwoNodes_CoEditPresenceNotificationsLivePages_ThenNodeKilled_ItsPersonCarriesOnThroughTheOther()
    {
        try
        {
            await JourneyAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n{await PagesAsync()}\n{cluster.Logs()}", e);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Where each browser was and what it showed, for a failure message.</summary>
    private async Task<string> PagesAsync()
    {
        var described = new List<string>();
        foreach (var session in sessions)
        {
            try
            {
                var text = await session.Page.EvaluateAsync<string>("() => document.body ? document.body.innerText.slice(0, 1500) : ''");
                described.Add($"--- page {session.Page.Url}\n{text}\n{string.Join('\n', session.Errors.Concat(session.Console).TakeLast(30))}");
            }
            catch (PlaywrightException e)
            {
                described.Add($"--- page {session.Page.Url}: {e.Message}");
            }
        }

        return string.Join('\n', described);
    }

    private async Task JourneyAsync()
    {
        await ProxyAndKeysAsync();
        var secretariat = await cluster.OpenSessionPinnedToAsync(cluster.Node1);
        var administrator = await cluster.OpenSessionPinnedToAsync(cluster.Node2);
        sessions.AddRange([secretariat, administrator]);
        await secretariat.SignInAsync("secretariat@noress.demo");
        await administrator.SignInAsync("admin@noress.demo");
        // The proxy kept each browser on its node (it re-sets the cookie to the node that answered).
        Assert.Equal("node1", await secretariat.PinnedNodeAsync());
        Assert.Equal("node2", await administrator.PinnedNodeAsync());

        // The secretariat writes a document on node 1 and stays still in it.
        var address = await CreateDocumentAsync(secretariat, "Charte inter-nœuds", "Article 1.\n");
        await ExpectEditorConnectedAsync(secretariat.Page);

        // The administrator opens it on node 2 and sees at once who is there (before anyone moves), and is seen.
        await administrator.GoToInteractiveAsync(address);
        await ExpectEditorConnectedAsync(administrator.Page);
        await Expect(administrator.Page.GetByTestId("presence-chip").Filter(new() { HasText = SecretariatName })).ToBeVisibleAsync();
        await Expect(administrator.Page.Locator($".cm-remote-cursor-label[data-name='{SecretariatName}']")).ToHaveCountAsync(1);
        await Expect(secretariat.Page.GetByTestId("presence-chip").Filter(new() { HasText = AdministratorName })).ToBeVisibleAsync();

        // Both type at once, each in their own place: each sees the other's text and cursor.
        await Task.WhenAll(
            TypeAtAsync(secretariat.Page, "Control+End", "Article 2 : siège."),
            TypeAtAsync(administrator.Page, "Control+Home", "Préambule. "));
        await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync("Préambule. ");
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Article 2 : siège.");
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        await Expect(secretariat.Page.Locator($".cm-remote-cursor-label[data-name='{AdministratorName}']")).ToBeVisibleAsync();
        await Expect(administrator.Page.Locator($".cm-remote-cursor-label[data-name='{SecretariatName}']")).ToBeVisibleAsync();

        // A live page on node 2 (the document's comments, in a second tab) and the administrator's bell.
        var bell = administrator.Page.GetByTestId("notification-count");
        var unread = int.Parse(await bell.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var comments = await administrator.Context.NewPageAsync();
        await comments.GotoAsync($"{address}/comments");
        await Expect(comments.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(comments.GetByTestId("comment")).ToHaveCountAsync(0);

        // On node 1 the secretariat comments a line and mentions the administrator.
        await CommentFirstLineMentioningAsync(secretariat.Page, "Numéroter les articles ?", "Samir", "admin@noress.demo");
        await Expect(secretariat.Page.GetByTestId("comment")).ToContainTextAsync("Numéroter les articles ?");

        // Node 2 hears of it through Redis: the live page shows the comment, the bell counts the mention.
        await Expect(comments.GetByTestId("comment")).ToContainTextAsync("Numéroter les articles ?");
        await Expect(bell).ToHaveAttributeAsync("data-count", (unread + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await comments.CloseAsync();

        // Back in the editor on node 1, the secretariat types; once node 2's editor shows it, it is stored (acknowledged).
        await secretariat.GoToInteractiveAsync(address);
        await ExpectEditorConnectedAsync(secretariat.Page);
        await TypeAtAsync(secretariat.Page, "Control+End", "\nArticle 3 : avant la panne.");
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Article 3 : avant la panne.");
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        var acknowledged = await EditorTextAsync(administrator.Page);

        // Node 1 dies without a word.
        await cluster.Node1.KillAsync();

        // The secretariat's page loses its circuit; Blazor tries again through the proxy, reaches node 2, which does not
        // know that circuit, and our reconnect bar offers the reload a person would click. Nothing else is done for them.
        var reload = secretariat.Page.Locator("#components-reconnect-modal a[data-reload]:visible");
        await Expect(reload).ToHaveCountAsync(1);
        await reload.ClickAsync();
        await secretariat.WaitForInteractiveAsync();
        await ExpectEditorConnectedAsync(secretariat.Page);

        // Served by node 2 now, still signed in (the keys that protect the cookie are shared), nothing acknowledged lost.
        Assert.Equal("node2", await secretariat.PinnedNodeAsync());
        await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync("Article 3 : avant la panne.");
        Assert.Equal(acknowledged, await EditorTextAsync(secretariat.Page));

        // They carry on together, and the administrator sees the secretariat once (the dead node's entry is gone).
        await TypeAtAsync(secretariat.Page, "Control+End", " Après la panne.");
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Après la panne.");
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        await Expect(administrator.Page.Locator($".cm-remote-cursor-label[data-name='{SecretariatName}']")).ToHaveCountAsync(1);
        await Expect(administrator.Page.GetByTestId("presence-chip").Filter(new() { HasText = SecretariatName })).ToHaveCountAsync(1);
        Assert.Empty(administrator.Errors);
    }

    /// <summary>
    /// The proxy is believed only from its own address, and what one node issues another accepts: a sign-in form
    /// rendered by node 1 (its antiforgery token and cookie) is posted through node 2 and signs in.
    /// </summary>
    private async Task ProxyAndKeysAsync()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        using var proxy = new HttpClient(handler) { BaseAddress = cluster.Proxy.PublicAddress };
        cookies.Add(cluster.Proxy.PublicAddress, new System.Net.Cookie("noress_node", cluster.Node1.Name));
        using var form = await proxy.GetAsync("Account/Login");
        // Outside Development a plain-HTTP request gets the "secure connection required" page: the node believed
        // nginx's X-Forwarded-Proto (the same header sent directly is refused below).
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https-required", html, StringComparison.Ordinal);
        Assert.Equal(cluster.Node1.Name, cookies.GetCookies(cluster.Proxy.PublicAddress)["noress_node"]?.Value);
        var token = TokenPattern().Match(html).Groups[1].Value;

        cookies.Add(cluster.Proxy.PublicAddress, new System.Net.Cookie("noress_node", cluster.Node2.Name));
        using var signIn = await proxy.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = "member@noress.demo",
            ["Input.Password"] = ScaleOutCluster.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("Account/", signIn.Headers.Location?.OriginalString ?? "Account/", StringComparison.Ordinal);
        Assert.Equal(cluster.Node2.Name, cookies.GetCookies(cluster.Proxy.PublicAddress)["noress_node"]?.Value);

        // The same forwarded header sent to a node by anyone but the proxy is not believed.
        using var direct = new HttpClient { BaseAddress = cluster.Node2.DirectAddress };
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "Account/Login");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        using var refused = await direct.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-testid=\"https-required\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> CreateDocumentAsync(BrowserSession session, string title, string text)
    {
        var page = session.Page;
        await session.GoToInteractiveAsync("documents");
        await page.GetByTestId("document-create").ClickAsync();
        await page.Locator("[data-testid=document-title-input] input, input[data-testid=document-title-input]").FillAsync(title);
        await page.Locator("[data-testid=document-text-input] textarea, textarea[data-testid=document-text-input]").FillAsync(text);
        await page.GetByTestId("document-create-submit").ClickAsync();
        await Expect(page.GetByTestId("document-create-submit")).ToHaveCountAsync(0);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/documents/", StringComparison.Ordinal));
        return new Uri(page.Url).AbsolutePath.TrimStart('/');
    }

    private static async Task CommentFirstLineMentioningAsync(IPage page, string comment, string search, string email)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.PressAsync("Shift+End");
        await page.GetByTestId("document-comment-selection").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/comments", StringComparison.Ordinal));
        var body = page.Locator("[data-testid=comments-new-body] textarea, textarea[data-testid=comments-new-body]");
        await body.FillAsync(comment);
        await Expect(page.GetByTestId("comments-new-submit")).ToBeEnabledAsync();
        await body.PressAsync("Tab");
        await page.Locator("[data-testid=comments-new] [data-testid=comment-mention] input, [data-testid=comments-new] input[data-testid=comment-mention]").FillAsync(search);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = email }).ClickAsync();
        await Expect(body).ToHaveValueAsync($"{comment} @{email} ");
        await page.GetByTestId("comments-new-submit").ClickAsync();
    }

    private static Task ExpectEditorConnectedAsync(IPage page) =>
        Expect(page.Locator("[data-testid=collaborative-editor][data-connection=connected]")).ToHaveCountAsync(1);

    private static async Task TypeAtAsync(IPage page, string key, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync(key);
        await page.Keyboard.TypeAsync(text, new() { Delay = 15 });
    }

    private static Task<string> EditorTextAsync(IPage page) => page.EvaluateAsync<string>(EditorTextScript);

    /// <summary>Both editors settle on one text (the authority's); a difference left after the wait fails.</summary>
    private static async Task WaitForSameTextAsync(IPage first, IPage second)
    {
        await first.WaitForFunctionAsync($"expected => ({EditorTextScript})() === expected", await EditorTextAsync(second), new() { Timeout = 90_000 });
        Assert.Equal(await EditorTextAsync(first), await EditorTextAsync(second));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
