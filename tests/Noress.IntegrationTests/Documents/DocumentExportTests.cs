using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Documents;

public sealed class DocumentExportTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ExportMarkdown_AsReader_DownloadsTheCurrentText()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "# Règlement\n");
        await using (var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo"))
        {
            await editor.JoinAsync(id);
            Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[12,[0,"","مرحبا"]]"""))).Accepted);
        }

        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/export.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Règlement-intérieur.md", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("# Règlement\n\nمرحبا", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportMarkdown_WithoutReadRight_IsForbidden()
    {
        var id = await CreateAsync(DocumentSpaceKind.Session, "Procès-verbal confidentiel");
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/export.md");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("confidentiel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportMarkdown_UnknownDocument_IsNotFound()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{Guid.NewGuid()}/export.md");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ExportMarkdown_Anonymous_IsSentToLogin()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "texte");

        var response = await factory.CreateAnonymousClient().GetAsync($"/documents/{id}/export.md");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintPage_OfALabel_ShowsTheFrozenTextWithDirAuto()
    {
        var (id, labelId) = await LabelledDocumentAsync();
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/print?label={labelId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p dir=\"auto\">المادة الثانية</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"auto\">Article 1</p>", html, StringComparison.Ordinal);
        Assert.Contains("adopté le 18/03/2015", html, StringComparison.Ordinal);
        Assert.DoesNotContain("texte ajouté après", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_OfALabel_HasTheFrozenTextWithArabicSearchable()
    {
        var (id, labelId) = await LabelledDocumentAsync();
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/export.pdf?label={labelId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var lines = PdfText.Lines(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join('\n', lines.Select(l => l.Text));
        Assert.Contains("adopté", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ajouté", text, StringComparison.Ordinal);
        // Printed right to left, read back in logical order with its letters, not presentation forms.
        var arabic = lines.Single(l => l.Text.Contains("المادة", StringComparison.Ordinal));
        Assert.Equal("المادة الثانية", arabic.Text);
        Assert.True(arabic.RightToLeft);
        Assert.False(PdfText.HasPresentationForms(text), PdfText.Describe(text));
    }

    [Fact]
    public async Task Pdf_WithoutChromium_AnswersAClearLocalized503()
    {
        await using var noChromium = new NoressAppFactory().With("Pdf:ChromiumPath", "/nonexistent/chromium");
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(noChromium, "Article 1");
        var client = await noChromium.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/export.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        Assert.Contains(page.QuerySelector("h1")?.TextContent, new[] { "fr", "ar", "en" }.Select(c => Localized(c, "Pdf.Unavailable")));
        Assert.Equal($"/documents/{id}/print", page.QuerySelector("article a")?.GetAttribute("href"));
        Assert.DoesNotContain("/nonexistent", body, StringComparison.Ordinal);
        // The rest of the app works: the print page and the markdown download.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documents/{id}/print")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documents/{id}/export.md")).StatusCode);
    }

    [Fact]
    public async Task Start_PdfRequiredWithoutChromium_StopsWithOneClearMessage()
    {
        await using var required = new NoressAppFactory().With("Pdf:Required", "true").With("Pdf:ChromiumPath", "/nonexistent/chromium");

        var error = Record.Exception(() => required.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Pdf:Required is true but Pdf:ChromiumPath (/nonexistent/chromium) does not exist.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WithoutReadRight_IsForbidden()
    {
        var id = await CreateAsync(DocumentSpaceKind.Session, "Procès-verbal confidentiel");
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/export.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PrintPage_LabelOfAnotherDocument_IsNotFound()
    {
        var first = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Un");
        var second = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Deux");
        var labelId = (await factory.Services.GetRequiredService<DocumentHistoryService>().AddLabelAsync(await SecretariatAsync(), first, 0, "v0")).Value;
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{second}/print?label={labelId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("history", "data-testid=\"history-text\"")]
    [InlineData("comments", "data-testid=\"comments-none\"")]
    public async Task HistoryAndCommentsPages_AsReader_Render(string page, string marker)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1");
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/documents/{id}/{page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // "Article 1" and an Arabic article, labelled "adopté le 18/03/2015" at version 1, then a French addition after it.
    private async Task<(Guid Id, Guid LabelId)> LabelledDocumentAsync()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[9,[0,"","","المادة الثانية"]]"""))).Accepted);
        var history = factory.Services.GetRequiredService<DocumentHistoryService>();
        var labelId = (await history.AddLabelAsync(await SecretariatAsync(), id, 1, "adopté le 18/03/2015")).Value;
        Assert.True((await editor.PushAsync(id, 1, DocumentHubClient.Update("b", $$"""[{{"Article 1\n\nالمادة الثانية".Length}},[0," — texte ajouté après"]]"""))).Accepted);
        return (id, labelId);
    }

    private static string Localized(string culture, string key) =>
        new System.Resources.ResourceManager(typeof(Noress.App.Documents.History.DocumentsHistoryText)).GetString(key, System.Globalization.CultureInfo.GetCultureInfo(culture))!;

    private Task<ClaimsPrincipal> SecretariatAsync() => DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);

    private async Task<Guid> CreateAsync(DocumentSpaceKind space, string text) =>
        (await factory.Services.GetRequiredService<DocumentService>().CreateAsync(await SecretariatAsync(), space, Guid.NewGuid(), "Session", text)).Value;
}
