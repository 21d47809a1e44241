using System.Net;
using AngleSharp.Html.Parser;
using Noress.App.Shared.Markdown;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>A document's text cannot take its own pages down: the page, the editor and the print page always answer (ADR 0009).</summary>
public sealed class DocumentRenderingTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public async Task DocumentPage_NestingBomb_OpensTheEditorAndShowsANotice(char bomb)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, Bombed(bomb));
        var editor = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await editor.GetAsync($"/documents/{id}?view=split");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid=collaborative-editor]"));
        var preview = page.QuerySelector("[data-testid=document-preview]");
        Assert.NotNull(preview);
        Assert.Single(preview.QuerySelectorAll("." + SafeMarkdown.UnrenderableClass));
        Assert.Equal("Avant", preview.QuerySelector("h1")?.TextContent);
        Assert.Contains("Après la partie illisible.", preview.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public async Task PrintPage_NestingBomb_ShowsANoticeAndTheRest(char bomb)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, Bombed(bomb));
        var reader = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await reader.GetAsync($"/documents/{id}/print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("article");
        Assert.NotNull(article);
        Assert.Single(article.QuerySelectorAll("." + SafeMarkdown.UnrenderableClass));
        Assert.Contains("Après la partie illisible.", article.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintPage_MathMlStyleSequence_ShowsItAsTextLikeThePdfAndKeepsWhatFollows()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "<math><mtext><table><mglyph><style>\n\nTexte qui suit.\n\n## Section suivante");
        var reader = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await reader.GetAsync($"/documents/{id}/print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("article");
        Assert.NotNull(article);
        Assert.Empty(article.QuerySelectorAll("math, style, table"));
        Assert.Contains("<math><mtext><table><mglyph><style>", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("Texte qui suit.", article.TextContent, StringComparison.Ordinal);
        Assert.Equal("Section suivante", article.QuerySelector("h2")?.TextContent);
    }

    [Fact]
    public async Task Pdf_NestingBomb_IsProduced()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, Bombed('>'));
        var reader = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await reader.GetAsync($"/documents/{id}/export.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Bombed(char bomb) => $"# Avant\n\nUn paragraphe.\n\n{new string(bomb, 10_000)}\n\nAprès la partie illisible.";
}
