using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>
/// What used to lose work in the editor (issue 8, items 4 and 6): a long paste, and a backlog of edits larger than
/// the rate limit's burst. Both reach the server and another person's editor without any reload.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed partial class DocumentEditorLimitsJourneyTests(NoressServer server)
{
    private const string Connection = "[data-testid=editor-connection]";

    [Fact]
    public async Task Paste_Of100Kb_IsSaved_AndAnotherEditorHasIt()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        var page = secretariat.Page;
        var address = await CreateDocumentAsync(secretariat, "Règlement complet", "Préambule\n");
        var documentId = Guid.Parse(address.Split('/')[1]);
        await Expect(page.Locator(Connection)).ToHaveAttributeAsync("data-state", "connected");
        var paste = LongText(100 * 1024);

        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        // A real paste event, as the clipboard delivers it to CodeMirror.
        await page.EvaluateAsync(
            """
            text => {
                const data = new DataTransfer();
                data.setData('text/plain', text);
                document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            paste);

        await WaitForServerTextAsync(documentId, "Préambule\n" + paste);
        await Expect(page.Locator(Connection)).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByTestId("editor-error")).ToHaveCountAsync(0);
        await using var administrator = await SignedInAsync("admin@noress.demo");
        await administrator.GoToInteractiveAsync(address);
        await Expect(administrator.Page.Locator(Connection)).ToHaveAttributeAsync("data-state", "connected");
        await administrator.Page.Locator(".cm-content").ClickAsync();
        await administrator.Page.Keyboard.PressAsync("Control+End");
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Fin du collage.");
        await secretariat.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Backlog_Of500Edits_MadeWhileCutOff_DrainsWithoutReload_AndAnotherEditorSeesIt()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        var page = secretariat.Page;
        // The document hub's WebSocket goes through a route the test can cut, like a network that drops.
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(HubSocket(), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        var address = await CreateDocumentAsync(secretariat, "Compte rendu", "Séance\n");
        var documentId = Guid.Parse(address.Split('/')[1]);
        var status = page.Locator(Connection);
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => window.noressNoReload = 'same page'");

        // Cut off: the socket drops and no new one can be negotiated.
        await page.RouteAsync(HubNegotiate(), route => route.AbortAsync());
        foreach (var socket in SocketsOf(sockets))
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "cut" });
        }

        await Expect(status).ToHaveAttributeAsync("data-state", "reconnecting");
        var typed = string.Concat(Enumerable.Range(0, 520).Select(i => (char)('a' + (i % 26))));
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(typed, new() { Delay = 10 });
        // One update per keystroke: the backlog the local copy holds is over 500 change sets.
        await page.WaitForFunctionAsync(
            "id => Object.keys(localStorage).some(key => key.startsWith('noress.documents.pending.' + id) && JSON.parse(localStorage.getItem(key)).changes.length >= 500)",
            documentId.ToString());

        // The network comes back: the editor reconnects by itself and drains the backlog in pieces.
        await page.UnrouteAsync(HubNegotiate());
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await WaitForServerTextAsync(documentId, "Séance\n" + typed);
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.noressNoReload"));
        await Expect(page.GetByTestId("editor-error")).ToHaveCountAsync(0);
        await using var administrator = await SignedInAsync("admin@noress.demo");
        await administrator.GoToInteractiveAsync(address);
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync(typed);
    }

    private async Task<BrowserSession> SignedInAsync(string email)
    {
        var session = await server.OpenSessionAsync();
        await session.SignInAsync(email);
        return session;
    }

    private async Task WaitForServerTextAsync(Guid documentId, string expected)
    {
        var text = await WaitForStoredTextAsync(server.Services, documentId, stored => stored == expected);
        Assert.True(text == expected, $"The server has {text.Length} characters, {expected.Length} expected; it ends with: {text[Math.Max(0, text.Length - 80)..]}");
    }

    /// <summary>About <paramref name="length"/> characters of French and Arabic lines, ending with a marker.</summary>
    private static string LongText(int length)
    {
        var text = new StringBuilder();
        for (var line = 1; text.Length < length; line++)
        {
            text.Append("Article ").Append(line).Append(" : le réseau réunit ses membres chaque année — المادة ").Append(line).Append('\n');
        }

        return text.Append("Fin du collage.").ToString();
    }

    private static IEnumerable<IWebSocketRoute> SocketsOf(List<IWebSocketRoute> sockets)
    {
        lock (sockets)
        {
            return [.. sockets];
        }
    }

    [GeneratedRegex("/hubs/documents\\?")]
    private static partial Regex HubSocket();

    [GeneratedRegex("/hubs/documents/negotiate")]
    private static partial Regex HubNegotiate();
}
