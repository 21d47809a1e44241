using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>
/// The server stops while a person is typing and starts again on the same database and address: every
/// acknowledged edit is still there, and what was typed meanwhile reaches the document (pushed after the
/// editor reconnects, or offered back from local storage when the page had to be reloaded first).
/// </summary>
public sealed class DocumentRestartJourneyTests : IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"noress-e2e-restart-{Guid.NewGuid():N}.db");
    private readonly int port = NoressServer.FreeLoopbackPort();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private NoressServer? server;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await NoressServer.LaunchChromiumAsync(playwright);
        server = await StartServerAsync();
    }

    [Fact]
    public async Task ServerRestart_WhileTyping_KeepsAcknowledgedAndOfflineEdits()
    {
        await using var session = await NoressServer.OpenSessionAsync(browser!, server!.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        var address = await CreateDocumentAsync(session, "Procès-verbal", "Ordre du jour\n");
        var documentId = Guid.Parse(address.Split('/')[1]);
        await Expect(page.Locator("[data-testid=collaborative-editor][data-connection=connected]")).ToHaveCountAsync(1);

        await TypeAtEndAsync(page, "Acquis avant l'arrêt.");
        await WaitForServerTextAsync(documentId, "Acquis avant l'arrêt.");

        // The server goes away; the person keeps typing (the editor keeps the edits and mirrors them locally).
        await StopServerAsync();
        await TypeAtEndAsync(page, " Tapé hors ligne.");
        await Expect(page.Locator(".cm-content")).ToContainTextAsync("Tapé hors ligne.");
        // One update per keystroke: the local copy holds them as separate change sets.
        await page.WaitForFunctionAsync(
            "id => Object.keys(localStorage).some(key => key.startsWith('noress.documents.pending.' + id) && JSON.parse(localStorage.getItem(key)).changes.length >= 10)",
            documentId.ToString());

        server = await StartServerAsync();

        // The editor reconnects by itself and pushes what was typed offline: no reload, no "restore" press.
        await WaitForServerTextAsync(documentId, "Acquis avant l'arrêt. Tapé hors ligne.");
        await session.GoToInteractiveAsync(address);
        await Expect(page.Locator(".cm-content")).ToContainTextAsync("Acquis avant l'arrêt. Tapé hors ligne.");
        await Expect(page.GetByTestId("unsaved-banner")).ToHaveCountAsync(0);
    }

    // Stopped with the page still open, like a crash or a deployment: open connections are cut after a short wait.
    private async Task StopServerAsync()
    {
        var stopping = server!;
        server = null;
        try
        {
            await ((IAsyncLifetime)stopping).DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The job server reports the cut-short shutdown; the database has every acknowledged update.
        }
    }

    private async Task<NoressServer> StartServerAsync()
    {
        var started = NoressServer.OnDatabase(databaseFile, port, shutdownTimeout: TimeSpan.FromSeconds(2));
        await started.InitializeAsync();
        return started;
    }

    private async Task WaitForServerTextAsync(Guid documentId, string text)
    {
        var stored = await WaitForStoredTextAsync(server!.Services, documentId, stored => stored.Contains(text, StringComparison.Ordinal));
        Assert.Contains(text, stored, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await StopServerAsync();
        }

        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        NoressServer.DeleteDatabase(databaseFile);
    }
}
