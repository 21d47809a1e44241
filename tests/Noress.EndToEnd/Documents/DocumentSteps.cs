using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;

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
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/documents/", StringComparison.Ordinal));
        return new Uri(page.Url).AbsolutePath.TrimStart('/');
    }

    public static Task TypeAtEndAsync(IPage page, string text) => TypeAtAsync(page, "Control+End", text);

    public static Task TypeAtStartAsync(IPage page, string text) => TypeAtAsync(page, "Control+Home", text);

    private static async Task TypeAtAsync(IPage page, string key, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync(key);
        await page.Keyboard.TypeAsync(text, new() { Delay = 15 });
    }
}
