using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>
/// A reconnection that does not go smoothly: the server, still starting, fails the editor's first Join with an
/// unexpected error. That is not a refusal: the editor joins again and pushes what was typed meanwhile.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed partial class DocumentReconnectJourneyTests(NoressServer server)
{
    private const string Separator = "\u001e";

    [Fact]
    public async Task Reconnect_WhenTheFirstJoinFails_JoinsAgain_AndPushesTheEditsTypedMeanwhile()
    {
        var session = await server.OpenSessionAsync();
        await using var _ = session;
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        var sockets = new List<IWebSocketRoute>();
        var failNextJoin = false;
        // The hub's WebSocket goes through the test: frames from the page are forwarded to the server, except a
        // Join the test answers itself with the error a failing server sends.
        await page.RouteWebSocketAsync(HubSocket(), socket =>
        {
            var toServer = socket.ConnectToServer();
            socket.OnMessage(frame =>
            {
                foreach (var message in (frame.Text ?? string.Empty).Split(Separator, StringSplitOptions.RemoveEmptyEntries))
                {
                    using var json = JsonDocument.Parse(message);
                    var isJoin = json.RootElement.TryGetProperty("target", out var target) && target.GetString() == "Join";
                    if (isJoin && Interlocked.Exchange(ref failNextJoin, false))
                    {
                        var id = json.RootElement.GetProperty("invocationId").GetString();
                        socket.Send(JsonSerializer.Serialize(new { type = 3, invocationId = id, error = "An unexpected error occurred invoking 'Join' on the server." }) + Separator);
                        continue;
                    }

                    toServer.Send(message + Separator);
                }
            });
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        var address = await CreateDocumentAsync(session, "Ordre du jour", "Points\n");
        var documentId = Guid.Parse(address.Split('/')[1]);
        var status = page.Locator("[data-testid=editor-connection]");
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => window.noressNoReload = 'same page'");

        await page.RouteAsync(HubNegotiate(), route => route.AbortAsync());
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "cut" });
        }

        await Expect(status).ToHaveAttributeAsync("data-state", "reconnecting");
        await TypeAtEndAsync(page, "Tapé hors ligne.");
        Volatile.Write(ref failNextJoin, true);
        await page.UnrouteAsync(HubNegotiate());

        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        Assert.False(Volatile.Read(ref failNextJoin), "the first Join after the reconnection was failed");
        await TypeAtEndAsync(page, " Puis en ligne.");
        var text = await WaitForStoredTextAsync(server.Services, documentId, stored => stored == "Points\nTapé hors ligne. Puis en ligne.");

        Assert.Equal("Points\nTapé hors ligne. Puis en ligne.", text);
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.noressNoReload"));
        await Expect(page.GetByTestId("editor-readonly")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/hubs/documents\\?")]
    private static partial Regex HubSocket();

    [GeneratedRegex("/hubs/documents/negotiate")]
    private static partial Regex HubNegotiate();
}
