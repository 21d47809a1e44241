using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>Sharing raises a right through the hub at once, is for editors only, and refuses unknown targets without saving.</summary>
public sealed class DocumentSharingTests : IAsyncLifetime
{
    private NoressAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new NoressAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private DocumentSharingService Sharing => factory.Services.GetRequiredService<DocumentSharingService>();

    [Fact]
    public async Task GrantToMembers_LetsAMemberSuggest_AndRevokeTakesItBack()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat);
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        using var rightsChanged = new SemaphoreSlim(0);
        member.On<Guid>("RightsChanged", _ => rightsChanged.Release());
        Assert.Equal("Comment", (await member.JoinAsync(id)).Right);
        var before = await SuggestAsync(member, id);
        Assert.False(before.Accepted);

        await Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest);

        Assert.Equal("Suggest", (await member.JoinAsync(id)).Right);
        Assert.True((await SuggestAsync(member, id)).Accepted);
        var grant = Assert.Single(await Sharing.ListAsync(secretariat, id));
        Assert.Equal((DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest), (grant.Kind, grant.Principal, grant.Right));

        // Granting again changes the same grant rather than adding a second one.
        await Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Edit);
        Assert.Equal(DocumentRight.Edit, Assert.Single(await Sharing.ListAsync(secretariat, id)).Right);

        await Sharing.RevokeAsync(secretariat, id, grant.Id);

        Assert.Empty(await Sharing.ListAsync(secretariat, id));
        Assert.Equal("Comment", (await member.JoinAsync(id)).Right);
        // One notice per change (grant, regrant, revoke), each awaited as it arrives; the minute only stops a hang.
        for (var notice = 1; notice <= 3; notice++)
        {
            Assert.True(await rightsChanged.WaitAsync(TimeSpan.FromMinutes(1)), $"rights change notice {notice} of 3 did not come");
        }
    }

    [Fact]
    public async Task RevokedEditRight_RefusesTheNextPushOfAConnectionThatPushedBefore()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat);
        await Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Edit);
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        await member.JoinAsync(id);
        Assert.True((await member.PushAsync(id, 0, DocumentHubClient.Update("m1", """[10,[0,"!"]]"""))).Accepted);

        // The connection remembers the right it judged for its first push; the revocation moves the rights stamp (ADR 0056).
        await Sharing.RevokeAsync(secretariat, id, Assert.Single(await Sharing.ListAsync(secretariat, id)).Id);
        var refused = await member.PushAsync(id, 1, DocumentHubClient.Update("m2", """[11,[0,"?"]]"""));

        Assert.False(refused.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(refused.Error));
        var head = await factory.Services.GetRequiredService<DocumentAuthority>().GetHeadAsync(id);
        Assert.Equal((1, "Article 1.!"), (head!.Version, head.Text));
    }

    [Fact]
    public async Task RightsChangedElsewhere_JudgeThePushAgain_AndKeepIt()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat);
        await Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Edit);
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        await member.JoinAsync(id);
        Assert.True((await member.PushAsync(id, 0, DocumentHubClient.Update("m1", """[10,[0,"!"]]"""))).Accepted);
        var before = await RightsStampAsync();

        // Another grant moves the stamp without touching this member's right: the push is judged again and stored.
        await Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Administrator, DocumentRight.Read);
        var kept = await member.PushAsync(id, 1, DocumentHubClient.Update("m2", """[11,[0,"?"]]"""));

        Assert.NotEqual(before, await RightsStampAsync());
        Assert.True(kept.Accepted, kept.Error);
        var head = await factory.Services.GetRequiredService<DocumentAuthority>().GetHeadAsync(id);
        Assert.Equal((2, "Article 1.!?"), (head!.Version, head.Text));
    }

    [Fact]
    public async Task Suggestion_WithdrawnByItsAuthor_ButNotByAnotherMember()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        await Sharing.GrantAsync(await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat), id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest);
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        await member.JoinAsync(id);
        Assert.True((await SuggestAsync(member, id)).Accepted);
        var suggestions = factory.Services.GetRequiredService<DocumentSuggestionService>();
        var author = await PrincipalAsync("member@noress.demo", Roles.Member);
        var suggestionId = Assert.Single(await suggestions.ListPendingAsync(author, id)).Id;

        var otherMember = await PrincipalAsync("rep1@noress.demo", Roles.Member);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => suggestions.RejectAsync(otherMember, suggestionId));
        Assert.Single(await suggestions.ListPendingAsync(author, id));

        await suggestions.RejectAsync(author, suggestionId);

        Assert.Empty(await suggestions.ListPendingAsync(author, id));
    }

    [Fact]
    public async Task SharingByAPersonWithoutEditRight_IsRefused()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var member = await PrincipalAsync("member@noress.demo", Roles.Member);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Sharing.GrantAsync(member, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Edit));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Sharing.ListAsync(member, id));

        Assert.Equal(0, await CountGrantsAsync(id));
    }

    [Theory]
    [InlineData(DocumentPrincipalKind.Role, "Jury", DocumentRight.Read)]
    [InlineData(DocumentPrincipalKind.User, "not-a-guid", DocumentRight.Read)]
    [InlineData(DocumentPrincipalKind.User, "0f8fad5b-d9cb-469f-a165-70867728950e", DocumentRight.Read)]
    [InlineData(DocumentPrincipalKind.Institution, "0f8fad5b-d9cb-469f-a165-70867728950e", DocumentRight.Comment)]
    [InlineData(DocumentPrincipalKind.Role, "Member", DocumentRight.None)]
    public async Task UnknownTargetOrRight_IsRefused_AndNothingIsSaved(DocumentPrincipalKind kind, string target, DocumentRight right)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat);

        var outcome = await Sharing.GrantAsync(secretariat, id, kind, target, right);

        Assert.Equal(right == DocumentRight.None ? "Refusal.ShareRight" : "Refusal.ShareTarget", outcome.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));

        Assert.Equal(0, await CountGrantsAsync(id));
    }

    [Fact]
    public async Task SearchTargets_FindsRolesInstitutionsAndPeople()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Article 1.");
        var secretariat = await PrincipalAsync("secretariat@noress.demo", Roles.Secretariat);

        var roles = await Sharing.SearchTargetsAsync(secretariat, id, string.Empty);
        var institutions = await Sharing.SearchTargetsAsync(secretariat, id, "odco");
        var people = await Sharing.SearchTargetsAsync(secretariat, id, "member@");

        Assert.Equal(Roles.All.Order(), roles.Select(r => r.Principal).Order());
        Assert.Contains(institutions, t => t.Kind == DocumentPrincipalKind.Institution && t.DisplayName.StartsWith("ODCO", StringComparison.Ordinal));
        Assert.Contains(people, t => t.Kind == DocumentPrincipalKind.User && t.DisplayName.Contains("member@noress.demo", StringComparison.Ordinal));
    }

    private static Task<App.Documents.SuggestResultDto> SuggestAsync(HubConnection connection, Guid id) =>
        connection.InvokeAsync<App.Documents.SuggestResultDto>("Suggest", id, 0, JsonDocument.Parse("""[10,[0," (proposition)"]]""").RootElement);

    private Task<ClaimsPrincipal> PrincipalAsync(string email, string role) => DocumentHubClient.PrincipalAsync(factory, email, role);

    private async Task<Guid> RightsStampAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await DocumentRightsStamp.ReadAsync(db, CancellationToken.None);
    }

    private async Task<int> CountGrantsAsync(Guid id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.DocumentPermissions.CountAsync(p => p.DocumentId == id);
    }
}
