using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Notifications;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>A decision on a suggestion reaches its author as a notification (and its e-mail), as a mention does.</summary>
public sealed class DocumentSuggestionNotificationTests : IAsyncLifetime
{
    private const string Proposal = """[10,[0," (proposition)"]]""";
    private NoressAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new NoressAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private DocumentSuggestionService Suggestions => factory.Services.GetRequiredService<DocumentSuggestionService>();

    [Fact]
    public async Task AcceptAsync_BySomeoneElse_NotifiesTheAuthor_WithAMailAndALinkToTheDocument()
    {
        var (id, secretariat, member) = await DocumentWithSuggestingMemberAsync();
        var suggestionId = (await Suggestions.CreateAsync(member, id, 0, Proposal)).Value;
        var mailsBefore = await MailsToAsync("member@noress.demo");

        Assert.Equal(SuggestionDecision.Accepted, (await Suggestions.AcceptAsync(secretariat, suggestionId)).Value);

        var notification = Assert.Single(await NotificationsOfAsync("member@noress.demo", id));
        Assert.Equal(NotificationCategories.Documents, notification.Category);
        Assert.Equal(await TitleAsync("SuggestionAcceptedTitle", id), notification.Title);
        Assert.Contains("(proposition)", notification.Body, StringComparison.Ordinal);
        Assert.Equal(mailsBefore + 1, await MailsToAsync("member@noress.demo"));
    }

    [Fact]
    public async Task RejectAsync_BySomeoneElse_NotifiesTheAuthor_ButAWithdrawalNotifiesNobody()
    {
        var (id, secretariat, member) = await DocumentWithSuggestingMemberAsync();
        var rejected = (await Suggestions.CreateAsync(member, id, 0, Proposal)).Value;
        var withdrawn = (await Suggestions.CreateAsync(member, id, 0, Proposal)).Value;

        await Suggestions.RejectAsync(secretariat, rejected);
        await Suggestions.RejectAsync(member, withdrawn);

        var notification = Assert.Single(await NotificationsOfAsync("member@noress.demo", id));
        Assert.Equal(await TitleAsync("SuggestionRejectedTitle", id), notification.Title);
        Assert.Empty(await NotificationsOfAsync("secretariat@noress.demo", id));
    }

    private async Task<(Guid Id, ClaimsPrincipal Secretariat, ClaimsPrincipal Member)> DocumentWithSuggestingMemberAsync()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await DocumentHubClient.PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat);
        await factory.Services.GetRequiredService<DocumentSharingService>()
            .GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest);
        return (id, secretariat, await DocumentHubClient.PrincipalAsync(factory, "member@noress.demo", Roles.Member));
    }

    /// <summary>The notifications of <paramref name="email"/> that link to the document.</summary>
    private async Task<List<Notification>> NotificationsOfAsync(string email, Guid documentId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var link = $"/documents/{documentId}";
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Link == link).ToListAsync();
    }

    /// <summary>The title the secretariat's decision gives, in the culture the service ran in.</summary>
    private async Task<string> TitleAsync(string key, Guid documentId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var title = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Title).SingleAsync();
        return factory.Services.GetRequiredService<IStringLocalizer<DocumentsText>>()[key, "Nadia Benali", title];
    }

    private async Task<int> MailsToAsync(string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.CountAsync(m => m.ToAddress == email);
    }
}
