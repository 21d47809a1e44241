using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Noress.App.Documents;
using Noress.App.Shared.RealTime;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Documents;

/// <summary>What a person does in the documents area, shared by the documents journeys.</summary>
internal static class DocumentSteps
{
    /// <summary>Creates a document through the list page's dialog; returns its address.</summary>
    public static async Task<string> CreateDocumentAsync(BrowserSession session, string title, string text)
    {
        var page = session.Page;
        await session.GoToInteractiveAsync("documents");
        await page.GetByTestId("document-create").ClickAsync();
        await page.Locator("[data-testid=document-title-input] input, input[data-testid=document-title-input]").FillAsync(title);
        await page.Locator("[data-testid=document-text-input] textarea, textarea[data-testid=document-text-input]").FillAsync(text);
        await page.GetByTestId("document-create-submit").ClickAsync();
        // The dialog closes first, then the new document opens: a failure says which of the two did not happen.
        await Expect(page.GetByTestId("document-create-submit")).ToHaveCountAsync(0);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/documents/", StringComparison.Ordinal));
        return new Uri(page.Url).AbsolutePath.TrimStart('/');
    }

    /// <summary>
    /// The text the server has stored once it satisfies <paramref name="done"/>: read again on each "updated" event the
    /// document publishes for accepted edits, never on a timer. Gives up after a minute and returns what is stored.
    /// </summary>
    public static async Task<string> WaitForStoredTextAsync(IServiceProvider services, Guid documentId, Func<string, bool> done)
    {
        var authority = services.GetRequiredService<DocumentAuthority>();
        using var changed = new SemaphoreSlim(0);
        // Subscribed before the first read, so an edit accepted in between still wakes the loop.
        using var subscription = services.GetRequiredService<IEventBus>().Subscribe(Topics.Document(documentId), _ =>
        {
            changed.Release();
            return Task.CompletedTask;
        });
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var text = (await authority.GetHeadAsync(documentId))?.Text ?? string.Empty;
            if (done(text))
            {
                return text;
            }

            try
            {
                await changed.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                return text;
            }
        }
    }

    /// <summary>Types at the end of the document, one key every <paramref name="delayMilliseconds"/> (0: as fast as the browser takes them).</summary>
    public static Task TypeAtEndAsync(IPage page, string text, int delayMilliseconds = 15) => TypeAtAsync(page, "Control+End", text, delayMilliseconds);

    public static Task TypeAtStartAsync(IPage page, string text) => TypeAtAsync(page, "Control+Home", text, 15);

    private static async Task TypeAtAsync(IPage page, string key, string text, int delayMilliseconds)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync(key);
        await page.Keyboard.TypeAsync(text, new() { Delay = delayMilliseconds });
    }
}
