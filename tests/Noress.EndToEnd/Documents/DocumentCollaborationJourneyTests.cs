using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>Two people in one document, each in their own browser context, as issue 4 describes.</summary>
[Collection(NoressServerCollection.Name)]
public sealed class DocumentCollaborationJourneyTests(NoressServer server)
{
    private const string SecretariatName = "Nadia Benali";
    private const string AdministratorName = "Samir El Amrani";

    // The text of the editor's lines, without the remote cursors' name labels drawn among them.
    private const string EditorTextScript = """
        () => Array.from(document.querySelectorAll('.cm-content .cm-line')).map(line => {
            const copy = line.cloneNode(true);
            copy.querySelectorAll('.cm-remote-cursor').forEach(cursor => cursor.remove());
            return copy.textContent;
        }).join('\n')
        """;

    [Fact]
    public async Task TwoPeople_TypeAtTheSameTime_EndWithTheSameTextAndSeeEachOthersCursor()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        await using var administrator = await SignedInAsync("admin@noress.demo");
        var address = await CreateDocumentAsync(secretariat, "Procès-verbal du bureau", "Ordre du jour\n");
        await OpenEditorAsync(secretariat, address);
        await OpenEditorAsync(administrator, address);

        // Each types in their own place (the very same spot is TwoPeople_TypeAtTheSameSpot_...).
        await Task.WhenAll(
            TypeAtEndAsync(secretariat.Page, " Point 1 : budget."),
            TypeAtStartAsync(administrator.Page, "النقطة 2: الميزانية. "));

        await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync("النقطة 2: الميزانية. ");
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Point 1 : budget.");
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        var text = await EditorTextAsync(secretariat.Page);
        Assert.Contains("Point 1 : budget.", text, StringComparison.Ordinal);
        Assert.Contains("النقطة 2: الميزانية.", text, StringComparison.Ordinal);

        await Expect(secretariat.Page.Locator($".cm-remote-cursor-label[data-name='{AdministratorName}']")).ToBeVisibleAsync();
        await Expect(administrator.Page.Locator($".cm-remote-cursor-label[data-name='{SecretariatName}']")).ToBeVisibleAsync();
        await Expect(secretariat.Page.GetByTestId("presence-chip").Filter(new() { HasText = AdministratorName })).ToBeVisibleAsync();
        await secretariat.ScreenshotAsync("document-editor-fr.png");
        await secretariat.AssertNoBrowserErrorsAsync();
        await administrator.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task TwoPeople_TypeAtTheSameSpot_InArabicAndFrench_EachRunStaysInOnePiece()
    {
        const string French = "Économie sociale et solidaire";
        const string Arabic = "الاقتصاد الاجتماعي والتضامني";
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        await using var administrator = await SignedInAsync("admin@noress.demo");
        var address = await CreateDocumentAsync(secretariat, "Note d'orientation", "Objet : ");
        await OpenEditorAsync(secretariat, address);
        await OpenEditorAsync(administrator, address);

        // Both at the end of the document, typing at once and fast: their letters reach the server in any order,
        // and a letter often arrives while the other's own is still unconfirmed (issue 9 got "المÉconخomie…").
        await Task.WhenAll(TypeAtEndAsync(secretariat.Page, French, 0), TypeAtEndAsync(administrator.Page, Arabic, 0));

        await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync(Arabic);
        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync(French);
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        var text = await EditorTextAsync(secretariat.Page);
        Assert.Contains(French, text, StringComparison.Ordinal);
        Assert.Contains(Arabic, text, StringComparison.Ordinal);
        Assert.Equal("Objet :", text.Replace(French, string.Empty, StringComparison.Ordinal).Replace(Arabic, string.Empty, StringComparison.Ordinal).Trim());
        await secretariat.AssertNoBrowserErrorsAsync();
        await administrator.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Suggestion_MadeByOne_IsAcceptedByTheOther_AndReachesBothEditors()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        await using var administrator = await SignedInAsync("admin@noress.demo");
        var address = await CreateDocumentAsync(secretariat, "Mémorandum d'entente", "Article 1.\n");
        await OpenEditorAsync(secretariat, address);
        await OpenEditorAsync(administrator, address);

        await secretariat.Page.Locator("[data-testid=suggestion-mode] input[type=checkbox], input[data-testid=suggestion-mode]").CheckAsync();
        await TypeAtEndAsync(secretariat.Page, " Proposition : durée de trois ans.");
        await secretariat.Page.GetByTestId("suggestion-send").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("suggestion-sent")).ToBeVisibleAsync();
        // Both editors show it at once as a tracked change, and the list of the editor who decides fills
        // without a reload; the text itself changes only once the suggestion is accepted.
        var tracked = $".cm-suggested-insertion[data-text=' Proposition : durée de trois ans.'][title='Suggestion de {SecretariatName}']";
        await Expect(administrator.Page.Locator(tracked)).ToBeVisibleAsync();
        await Expect(secretariat.Page.Locator(tracked)).ToBeVisibleAsync();
        await Expect(administrator.Page.Locator(".cm-content")).Not.ToContainTextAsync("Proposition");
        await administrator.ScreenshotAsync("document-suggestion-fr.png");
        var suggestion = administrator.Page.GetByTestId("suggestion-item");
        await Expect(suggestion).ToHaveCountAsync(1);
        await suggestion.GetByTestId("suggestion-accept").ClickAsync();

