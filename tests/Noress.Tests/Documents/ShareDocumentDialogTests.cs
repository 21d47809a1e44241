using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Documents.Editor;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

public sealed class ShareDocumentDialogTests : NoressTestContext
{
    private DocumentSharingService Sharing => Services.GetRequiredService<DocumentSharingService>();

    private async Task<(Guid Id, IRenderedComponent<MudDialogProvider> Dialogs)> OpenAsync(Func<Guid, Task>? arrange = null)
    {
        var database = await UseDatabaseAsync();
        await DocumentHistoryFixture.RegisterAsync(Services, database);
        await SignInAsAsync(Roles.Secretariat);
        var id = await new DocumentHistoryFixture(Services).CreateAsync("Article 1.");
        if (arrange is not null)
        {
            await arrange(id);
        }

        RenderPage<MudPopoverProvider>();
        var dialogs = RenderPage<MudDialogProvider>();
        var parameters = new DialogParameters<ShareDocumentDialog> { { d => d.DocumentId, id } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ShareDocumentDialog>("Partager", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-add]"));
        return (id, dialogs);
    }

    [Fact]
    public async Task Open_WithoutGrants_SaysOnlyTheSpaceRightsApply()
    {
        var (_, dialogs) = await OpenAsync();

        dialogs.WaitForAssertion(() => Assert.Contains("seuls les droits de l'espace", dialogs.Find("[data-testid=share-none]").TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("[data-testid=share-grant]"));
    }

    [Fact]
    public async Task Open_WithAGrantToMembers_ShowsItLocalized_AndRemoveRevokesIt()
    {
        var secretariat = DocumentHistoryFixture.Secretariat(UserId);
        var (id, dialogs) = await OpenAsync(id => Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest));
        dialogs.WaitForAssertion(() => Assert.Contains("Tous les membres du réseau", dialogs.Find("[data-testid=share-grant]").TextContent, StringComparison.Ordinal));

        await dialogs.Find("button[data-testid=share-grant-remove]").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-none]"));
        Assert.Empty(await Sharing.ListAsync(secretariat, id));
    }

    [Fact]
    public async Task Render_WithMarkerLocalizer_HasOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        var secretariat = DocumentHistoryFixture.Secretariat(UserId);
        var (_, dialogs) = await OpenAsync(id => Sharing.GrantAsync(secretariat, id, DocumentPrincipalKind.User, DocumentHistoryFixture.YoussefId.ToString(), DocumentRight.Edit));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-grant]"));

        var problems = UnlocalizedTextChecker.Find(dialogs.Markup, $"{DocumentHistoryFixture.YoussefName} (remess@noress.test)", "Partager");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
