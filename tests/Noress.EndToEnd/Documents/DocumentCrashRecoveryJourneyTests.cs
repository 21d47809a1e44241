using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>
/// The server process dies (SIGKILL: no shutdown, no goodbye to the browser) while a person is typing and a new
/// process starts on the same database and port. Without any reload, the editor shows that it lost the server,
/// shows that it is back, and every character typed before, during and after the outage reaches the document.
/// </summary>
public sealed class DocumentCrashRecoveryJourneyTests : IAsyncLifetime
{
    private const string Connection = "[data-testid=editor-connection]";

    // Short timing so the test does not wait half a minute for the editor's server timeout (three keep-alives).
    private static readonly Dictionary<string, string> Timing = new()
    {
        ["Documents:KeepAliveSeconds"] = "1",
        ["Documents:ClientTimeoutSeconds"] = "4",
    };

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"noress-e2e-crash-{Guid.NewGuid():N}.db");
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"noress-e2e-crash-{Guid.NewGuid():N}");
    private readonly int port = NoressServer.FreeLoopbackPort();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private NoressProcess? server;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await NoressServer.LaunchChromiumAsync(playwright);
        server = await NoressProcess.StartAsync(databaseFile, port, dataFolder, Timing);
    }

    [Fact]
    public async Task ServerKilled_WhileTyping_EditorReconnectsByItself_AndEveryCharacterReachesTheServer()
    {
        await using var session = await NoressServer.OpenSessionAsync(browser!, server!.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        var address = await CreateDocumentAsync(session, "Procès-verbal", "Ordre du jour\n");
        var status = page.Locator(Connection);
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await TypeAtEndAsync(page, "Avant.");
        await WaitForServerTextAsync(address, "Ordre du jour\nAvant.");
        // Set on this very page: still there at the end means the page was never reloaded.
        await page.EvaluateAsync("() => window.noressNoReload = 'same page'");

        // The server is killed outright (SIGKILL), then started again on the same database and port.
        Assert.Equal(137, await server.KillAsync());
        await Expect(status).ToHaveAttributeAsync("data-state", "reconnecting");
        await Expect(status).ToHaveTextAsync("Reconnexion… vos modifications sont gardées");
        await page.Keyboard.TypeAsync(" Pendant.", new() { Delay = 15 });
        server = await NoressProcess.StartAsync(databaseFile, port, dataFolder, Timing);
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await Expect(status).ToHaveTextAsync("Connecté");
        await page.Keyboard.TypeAsync(" Après.", new() { Delay = 15 });
        await WaitForServerTextAsync(address, "Ordre du jour\nAvant. Pendant. Après.");

        // Now it hangs first (SIGSTOP: its sockets stay open, nothing answers), which only the editor's server
        // timeout can tell, and is then killed.
        await server.StopAsync();
        await Expect(status).ToHaveAttributeAsync("data-state", "reconnecting");
        await page.Keyboard.TypeAsync(" Figé.", new() { Delay = 15 });
        Assert.Equal(137, await server.KillAsync());
        await page.Keyboard.TypeAsync(" Tué.", new() { Delay = 15 });
        await Expect(page.Locator(".cm-content")).ToContainTextAsync("Après. Figé. Tué.");
        await Expect(status).ToHaveAttributeAsync("data-state", "reconnecting");
        server = await NoressProcess.StartAsync(databaseFile, port, dataFolder, Timing);
        await Expect(status).ToHaveAttributeAsync("data-state", "connected");
        await page.Keyboard.TypeAsync(" Reparti.", new() { Delay = 15 });

        await WaitForServerTextAsync(address, "Ordre du jour\nAvant. Pendant. Après. Figé. Tué. Reparti.");
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.noressNoReload"));
        await Expect(page.GetByTestId("unsaved-banner")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Reads the stored text as another person would get it: a fresh browser context and the markdown export. The
    /// browser waits for the export to hold the text (Playwright's wait on a condition, no sleep of ours).
    /// </summary>
    private async Task WaitForServerTextAsync(string address, string expected)
    {
        await using var reader = await NoressServer.OpenSessionAsync(browser!, server!.BaseAddress);
        await reader.SignInAsync("admin@noress.demo");
        var exportUrl = new Uri(server.BaseAddress, $"{address}/export.md").ToString();
        await reader.Page.GotoAsync(server.BaseAddress.ToString());
        try
        {
            await reader.Page.WaitForFunctionAsync(
                "async ([url, expected]) => (await (await fetch(url)).text()).replaceAll('\\r\\n', '\\n').includes(expected)",
                new[] { exportUrl, expected },
                new() { PollingInterval = 200, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Fall through to the assertion, which shows what is stored.
        }

        var response = await reader.Context.APIRequest.GetAsync(exportUrl);
        var text = response.Ok ? (await response.TextAsync()).Replace("\r\n", "\n", StringComparison.Ordinal) : $"HTTP {response.Status}";
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NoressServer.DeleteDatabase(databaseFile);
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
