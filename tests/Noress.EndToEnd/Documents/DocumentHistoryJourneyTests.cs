using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>A comment opened from the editor's selection, and the history's time slider.</summary>
[Collection(NoressServerCollection.Name)]
public sealed class DocumentHistoryJourneyTests(NoressServer server)
{
    [Fact]
    public async Task CommentOnSelection_ThenHistorySlider_ShowsTheThreadAndTheEarlierText()
    {
        await using var session = await server.OpenSessionAsync();
        await session.SignInAsync("secretariat@noress.demo");
        var page = session.Page;
        var address = await CreateDocumentAsync(session, "Statuts du réseau", "Article 1.\n");
        await Expect(page.Locator("[data-testid=collaborative-editor][data-connection=connected]")).ToHaveCountAsync(1);
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("Article 2 : المقر.", new() { Delay = 15 });

        // A second tab joins the document: once it shows the addition, the server has stored it.
        var witness = await session.Context.NewPageAsync();
        await witness.GotoAsync(address);
        await Expect(witness.Locator(".cm-content")).ToContainTextAsync("Article 2 : المقر.");

        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.PressAsync("Shift+End");
        await page.GetByTestId("document-comment-selection").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/comments", StringComparison.Ordinal));
        await Expect(page.GetByTestId("comments-new-quote")).ToHaveTextAsync("Article 1.");
        var body = page.Locator("[data-testid=comments-new-body] textarea, textarea[data-testid=comments-new-body]");
        await body.FillAsync("Numéroter en chiffres romains ?");
        // The send button follows the text as it is typed, before the box loses focus.
        await Expect(page.GetByTestId("comments-new-submit")).ToBeEnabledAsync();
        await body.PressAsync("Tab");
        await page.Locator("[data-testid=comments-new] [data-testid=comment-mention] input, [data-testid=comments-new] input[data-testid=comment-mention]").FillAsync("Samir");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "admin@noress.demo" }).ClickAsync();
        await Expect(body).ToHaveValueAsync("Numéroter en chiffres romains ? @admin@noress.demo ");
        await page.GetByTestId("comments-new-submit").ClickAsync();
        await Expect(page.GetByTestId("comment-thread-quote")).ToHaveTextAsync("Article 1.");
        await Expect(page.GetByTestId("comment")).ToContainTextAsync("Numéroter en chiffres romains ? @admin@noress.demo");

        await session.GoToInteractiveAsync($"{address}/history");
        var text = page.GetByTestId("history-text");
        await Expect(text).ToContainTextAsync("Article 2 : المقر.");
        await Expect(page.GetByTestId("history-diff-lines").Locator("[data-kind=Inserted]")).ToContainTextAsync("المقر");
        await page.Locator("[data-testid=history-slider] input[type=range], input[type=range][data-testid=history-slider]").FillAsync("0");
        await Expect(text).ToHaveAttributeAsync("data-version", "0");
        await Expect(text).Not.ToContainTextAsync("المقر");
        await Expect(text).ToContainTextAsync("Article 1.");
        await session.ScreenshotAsync("document-history-fr.png");

        // The same page in Arabic lays out right to left; the print page follows the reader's language.
        await session.SwitchLanguageAsync("ar-MA");
        try
        {
            await session.GoToInteractiveAsync($"{address}/history");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.GetByTestId("history-text")).ToContainTextAsync("المقر");
            await session.ScreenshotAsync("document-history-ar.png");
            await page.GotoAsync($"{address}/print");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.Locator("article [dir=auto]", new() { HasText = "Article 1." })).ToHaveCountAsync(1);
        }
        finally
        {
            await session.GoToInteractiveAsync("");
            await session.SwitchLanguageAsync("fr-MA");
        }

        await session.AssertNoBrowserErrorsAsync();
    }
}
