using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Committees;

/// <summary>ADR 0028 in the browser: a committee's workspace is private, and its chair forwards to the plenary.</summary>
[Collection(NoressServerCollection.Name)]
public sealed class CommitteeWorkspaceJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";

    [Fact]
    public async Task MemberOfAnotherCommittee_CannotOpenThePrivateWorkspaceNorItsDocument()
    {
        // The demo member's institution sits on the financing committee, not on the observation committee.
        var (committee, roadmap) = await ObservationAsync();

        await using var member = await server.OpenSessionAsync(French);
        await member.SignInAsync("member@noress.demo");
        await member.GoToInteractiveAsync($"committees/{committee}");
        var page = member.Page;
        await Expect(page.GetByTestId("committee-private")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("committee-feed")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("committee-recommendations")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("committee-document-create")).ToHaveCountAsync(0);
        // Only what the committee shares with the network is listed.
        await Expect(page.GetByTestId("committee-document")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("committee-document")).ToContainTextAsync("Note de synthèse");
        await Expect(page.GetByTestId("committee-documents")).Not.ToContainTextAsync("Feuille de route");

        await member.GoToInteractiveAsync($"documents/{roadmap}");
        await Expect(page.GetByTestId("document-missing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("document-title")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Réunion de lancement");

        await member.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Chair_ForwardsADocument_AndTheSecretariatSeesItOnTheNextPlenaryAgenda()
    {
        var title = $"Recommandation {Guid.NewGuid():N}"[..28];

        // The financing committee's chair forwards its roadmap from the workspace.
        await using var chair = await server.OpenSessionAsync(French);
        await chair.SignInAsync("rep1@noress.demo");
        await chair.GoToInteractiveAsync("committees");
        await chair.Page.GetByTestId("committee-row").Filter(new() { HasText = "Financement" }).ClickAsync();
        var page = chair.Page;
        await Expect(page.GetByTestId("committee-feed")).ToBeVisibleAsync();
        await page.GetByTestId("committee-forward").ClickAsync();
        var dialog = page.GetByTestId("forward-dialog");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Feuille de route" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.GetByTestId("forward-title").FillAsync(title);
        await page.GetByTestId("forward-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // It is on the agenda of the next plenary being prepared, and the feed says so.
        var recommendation = page.GetByTestId("committee-recommendation").Filter(new() { HasText = title });
        await Expect(recommendation).ToHaveAttributeAsync("data-state", "Scheduled");
        await Expect(page.GetByTestId("committee-activity").Filter(new() { HasText = title }).First).ToBeVisibleAsync();
        await chair.ScreenshotAsync("committee-workspace-fr.png");
        var sessionLink = await recommendation.GetByTestId("committee-recommendation-session").GetAttributeAsync("href");
        Assert.NotNull(sessionLink);

        await using var secretariat = await server.OpenSessionAsync(French);
        await secretariat.SignInAsync("secretariat@noress.demo");
        await secretariat.GoToInteractiveAsync(sessionLink!.TrimStart('/'));
        var item = secretariat.Page.GetByTestId("agenda-item").Filter(new() { HasText = title });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("Financement");

        await chair.AssertNoBrowserErrorsAsync();
        await secretariat.AssertNoBrowserErrorsAsync();
    }

    private async Task<(Guid Committee, Guid Roadmap)> ObservationAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var committee = await db.Committees.Where(c => c.Code == "observation").Select(c => c.Id).SingleAsync();
        var roadmap = await db.Documents.Where(d => d.SpaceKind == DocumentSpaceKind.Committee && d.SpaceId == committee && d.Title.StartsWith("Feuille de route"))
            .Select(d => d.Id).SingleAsync();
        return (committee, roadmap);
    }
}