        await Expect(administrator.Page.Locator(".cm-content")).ToContainTextAsync("Proposition : durée de trois ans.");
        await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync("Proposition : durée de trois ans.");
        await Expect(administrator.Page.GetByTestId("suggestion-item")).ToHaveCountAsync(0);
        await Expect(administrator.Page.Locator(".cm-suggested-insertion")).ToHaveCountAsync(0);
        await Expect(secretariat.Page.Locator(".cm-suggested-insertion")).ToHaveCountAsync(0);
        await WaitForSameTextAsync(secretariat.Page, administrator.Page);
        await secretariat.AssertNoBrowserErrorsAsync();
        await administrator.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task SharedWithMembers_AMemberSuggestsLive_AndTheSecretariatAccepts()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        await using var member = await SignedInAsync("member@noress.demo");
        var address = await CreateDocumentAsync(secretariat, "Charte du réseau", "Article 1.\n");
        await OpenEditorAsync(secretariat, address);
        await OpenEditorAsync(member, address);
        await Expect(member.Page.GetByTestId("editor-readonly")).ToBeVisibleAsync();

        // The secretariat shares the document with every member as "Suggestion" through the dialog.
        await secretariat.Page.GetByTestId("document-share").ClickAsync();
        var dialog = secretariat.Page.GetByTestId("share-dialog");
        await Expect(dialog.GetByTestId("share-none")).ToBeVisibleAsync();
        await dialog.Locator("[data-testid=share-target] input, input[data-testid=share-target]").FillAsync("membres");
        await secretariat.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Tous les membres du réseau" }).ClickAsync();
        await Expect(secretariat.Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await dialog.GetByTestId("share-add-submit").ClickAsync();
        await Expect(dialog.GetByTestId("share-grant")).ToContainTextAsync("Tous les membres du réseau");
        await secretariat.ScreenshotAsync("document-share-fr.png");
        await secretariat.Page.GetByTestId("share-close").ClickAsync();

        // The member's open editor learns the new right without a reload and types a suggestion.
        await Expect(member.Page.GetByTestId("suggestion-only")).ToBeVisibleAsync();
        await Expect(member.Page.GetByTestId("editor-readonly")).ToHaveCountAsync(0);
        await TypeAtEndAsync(member.Page, "Article 2 : adhésion.");
        await member.Page.GetByTestId("suggestion-send").ClickAsync();
        await Expect(member.Page.GetByTestId("suggestion-sent")).ToBeVisibleAsync();

        await Expect(secretariat.Page.Locator(".cm-suggested-insertion[data-text='Article 2 : adhésion.']")).ToBeVisibleAsync();
        await secretariat.Page.GetByTestId("suggestion-item").GetByTestId("suggestion-accept").ClickAsync();
        await Expect(member.Page.Locator(".cm-content")).ToContainTextAsync("Article 2 : adhésion.");
        await WaitForSameTextAsync(secretariat.Page, member.Page);

        // Unshared: the member's open editor falls back to the space's right (comment only) at once.
        await secretariat.Page.GetByTestId("document-share").ClickAsync();
        await secretariat.Page.GetByTestId("share-grant-remove").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("share-none")).ToBeVisibleAsync();
        await secretariat.Page.GetByTestId("share-close").ClickAsync();
        await Expect(member.Page.GetByTestId("editor-readonly")).ToBeVisibleAsync();
        await Expect(member.Page.GetByTestId("suggestion-only")).ToHaveCountAsync(0);
        await Expect(member.Page.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false");
        await secretariat.AssertNoBrowserErrorsAsync();
        await member.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task MixedFrenchAndArabic_EachParagraphTakesItsOwnDirection_InEditorAndPreview()
    {
        await using var secretariat = await SignedInAsync("secretariat@noress.demo");
        const string French = "Le règlement intérieur du réseau.";
        const string Arabic = "النظام الداخلي للشبكة.";
        var address = await CreateDocumentAsync(secretariat, "Règlement intérieur – النظام الداخلي", $"{French}\n\n{Arabic}\n");
        await OpenEditorAsync(secretariat, address);
        var page = secretariat.Page;

        await Expect(page.Locator(".cm-line[dir=rtl]", new() { HasText = Arabic })).ToHaveCountAsync(1);
        await Expect(page.Locator(".cm-line[dir=ltr]", new() { HasText = French })).ToHaveCountAsync(1);

        // The preview is rendered when asked for, from the editor's text (ADR 0058).
        await page.GetByTestId("document-layout-split").ClickAsync();
        var preview = page.GetByTestId("document-preview");
        var arabicBlock = preview.Locator("[dir=auto]", new() { HasText = Arabic });
        var frenchBlock = preview.Locator("[dir=auto]", new() { HasText = French });
        await Expect(arabicBlock).ToHaveCountAsync(1);
        Assert.Equal("rtl", await arabicBlock.EvaluateAsync<string>("element => getComputedStyle(element).direction"));
        Assert.Equal("ltr", await frenchBlock.EvaluateAsync<string>("element => getComputedStyle(element).direction"));

        // Typing Arabic on a new line turns that line right to left while it is typed, and the preview follows.
        await TypeAtEndAsync(page, "\nمرحبا بالجميع");
        await Expect(page.Locator(".cm-line[dir=rtl]", new() { HasText = "مرحبا بالجميع" })).ToHaveCountAsync(1);
        await Expect(preview.Locator("[dir=auto]", new() { HasText = "مرحبا بالجميع" })).ToHaveCountAsync(1);
        await secretariat.AssertNoBrowserErrorsAsync();
    }

    private async Task<BrowserSession> SignedInAsync(string email)
    {
        var session = await server.OpenSessionAsync();
        await session.SignInAsync(email);
        return session;
    }

    private static async Task OpenEditorAsync(BrowserSession session, string address)
    {
        if (new Uri(session.Page.Url).AbsolutePath.TrimStart('/') != address)
        {
            await session.GoToInteractiveAsync(address);
        }

        await Expect(session.Page.Locator("[data-testid=collaborative-editor][data-connection=connected]")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator(".cm-content")).ToBeVisibleAsync();
    }

    private static Task<string> EditorTextAsync(IPage page) => page.EvaluateAsync<string>(EditorTextScript);

    /// <summary>Both editors settle on one text (the authority's); a difference left after the wait fails.</summary>
    private static async Task WaitForSameTextAsync(IPage first, IPage second)
    {
        await first.WaitForFunctionAsync(
            $"expected => ({EditorTextScript})() === expected",
            await EditorTextAsync(second),
            new() { Timeout = 60_000 });
        Assert.Equal(await EditorTextAsync(first), await EditorTextAsync(second));
    }
}
