using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Extensions;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Documents.History;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

public sealed class DocumentHistoryPageTests : NoressTestContext
{
    private async Task<(DocumentHistoryFixture Fixture, Guid Id)> ArrangeAsync()
    {
        var database = await UseDatabaseAsync();
        await DocumentHistoryFixture.RegisterAsync(Services, database);
        await SignInAsAsync(Roles.Secretariat);
        var fixture = new DocumentHistoryFixture(Services);
        var id = await fixture.CreateAsync("Article 1\n");
        await fixture.EditAsync(id, UserId, 10, 10, "Article 2\n");
        Clock.Advance(TimeSpan.FromMinutes(30));
        await fixture.EditAsync(id, DocumentHistoryFixture.YoussefId, 0, 0, "مقدمة\n");
        return (fixture, id);
    }

    [Fact]
    public async Task Render_WithHistory_ListsRevisionsAndShowsAuthorshipOfTheLatest()
    {
        var (_, id) = await ArrangeAsync();

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        Assert.Equal(3, cut.FindAll("[data-testid=history-revision]").Count);
        var lines = cut.FindAll("[data-testid=history-text] > div");
        Assert.Equal(["مقدمة", "Article 1", "Article 2", string.Empty], lines.Select(l => l.TextContent));
        Assert.All(lines, l => Assert.Equal("auto", l.GetAttribute("dir")));
        Assert.Equal(DocumentHistoryFixture.YoussefId.ToString(), lines[0].QuerySelector("span")!.GetAttribute("data-author"));
        Assert.Equal(UserId.ToString(), lines[2].QuerySelector("span")!.GetAttribute("data-author"));
        Assert.Contains(DocumentHistoryFixture.YoussefName, cut.Find("[data-testid=history-authors]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditElsewhere_IsAnnouncedLive_AndShowLatestMovesToIt()
    {
        var (fixture, id) = await ArrangeAsync();
        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        Assert.Empty(cut.FindAll("[data-testid=history-new-changes]"));

        var version = await fixture.EditAsync(id, DocumentHistoryFixture.YoussefId, 0, 0, "# ");
        await Services.GetRequiredService<DocumentBroadcaster>().UpdatesAsync(id, [], version);
        Clock.Advance(TopicFollower.DefaultDelay);

        // Announced, not applied: the reader stays on the revision they were reading.
        cut.WaitForAssertion(() => Assert.Contains("1", cut.Find("[data-testid=history-new-changes]").TextContent, StringComparison.Ordinal));
        Assert.Equal("2", cut.Find("[data-testid=history-text]").GetAttribute("data-version"));
        await cut.Find("button[data-testid=history-show-latest]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        Assert.Empty(cut.FindAll("[data-testid=history-new-changes]"));
    }

    [Fact]
    public async Task Render_LatestSelected_DiffsItAgainstThePreviousRevision()
    {
        var (_, id) = await ArrangeAsync();

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=history-diff-lines]"));
        var inserted = cut.FindAll("[data-testid=history-diff-lines] [data-kind=Inserted]");
        Assert.Contains("مقدمة", Assert.Single(inserted).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=history-diff-lines] [data-kind=Deleted]"));
    }

    [Theory]
    [InlineData(new[] { 0 }, 0, 0, 0)]
    [InlineData(new[] { 0, 4 }, 1, 0, 4)]
    [InlineData(new[] { 0, 4, 9 }, 2, 4, 9)]
    [InlineData(new[] { 0, 4, 9 }, 0, 0, 4)]
    public void DefaultComparison_IsTheSelectedVersionAndItsNeighbour(int[] points, int selected, int from, int to) =>
        Assert.Equal((from, to), DocumentHistoryPage.DefaultComparison(points, selected));

    [Fact]
    public async Task Render_LatestSelected_ComparesTheLastTwoVersions()
    {
        var (_, id) = await ArrangeAsync();

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=history-diff-lines]"));
        var selects = cut.FindComponents<MudBlazor.MudSelect<int>>();
        Assert.Equal([1, 2], selects.Select(s => s.Instance.GetState(x => x.Value)));
    }

    [Fact]
    public async Task Render_NoEditsYet_SaysThereIsNothingToCompare()
    {
        var database = await UseDatabaseAsync();
        await DocumentHistoryFixture.RegisterAsync(Services, database);
        await SignInAsAsync(Roles.Secretariat);
        var id = await new DocumentHistoryFixture(Services).CreateAsync("Article 1\n");

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("rien à comparer", cut.Find("[data-testid=history-diff-single]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=history-diff-from]"));
        Assert.Empty(cut.FindAll("[data-testid=history-diff-lines]"));
    }

    [Fact]
    public async Task SelectCreation_ShowsTheInitialTextByItsCreator()
    {
        var (_, id) = await ArrangeAsync();
        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));

        await cut.FindAll("[data-testid=history-revision]")[0].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        Assert.Equal(["Article 1", string.Empty], cut.FindAll("[data-testid=history-text] > div").Select(l => l.TextContent));
        Assert.Single(cut.FindAll("[data-testid=history-text] span").Select(s => s.GetAttribute("data-author")).Distinct());
    }

    [Fact]
    public async Task AddLabel_OnSelectedRevision_ListsItAndShowsItsFrozenText()
    {
        var (_, id) = await ArrangeAsync();
        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=history-labels-none]"));

        await cut.Find("input[data-testid=history-label-name], [data-testid=history-label-name] input").ChangeAsync(new() { Value = "envoyé à la plénière" });
        await cut.Find("button[data-testid=history-label-add]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("envoyé à la plénière", cut.Find("[data-testid=history-label]").TextContent, StringComparison.Ordinal));
        await cut.Find("button[data-testid=history-label-show]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("مقدمة", cut.Find("[data-testid=history-label-text]").TextContent, StringComparison.Ordinal));
        var labels = await Services.GetRequiredService<DocumentHistoryService>().ListLabelsAsync(DocumentHistoryFixture.Secretariat(UserId), id);
        Assert.Equal(2, Assert.Single(labels).Version);
    }

    [Fact]
    public async Task Restore_Confirmed_MakesTheOldTextCurrentAsANewRevision()
    {
        var (_, id) = await ArrangeAsync();
        var dialogs = RenderPage<MudBlazor.MudDialogProvider>();
        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        await cut.FindAll("[data-testid=history-revision]")[0].ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));

        var restoring = cut.InvokeAsync(() => cut.Find("button[data-testid=history-restore]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog"));
        var confirm = dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Restaurer cette révision", StringComparison.Ordinal));
        await confirm.ClickAsync(new());
        await restoring;

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=history-text]").GetAttribute("data-version")));
        Assert.Equal(["Article 1", string.Empty], cut.FindAll("[data-testid=history-text] > div").Select(l => l.TextContent));
        Assert.Equal(4, cut.FindAll("[data-testid=history-revision]").Count);
    }

    [Fact]
    public async Task Render_WithMarkerLocalizer_HasOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        var (_, id) = await ArrangeAsync();

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=history-diff-lines]"));
        var problems = UnlocalizedTextChecker.Find(cut.Markup, UserName, DocumentHistoryFixture.YoussefName, "Règlement intérieur", "Article", "مقدمة");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Render_AsMember_HidesRestoreAndLabelling()
    {
        var (_, id) = await ArrangeAsync();
        await SignInAsAsync(Roles.Member);

        var cut = RenderPage<DocumentHistoryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=history-text]"));
        Assert.Empty(cut.FindAll("[data-testid=history-restore]"));
        Assert.Empty(cut.FindAll("[data-testid=history-label-add]"));
    }
}
