using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Plans;
using Noress.App.Plans.Views;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Uploads;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans.Views;

/// <summary>
/// The board, timeline and dashboard on a plan saved through PlanService (today is 5 March 2026):
/// axis 1 with a late action in progress (60 %) and a planned one (0 %), axis 2 with a done action and an indicator.
/// </summary>
public sealed class PlanViewPagesTests : NoressTestContext
{
    private readonly Guid axis1 = Guid.NewGuid();
    private readonly Guid axis2 = Guid.NewGuid();
    private readonly Guid late = Guid.NewGuid();
    private readonly Guid planned = Guid.NewGuid();
    private readonly Guid done = Guid.NewGuid();
    private Guid planId;
    private ClaimsPrincipal caller = new();

    private PlanService Plans => Services.GetRequiredService<PlanService>();

    private async Task ArrangeAsync()
    {
        var database = await UseDatabaseAsync();
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.GetTempPath() }), Path.GetTempPath()));
        Services.AddSingleton<UploadScanner>();
        Services.AddNoressPlans();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Secretariat);
        caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, UserId.ToString()), new Claim(ClaimTypes.Role, Roles.Secretariat)], "test"));

        planId = Ok(await Plans.CreatePlanAsync(caller, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", "Strategic plan", default));
        var (objective1, objective2) = (Guid.NewGuid(), Guid.NewGuid());
        Ok(await Plans.AddItemsAsync(caller, planId,
        [
            new NewPlanItem(axis1, null, PlanItemKind.Axis, "Maison de l’ESS", "دار الاقتصاد الاجتماعي"),
            new NewPlanItem(objective1, axis1, PlanItemKind.Objective, "Ouvrir la maison", "افتتاح الدار"),
            new NewPlanItem(late, objective1, PlanItemKind.Action, "Trouver un local", "إيجاد مقر")
            {
                StartsOn = new(2026, 1, 1), DueOn = new(2026, 2, 15), Status = PlanItemStatus.InProgress, Progress = 60,
                BudgetPlanned = 120_000m, BudgetCommitted = 50_000m, BudgetSpent = 20_000m,
            },
            new NewPlanItem(planned, objective1, PlanItemKind.Action, "Aménager le local", "تجهيز المقر")
            {
                StartsOn = new(2026, 3, 1), DueOn = new(2026, 6, 30), BudgetPlanned = 80_000m,
            },
            new NewPlanItem(axis2, null, PlanItemKind.Axis, "Observatoire régional", "المرصد الجهوي"),
            new NewPlanItem(objective2, axis2, PlanItemKind.Objective, "Publier les données", "نشر المعطيات"),
            new NewPlanItem(done, objective2, PlanItemKind.Action, "Premier rapport", "التقرير الأول")
            {
                StartsOn = new(2025, 11, 1), DueOn = new(2026, 1, 31), Status = PlanItemStatus.Done, Progress = 100,
                BudgetPlanned = 30_000m, BudgetCommitted = 30_000m, BudgetSpent = 30_000m,
            },
        ], default));
        var indicator = Ok(await Plans.AddIndicatorAsync(caller, axis2, new NewIndicator("Structures suivies", "البنيات المتتبعة", null, "structures", 0, 20), default));
        Ok(await Plans.RecordMeasureAsync(caller, indicator, "2026-Q1", 5, default));
    }

    private static T Ok<T>(Noress.App.Shared.Operations.Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }

    private async Task<PlanRow> RowAsync(Guid id) => (await Plans.LoadAsync(caller, planId, default))!.Row(id)!;

    [Fact]
    public async Task Dashboard_ShowsChartsAndTablesWithThePlanNumbers()
    {
        await ArrangeAsync();

        var cut = RenderPage<PlanDashboardPage>(p => p.Add(x => x.PlanId, planId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("h1")));
        var progress = cut.FindAll("[data-testid=dash-progress-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, progress.Count);
        Assert.Contains("Maison de l’ESS", progress[0]);
        Assert.Contains(PlanNumbers.Percent(30m), progress[0]);
        Assert.Contains(PlanNumbers.Percent(100m), progress[1]);
        Assert.Contains(PlanNumbers.Percent(65m), cut.Find("[data-testid=dash-total-progress]").TextContent);

        Assert.Equal("1", cut.Find("[data-testid=dash-overdue-count]").TextContent.Trim());
        Assert.Contains("Trouver un local", Assert.Single(cut.FindAll("[data-testid=dash-overdue-row]")).TextContent);

        var budget = cut.FindAll("[data-testid=dash-budget-row]");
        Assert.Contains(NoressFormat.Amount(200_000_00), budget[0].TextContent);
        Assert.Contains(NoressFormat.Amount(50_000_00), budget[0].TextContent);
        Assert.Contains(NoressFormat.Amount(20_000_00), budget[0].TextContent);
        Assert.Contains(PlanNumbers.Percent(10m), budget[0].TextContent);
        Assert.Contains(NoressFormat.Amount(230_000_00), cut.Find("[data-testid=dash-budget-total]").TextContent);

        var indicator = Assert.Single(cut.FindAll("[data-testid=dash-indicator-row]")).TextContent;
        Assert.Contains("Structures suivies", indicator);
        Assert.Contains("2026-Q1", indicator);
        Assert.Contains(PlanNumbers.Percent(25m), indicator);

        var charts = cut.FindComponents<MudChart<double>>();
        Assert.Equal(3, charts.Count);
        Assert.Equal([30d, 100d], charts[0].Instance.ChartSeries[0].Data.Values);
        Assert.Equal([200_000d, 30_000d], charts[1].Instance.ChartSeries[0].Data.Values);
        Assert.Equal([20_000d, 30_000d], charts[1].Instance.ChartSeries[2].Data.Values);
        Assert.Equal([25d], charts[2].Instance.ChartSeries[0].Data.Values);
        Assert.NotEmpty(cut.FindAll("[data-testid=dash-progress-chart] svg"));
    }

    [Fact]
    public async Task Dashboard_FilterInTheUrl_AppliesToEveryNumber()
    {
        await ArrangeAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/action-plans/{planId}/dashboard");

        var cut = RenderPage<PlanDashboardPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=dash-overdue-count]").TextContent.Trim()));
        navigation.NavigateTo($"/action-plans/{planId}/dashboard?status=done");

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=dash-overdue-count]").TextContent.Trim()));
        var progress = Assert.Single(cut.FindAll("[data-testid=dash-progress-table] tbody tr")).TextContent;
        Assert.Contains("Observatoire régional", progress);
        Assert.Contains(NoressFormat.Amount(30_000_00), cut.Find("[data-testid=dash-budget-total]").TextContent);
        Assert.Contains("?status=done", cut.Find("[data-testid=plan-view-timeline]").GetAttribute("href"));
    }

    [Fact]
    public async Task Board_MoveFromTheCardMenu_SavesTheStatusThroughTheService()
    {
        await ArrangeAsync();
        var cut = RenderPage<PlanBoardPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=board-column-planned] [data-testid=board-card]")));

        var card = cut.FindComponents<PlanBoardCard>().Single(c => c.Instance.Row.Id == planned);
        await cut.InvokeAsync(() => card.Instance.OnMove.InvokeAsync((card.Instance.Row, PlanItemStatus.InProgress)));

        Assert.Equal(PlanItemStatus.InProgress, (await RowAsync(planned)).Status);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=board-column-in-progress] [data-testid=board-card]").Count));
        Assert.Contains("Aménager le local", cut.Find("[data-testid=board-status]").TextContent);
    }

    [Fact]
    public async Task Board_LateCard_IsMarkedInWords()
    {
        await ArrangeAsync();
        var cut = RenderPage<PlanBoardPage>(p => p.Add(x => x.PlanId, planId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=board-card-late]")));
        Assert.Equal("En retard", cut.Find("[data-testid=board-card-late]").TextContent.Trim());
        Assert.Equal(late.ToString(), cut.Find("[data-testid=board-card-late]").Closest("[data-testid=board-card]")!.GetAttribute("data-item"));
    }

    [Fact]
    public async Task Board_DropAfterSomeoneElseChangedTheStatus_ShowsTheConflictAndSavesNothingUntilChosen()
    {
        await ArrangeAsync();
        var cut = RenderPage<PlanBoardPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=board-column-planned] [data-testid=board-card]")));
        var stale = cut.FindComponents<PlanBoardCard>().Single(c => c.Instance.Row.Id == planned).Instance.Row;

        // Someone else starts the action; this board has not reloaded yet (its follower waits on the fake clock).
        var theirs = Ok(await Plans.EditItemAsync(caller, planned, stale.Version, [FieldEdit.Of(PlanField.Status, PlanItemStatus.Planned, PlanItemStatus.InProgress)], default));
        Assert.True(theirs.Saved);
        var container = cut.FindComponent<MudDropContainer<PlanRow>>();
        await cut.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<PlanRow>(stale, "done", 0)));

        var conflict = cut.Find("[data-testid=board-conflict]").TextContent;
        Assert.Contains("« Aménager le local »", conflict);
        Assert.Contains("« En cours »", conflict);
        Assert.Contains("« Réalisée »", conflict);
        Assert.Equal(PlanItemStatus.InProgress, (await RowAsync(planned)).Status);

        cut.Find("[data-testid=board-conflict-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=board-conflict]")));
        Assert.Equal(PlanItemStatus.Done, (await RowAsync(planned)).Status);
    }

    [Fact]
    public async Task Board_ChangeOnAnotherScreen_MovesTheCardLive()
    {
        await ArrangeAsync();
        var cut = RenderPage<PlanBoardPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=board-column-planned] [data-testid=board-card]")));

        var row = await RowAsync(planned);
        Ok(await Plans.EditItemAsync(caller, planned, row.Version, [FieldEdit.Of(PlanField.Status, PlanItemStatus.Planned, PlanItemStatus.Cancelled)], default));
        Clock.Advance(PlanViewPage.FollowDelay);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=board-column-cancelled] [data-testid=board-card]")));
        Assert.Empty(cut.FindAll("[data-testid=board-column-planned] [data-testid=board-card]"));
    }

    [Theory]
    [InlineData(NoressCultures.French, "ltr", "left:", "right:")]
    [InlineData(NoressCultures.Arabic, "rtl", "right:", "left:")]
    public async Task Timeline_BarsRunFromTheReadingStartEdge(string culture, string dir, string side, string otherSide)
    {
        UseCulture(culture);
        await ArrangeAsync();

        var cut = RenderPage<PlanTimelinePage>(p => p.Add(x => x.PlanId, planId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=timeline-bar]")));
        Assert.Equal(dir, cut.Find("[data-testid=plan-timeline]").GetAttribute("dir"));
        var bars = cut.FindAll("[data-testid=timeline-bar]");
        Assert.All(bars, b => Assert.Contains(side, b.GetAttribute("style"), StringComparison.Ordinal));
        Assert.All(bars, b => Assert.DoesNotContain(" " + otherSide, b.GetAttribute("style"), StringComparison.Ordinal));
        Assert.Contains(side, cut.Find("[data-testid=timeline-today]").GetAttribute("style"), StringComparison.Ordinal);

        // Months or quarters from November 2025 to June 2026: the done report starts at the start edge.
        var first = bars.Single(b => b.Closest("[data-testid=timeline-row]")!.GetAttribute("data-item") == done.ToString());
        Assert.Contains(side + " 0%", first.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_EachBarHasItsDatesAndStatusInWords()
    {
        await ArrangeAsync();

        var cut = RenderPage<PlanTimelinePage>(p => p.Add(x => x.PlanId, planId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=timeline-bar]")));
        var bar = cut.FindAll("[data-testid=timeline-bar]").Single(b => b.Closest("[data-testid=timeline-row]")!.GetAttribute("data-item") == late.ToString());
        Assert.Equal("img", bar.GetAttribute("role"));
        Assert.Equal($"Trouver un local\u00A0: du {NoressFormat.Date(new DateOnly(2026, 1, 1))} au {NoressFormat.Date(new DateOnly(2026, 2, 15))}, En cours, en retard", bar.GetAttribute("aria-label"));
        Assert.Equal("true", bar.GetAttribute("data-late"));
    }
}
