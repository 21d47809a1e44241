using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>
/// What a person can meet in ordinary use of documents is refused with a code and a message in their language,
/// and nothing is written (ADR 0023).
/// </summary>
public sealed class DocumentRefusalTests : IAsyncLifetime
{
    private NoressAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new NoressAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Comment_Empty_IsRefused_AndNoThreadIsSaved(string body)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article premier.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);

        var outcome = await factory.Services.GetRequiredService<DocumentCommentService>().CreateThreadAsync(secretariat, id, 0, 0, 7, body);

        Assert.Equal("Refusal.Comment", outcome.Refusal?.Code);
        await using var db = await CreateDbAsync();
        Assert.False(await db.DocumentCommentThreads.AnyAsync(t => t.DocumentId == id));
    }

    [Fact]
    public async Task Comment_OnAPassageBeyondTheText_IsRefused()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Court.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);

        var outcome = await factory.Services.GetRequiredService<DocumentCommentService>().CreateThreadAsync(secretariat, id, 0, 0, 500, "Trop loin");

        Assert.Equal("Refusal.CommentRange", outcome.Refusal?.Code);
    }

    [Fact]
    public async Task Suggestion_DecidedTwice_IsRefusedTheSecondTime_InArabic()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);
        var suggestions = factory.Services.GetRequiredService<DocumentSuggestionService>();
        var created = await suggestions.CreateAsync(secretariat, id, 0, "[10,[0,\" Adopté.\"]]");
        Assert.True(created.Succeeded, created.Error);
        Assert.True((await suggestions.RejectAsync(secretariat, created.Value)).Succeeded);

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");
        try
        {
            var again = await suggestions.AcceptAsync(secretariat, created.Value);

            Assert.Equal("Refusal.SuggestionDecided", again.Refusal?.Code);
            Assert.Contains("الاقتراح", again.Error, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        await using var db = await CreateDbAsync();
        Assert.Equal(SuggestionStatus.Rejected, (await db.DocumentSuggestions.SingleAsync(s => s.Id == created.Value)).Status);
    }

    [Fact]
    public async Task Suggestion_ThatDoesNotFitItsVersion_IsRefused_AndNothingSaved()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);

        // A change set for a 3-character text, on a 10-character version.
        var outcome = await factory.Services.GetRequiredService<DocumentSuggestionService>().CreateAsync(secretariat, id, 0, "[3,[0,\"x\"]]");

        Assert.Equal("Refusal.SuggestionStale", outcome.Refusal?.Code);
        await using var db = await CreateDbAsync();
        Assert.False(await db.DocumentSuggestions.AnyAsync(s => s.DocumentId == id));
    }

    [Fact]
    public async Task Grant_RevokedTwice_IsRefusedTheSecondTime()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);
        var sharing = factory.Services.GetRequiredService<DocumentSharingService>();
        var grant = await sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Comment);
        Assert.True(grant.Succeeded, grant.Error);
        Assert.True((await sharing.RevokeAsync(secretariat, id, grant.Value)).Succeeded);

        var again = await sharing.RevokeAsync(secretariat, id, grant.Value);

        Assert.Equal("Refusal.GrantGone", again.Refusal?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Label_Empty_IsRefused_AndNoneSaved(string label)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);

        var outcome = await factory.Services.GetRequiredService<DocumentHistoryService>().AddLabelAsync(secretariat, id, 0, label);

        Assert.Equal("Refusal.Label", outcome.Refusal?.Code);
        await using var db = await CreateDbAsync();
        Assert.False(await db.DocumentLabels.AnyAsync(l => l.DocumentId == id));
    }

    [Fact]
    public async Task Document_WithoutTitle_IsRefused_AndNoneSaved()
    {
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);
        await using var db = await CreateDbAsync();
        var before = await db.Documents.CountAsync();

        var outcome = await factory.Services.GetRequiredService<DocumentService>().CreateAsync(secretariat, DocumentSpaceKind.Platform, null, "  ", "Texte");

        Assert.Equal("Refusal.Title", outcome.Refusal?.Code);
        Assert.Equal(before, await db.Documents.CountAsync());
    }

    private Task<NoressDbContext> CreateDbAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
}
