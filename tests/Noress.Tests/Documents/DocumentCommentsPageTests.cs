using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Documents.History;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

public sealed class DocumentCommentsPageTests : NoressTestContext
{
    private DocumentCommentService Comments => Services.GetRequiredService<DocumentCommentService>();

    private async Task<(DocumentHistoryFixture Fixture, Guid Id)> ArrangeAsync(string role = Roles.Secretariat)
    {
        var database = await UseDatabaseAsync();
        await DocumentHistoryFixture.RegisterAsync(Services, database);
        await SignInAsAsync(role);
        var fixture = new DocumentHistoryFixture(Services);
        var id = await fixture.CreateAsync("Article premier : objet");
        return (fixture, id);
    }

    [Fact]
    public async Task Render_ThreadAfterEdits_QuotesTheAnchoredTextWhereItNowIs()
    {
        var (fixture, id) = await ArrangeAsync();
        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(UserId), id, 0, 8, 15, "Premier ou 1er ?");
        await fixture.EditAsync(id, DocumentHistoryFixture.YoussefId, 0, 0, "تمهيد\n");

        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal("premier", cut.Find("[data-testid=comment-thread-quote]").TextContent));
        Assert.Equal("auto", cut.Find("[data-testid=comment-thread-quote]").GetAttribute("dir"));
        Assert.Contains("Premier ou 1er ?", cut.Find("[data-testid=comment]").TextContent, StringComparison.Ordinal);
        Assert.Contains(UserName, cut.Find("[data-testid=comment]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadOpenedByAnotherPerson_AppearsWithoutReload()
    {
        var (_, id) = await ArrangeAsync();
        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=comments-none]"));

        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(DocumentHistoryFixture.YoussefId), id, 0, 8, 15, "Premier ou 1er ?");
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Equal("premier", cut.Find("[data-testid=comment-thread-quote]").TextContent));
        Assert.Contains(DocumentHistoryFixture.YoussefName, cut.Find("[data-testid=comment]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_CallsTheServiceAndHidesTheThreadUntilShown()
    {
        var (_, id) = await ArrangeAsync();
        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(UserId), id, 0, 0, 7, "À revoir");
        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=comment-thread]"));

        await cut.Find("button[data-testid=comment-thread-resolve]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=comments-none]"));
        var thread = Assert.Single(await Comments.ListThreadsAsync(DocumentHistoryFixture.Secretariat(UserId), id));
        Assert.True(thread.IsResolved);
    }

    [Fact]
    public async Task Reply_AsMember_AddsTheCommentToTheThread()
    {
        var (_, id) = await ArrangeAsync(Roles.Member);
        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(DocumentHistoryFixture.YoussefId), id, 0, 0, 7, "À revoir");
        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=comment-thread]"));

        await cut.Find("input[data-testid=comment-reply-body], [data-testid=comment-reply-body] input").InputAsync(new() { Value = "D'accord" });
        await cut.Find("button[data-testid=comment-reply-submit]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comment]").Count));
        Assert.Contains("D'accord", cut.FindAll("[data-testid=comment]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewThread_FromEditorSelection_QuotesTheRangeAndCreatesTheThread()
    {
        var (_, id) = await ArrangeAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"documents/{id}/comments?from=8&to=15&version=0");
        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("premier", cut.Find("[data-testid=comments-new-quote]").TextContent));

        await cut.Find("textarea[data-testid=comments-new-body], [data-testid=comments-new-body] textarea").InputAsync(new() { Value = "Préciser" });
        await cut.Find("button[data-testid=comments-new-submit]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("premier", cut.Find("[data-testid=comment-thread-quote]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=comments-new]"));
        var thread = Assert.Single(await Comments.ListThreadsAsync(DocumentHistoryFixture.Secretariat(UserId), id));
        Assert.Equal((8, 15), (thread.From, thread.To));
    }

    [Fact]
    public async Task NewThreadAndReply_WhileTyping_SendButtonsAreEnabledBeforeTheBoxLosesFocus()
    {
        var (_, id) = await ArrangeAsync();
        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(UserId), id, 0, 0, 7, "À revoir");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"documents/{id}/comments?from=8&to=15&version=0");
        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=comments-new-quote]"));
        Assert.True(cut.Find("button[data-testid=comments-new-submit]").HasAttribute("disabled"));
        Assert.True(cut.Find("button[data-testid=comment-reply-submit]").HasAttribute("disabled"));

        // Only input events, as while the person types: no change event (blur) comes before the click.
        await cut.Find("textarea[data-testid=comments-new-body], [data-testid=comments-new-body] textarea").InputAsync(new() { Value = "Préciser" });
        await cut.Find("input[data-testid=comment-reply-body], [data-testid=comment-reply-body] input").InputAsync(new() { Value = "D'accord" });

        Assert.False(cut.Find("button[data-testid=comments-new-submit]").HasAttribute("disabled"));
        Assert.False(cut.Find("button[data-testid=comment-reply-submit]").HasAttribute("disabled"));
        await cut.Find("button[data-testid=comment-reply-submit]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("D'accord", cut.Find("[data-testid=comment-thread]").TextContent, StringComparison.Ordinal));
        await cut.Find("button[data-testid=comments-new-submit]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comment-thread]").Count));
    }

    [Fact]
    public async Task Render_WithMarkerLocalizer_HasOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        var (_, id) = await ArrangeAsync();
        await Comments.CreateThreadAsync(DocumentHistoryFixture.Secretariat(UserId), id, 0, 0, 7, "À revoir");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"documents/{id}/comments?from=8&to=15&version=0");

        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=comments-new-quote]"));
        var problems = UnlocalizedTextChecker.Find(cut.Markup, UserName, "Règlement intérieur", "Article", "premier", "À revoir");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task SearchMentions_ByNameOrEmail_FindsActivePeople()
    {
        var (_, id) = await ArrangeAsync();
        var principal = DocumentHistoryFixture.Secretariat(UserId);

        var byName = await Comments.SearchMentionsAsync(principal, id, "youss");
        var byEmail = await Comments.SearchMentionsAsync(principal, id, "@REMESS@");
        var tooShort = await Comments.SearchMentionsAsync(principal, id, "y");

        Assert.Equal([new MentionCandidate(DocumentHistoryFixture.YoussefName, "remess@noress.test")], byName);
        Assert.Equal(byName, byEmail);
        Assert.Empty(tooShort);
    }

    [Fact]
    public async Task NewThread_FromEmptySelection_AsksForASelection()
    {
        var (_, id) = await ArrangeAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"documents/{id}/comments?from=3&to=3&version=0");

        var cut = RenderPage<DocumentCommentsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=comments-select-first]"));
        Assert.Empty(cut.FindAll("[data-testid=comments-new]"));
    }
}
