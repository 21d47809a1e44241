using Bunit;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Calls.Screening;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calls;

/// <summary>The score sheet form and the deliberation screen's body, alone (the services are tested on a database).</summary>
public sealed class ReviewComponentsTests : NoressTestContext
{
    private static readonly Guid Quality = Guid.NewGuid();
    private static readonly Guid Impact = Guid.NewGuid();

    private static readonly SheetCriterion[] Grid =
    [
        new(Quality, "Qualité", "الجودة", null, 2m, 0, 10),
        new(Impact, "Impact", "الأثر", null, 1m, 0, 5),
    ];

    [Fact]
    public void ScoreSheetForm_Draft_SealsOthersAndSubmitsEveryScore()
    {
        UseCulture("fr");
        var sheet = new SheetView(Guid.NewGuid(), "7", "Projet", Grid, [new CriterionScore(Quality, 6, "Solide")], null, false, Guid.NewGuid(), true, [], true);
        SheetSubmission? sent = null;

        var cut = RenderPage<ScoreSheetForm>(p => p.Add(c => c.Sheet, sheet).Add(c => c.OnSave, s => sent = s));
        cut.FindAll("[data-testid=criterion]")[1].QuerySelector("input")!.Change("4");
        cut.Find("[data-testid=sheet-submit]").Click();

        Assert.NotNull(cut.Find("[data-testid=sheets-sealed]"));
        Assert.Empty(cut.FindAll("[data-testid=other-sheet]"));
        Assert.NotNull(sent);
        Assert.True(sent.Submit);
        Assert.Equal([(Quality, 6m, "Solide"), (Impact, 4m, (string?)null)], sent.Scores.Select(s => (s.CriterionId, s.Points, s.Comment)));
    }

    [Fact]
    public void ScoreSheetForm_Submitted_ReadOnlyAndShowsOthers()
    {
        UseCulture("ar");
        var others = new[] { new OtherSheet("Karim Idrissi", [new CriterionScore(Quality, 8, null), new CriterionScore(Impact, 4, null)], "مشروع جيد", 16m) };
        var sheet = new SheetView(Guid.NewGuid(), "7", "Projet", Grid, [new CriterionScore(Quality, 6, null), new CriterionScore(Impact, 3, null)], null, true, Guid.NewGuid(), true, others, false);

        var cut = RenderPage<ScoreSheetForm>(p => p.Add(c => c.Sheet, sheet));

        Assert.Empty(cut.FindAll("[data-testid=sheet-submit]"));
        Assert.Empty(cut.FindAll("[data-testid=sheets-sealed]"));
        var other = Assert.Single(cut.FindAll("[data-testid=other-sheet]"));
        Assert.Contains("Karim Idrissi", other.TextContent, StringComparison.Ordinal);
        Assert.Contains("مشروع جيد", other.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliberationView_Chair_ShowsRankingEnvelopeAndDecides()
    {
        UseCulture("fr");
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        AvailableStep[] steps = [new(ApplicationState.Selected, false, false), new(ApplicationState.Reserve, false, false), new(ApplicationState.Rejected, true, false)];
        var board = new DeliberationBoard(Guid.NewGuid(), CallKind.Ami, "AMI", "AMI", true,
        [
            new(first, 3, "Projet C", null, ApplicationState.Deliberation, null, 40_000m, 1, false, 15.5m, 15.5m, 0.5m, 2, false, false, steps),
            new(second, 1, "Projet A", null, ApplicationState.Selected, null, 60_000m, 2, false, 12m, 12m, 4m, 2, true, false, []),
        ],
            new EnvelopeView(100_000m, 60_000m, 40_000m, 1, 2, []));
        DeliberationDecision? decided = null;

        var cut = RenderPage<DeliberationView>(p => p.Add(c => c.Board, board).Add(c => c.OnDecide, d => decided = d));
        var rows = cut.FindAll("[data-testid=ranking-row]");
        rows[0].QuerySelector("[data-testid=decide-Selected]")!.Click();

        Assert.Equal(2, rows.Count);
        Assert.Equal("1", rows[0].QuerySelector("[data-testid=ranking-rank]")!.TextContent.Trim());
        Assert.Contains("Projet C", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("15,50", rows[0].QuerySelector("[data-testid=ranking-mean]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Désaccord", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(rows[1].QuerySelectorAll("button"));
        Assert.Contains("40", cut.Find("[data-testid=envelope-available]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.6", cut.Find("meter").GetAttribute("value"));
        Assert.Equal(new DeliberationDecision(first, ApplicationState.Selected, null, null), decided);
    }

    [Fact]
    public void DeliberationView_Secretariat_IsReadOnly()
    {
        UseCulture("en");
        var board = new DeliberationBoard(Guid.NewGuid(), CallKind.Competition, "Concours", "مسابقة", false, [], new EnvelopeView(50_000m, 30_000m, 20_000m, 1, 2, [2]));

        var cut = RenderPage<DeliberationView>(p => p.Add(c => c.Board, board));

        Assert.Contains("Only the jury's chair", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Prizes left to award: 2", cut.Markup, StringComparison.Ordinal);
    }
}
