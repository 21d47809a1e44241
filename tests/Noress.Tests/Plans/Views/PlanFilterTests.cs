using Noress.App.Plans;
using Noress.App.Plans.Views;

namespace Noress.Tests.Plans.Views;

public sealed class PlanFilterTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);
    private static readonly Guid CommitteeA = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid InstitutionA = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid PersonA = Guid.Parse("33333333-3333-3333-3333-333333333333");

    [Fact]
    public void Parse_NothingOrNoQuery_IsNone()
    {
        Assert.True(PlanFilter.Parse(null).IsEmpty);
        Assert.True(PlanFilter.Parse(string.Empty).IsEmpty);
        Assert.True(PlanFilter.Parse("https://noress.ma/action-plans/0f6d3c1e-4a8b-4e2f-9c7d-1a2b3c4d5e60/board").IsEmpty);
    }

    [Fact]
    public void Parse_FullUri_ReadsEveryCriterion()
    {
        var filter = PlanFilter.Parse($"https://noress.ma/action-plans/x/board?committee={CommitteeA}&institution={InstitutionA:N}&person={PersonA}&status=in-progress&overdue=true&row=7#top");

        Assert.Equal(new PlanFilter(CommitteeA, InstitutionA, PersonA, PlanItemStatus.InProgress, Overdue: true), filter);
    }

    [Theory]
    [InlineData("?committee=nope")]
    [InlineData("?committee=00000000-0000-0000-0000-000000000000")]
    [InlineData("?status=InProgress")]
    [InlineData("?status=2")]
    [InlineData("?status=late")]
    [InlineData("?overdue=yes")]
    [InlineData("?overdue=false")]
    [InlineData("?person=")]
    public void Parse_UnreadableValue_LeavesThatCriterionOff(string query) => Assert.True(PlanFilter.Parse(query).IsEmpty);

    [Fact]
    public void Parse_OverdueOne_IsOverdue() => Assert.True(PlanFilter.Parse("?overdue=1").Overdue);

    [Fact]
    public void ToQueryString_None_IsEmpty() => Assert.Equal(string.Empty, PlanFilter.None.ToQueryString());

    [Fact]
    public void ToQueryString_WritesSetCriteriaInKeyOrder()
    {
        var filter = new PlanFilter(Person: PersonA, Status: PlanItemStatus.Done, Overdue: true);

        Assert.Equal($"?person={PersonA:D}&status=done&overdue=true", filter.ToQueryString());
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void ToQueryString_ParsesBackToTheSameFilter(PlanFilter filter) => Assert.Equal(filter, PlanFilter.Parse(filter.ToQueryString()));

    public static TheoryData<PlanFilter> Filters() =>
    [
        PlanFilter.None,
        new PlanFilter(Committee: CommitteeA),
        new PlanFilter(Institution: InstitutionA, Status: PlanItemStatus.Cancelled),
        new PlanFilter(CommitteeA, InstitutionA, PersonA, PlanItemStatus.Planned, Overdue: true),
        .. Enum.GetValues<PlanItemStatus>().Select(s => new PlanFilter(Status: s)),
    ];

    [Fact]
    public void ToQueryParameters_AbsentCriteria_AreNullSoTheyAreRemoved()
    {
        var parameters = new PlanFilter(Status: PlanItemStatus.InProgress).ToQueryParameters();

        Assert.Equal(PlanFilter.Keys.Order(), parameters.Keys.Order());
        Assert.Equal("in-progress", parameters[PlanFilter.StatusKey]);
        Assert.All(parameters.Where(p => p.Key != PlanFilter.StatusKey), p => Assert.Null(p.Value));
    }

    [Fact]
    public void Matches_Institution_LeadOrPartner()
    {
        var plan = new PlanViewBuilder(Today);
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        var lead = plan.Action(objective, "Pilote", r => r with { LeadInstitutionId = InstitutionA });
        var partner = plan.Action(objective, "Partenaire", r => r with { PartnerIds = [Guid.NewGuid(), InstitutionA] });
        var other = plan.Action(objective, "Autre", r => r with { LeadInstitutionId = Guid.NewGuid() });
        var view = plan.Build();
        var filter = new PlanFilter(Institution: InstitutionA);

        Assert.True(filter.Matches(view.Row(lead)!));
        Assert.True(filter.Matches(view.Row(partner)!));
        Assert.False(filter.Matches(view.Row(other)!));
    }

    [Fact]
    public void Matches_AxesAndObjectives_NeverMatchThemselves()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        var objective = plan.Objective(axis, "Objectif");
        var view = plan.Build();

        Assert.False(new PlanFilter(Status: PlanItemStatus.Planned).Matches(view.Row(axis)!));
        Assert.False(new PlanFilter(Status: PlanItemStatus.Planned).Matches(view.Row(objective)!));
    }

    [Fact]
    public void Matches_EveryCriterionMustHold()
    {
        var plan = new PlanViewBuilder(Today);
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        var action = plan.Action(objective, "Action", r => r with
        {
            CommitteeId = CommitteeA,
            ResponsibleUserId = PersonA,
            Status = PlanItemStatus.InProgress,
            DueOn = Today.AddDays(-1),
        });
        var row = plan.Build().Row(action)!;

        Assert.True(new PlanFilter(CommitteeA, null, PersonA, PlanItemStatus.InProgress, Overdue: true).Matches(row));
        Assert.False(new PlanFilter(CommitteeA, null, PersonA, PlanItemStatus.Planned, Overdue: true).Matches(row));
        Assert.False(new PlanFilter(Guid.NewGuid(), null, PersonA).Matches(row));
        Assert.False(new PlanFilter(Person: Guid.NewGuid()).Matches(row));
    }

    [Fact]
    public void Apply_None_ReturnsTheViewItself()
    {
        var view = new PlanViewBuilder(Today).Build();

        Assert.Same(view, PlanFilter.None.Apply(view));
    }

    [Fact]
    public void Apply_KeepsMatchesAndTheirAncestorsInTreeOrder()
    {
        var plan = new PlanViewBuilder(Today);
        var axis1 = plan.Axis("Axe 1");
        var objective1 = plan.Objective(axis1, "Objectif 1.1");
        var kept = plan.Action(objective1, "Gardée", r => r with { CommitteeId = CommitteeA });
        plan.Action(objective1, "Écartée");
        var objective2 = plan.Objective(axis1, "Objectif 1.2");
        plan.Action(objective2, "Écartée aussi");
        var axis2 = plan.Axis("Axe 2");
        var objective3 = plan.Objective(axis2, "Objectif 2.1");
        var kept2 = plan.Action(objective3, "Gardée aussi", r => r with { CommitteeId = CommitteeA });

        var filtered = new PlanFilter(Committee: CommitteeA).Apply(plan.Build());

        Assert.Equal([axis1, objective1, kept, axis2, objective3, kept2], filtered.Rows.Select(r => r.Id));
        Assert.All(filtered.Rows.Where(r => r.Kind != PlanItemKind.Action), r => Assert.True(r.HasChildren));
    }

    [Fact]
    public void Apply_RecomputesRollupsOverWhatIsKept()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        var objective = plan.Objective(axis, "Objectif");
        plan.Action(objective, "A", r => r with { CommitteeId = CommitteeA, Progress = 20, Weight = 1, BudgetPlanned = 1000, BudgetCommitted = 500, BudgetSpent = 100 });
        plan.Action(objective, "B", r => r with { CommitteeId = CommitteeA, Progress = 80, Weight = 3, BudgetPlanned = 3000, BudgetCommitted = 1000, BudgetSpent = 900 });
        plan.Action(objective, "C", r => r with { Progress = 0, Weight = 4, BudgetPlanned = 100_000 });
        var view = plan.Build();

        var filtered = new PlanFilter(Committee: CommitteeA).Apply(view);

        Assert.Equal(32.5m, view.Totals.Progress); // (20 + 240 + 0) / 8 unfiltered
        var expected = new RollupResult(65m, 4000m, 1500m, 1000m); // (20 + 240) / 4
        Assert.Equal(expected, filtered.Row(axis)!.Rollup);
        Assert.Equal(expected, filtered.Row(objective)!.Rollup);
        Assert.Equal(expected, filtered.Totals);
    }

    [Fact]
    public void Apply_CancelledMatchesCountInBudgetNotInProgress()
    {
        var plan = new PlanViewBuilder(Today);
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        plan.Action(objective, "Annulée", r => r with { Status = PlanItemStatus.Cancelled, Progress = 50, BudgetSpent = 10, BudgetCommitted = 10 });

        var filtered = new PlanFilter(Status: PlanItemStatus.Cancelled).Apply(plan.Build());

        Assert.Equal(new RollupResult(null, 0, 10, 10), filtered.Totals);
    }

    [Fact]
    public void Apply_MatchingActionWhoseSubActionsDoNotMatch_KeepsItsOwnRollupAndLosesTheSubActions()
    {
        var plan = new PlanViewBuilder(Today);
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        var parent = plan.Action(objective, "Mère", r => r with { ResponsibleUserId = PersonA });
        plan.Action(parent, "Fille 1", r => r with { Progress = 100, BudgetPlanned = 10 });
        plan.Action(parent, "Fille 2", r => r with { Progress = 50, BudgetPlanned = 30 });
        var view = plan.Build();

        var filtered = new PlanFilter(Person: PersonA).Apply(view);

        var row = Assert.Single(filtered.Rows, r => r.Kind == PlanItemKind.Action);
        Assert.Equal(parent, row.Id);
        Assert.False(row.HasChildren);
        Assert.Equal(view.Row(parent)!.Rollup, row.Rollup);
        Assert.Equal(new RollupResult(75m, 40, 0, 0), filtered.Totals);
    }

    [Fact]
    public void Apply_Overdue_KeepsLateActionsAndCountsThemBelow()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        var objective = plan.Objective(axis, "Objectif");
        var late = plan.Action(objective, "En retard", r => r with { DueOn = Today.AddDays(-3), Status = PlanItemStatus.InProgress });
        plan.Action(objective, "À temps", r => r with { DueOn = Today.AddDays(3) });
        plan.Action(objective, "Finie en retard", r => r with { DueOn = Today.AddDays(-3), Status = PlanItemStatus.Done });

        var filtered = new PlanFilter(Overdue: true).Apply(plan.Build());

        Assert.Equal([axis, objective, late], filtered.Rows.Select(r => r.Id));
        Assert.Equal(1, filtered.Row(axis)!.LateBelow);
        Assert.Equal(1, filtered.Row(objective)!.LateBelow);
    }

    [Fact]
    public void Apply_NothingMatches_LeavesNoRowsAndNoProgress()
    {
        var plan = new PlanViewBuilder(Today);
        plan.Action(plan.Objective(plan.Axis("Axe"), "Objectif"), "Action", r => r with { Progress = 40 });
        plan.Indicator(plan.Axis("Axe 2"), "Indicateur", "%", 0, 100);

        var filtered = new PlanFilter(Committee: CommitteeA).Apply(plan.Build());

        Assert.Empty(filtered.Rows);
        Assert.Empty(filtered.Indicators);
        Assert.Equal(new RollupResult(null, 0, 0, 0), filtered.Totals);
    }

    [Fact]
    public void Apply_KeepsIndicatorsOfKeptRowsOnly()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        var objective = plan.Objective(axis, "Objectif");
        var kept = plan.Action(objective, "Gardée", r => r with { Status = PlanItemStatus.Done });
        var dropped = plan.Action(objective, "Écartée");
        plan.Indicator(axis, "Axe", "%", 0, 100);
        plan.Indicator(kept, "Gardée", "%", 0, 100);
        plan.Indicator(dropped, "Écartée", "%", 0, 100);

        var filtered = new PlanFilter(Status: PlanItemStatus.Done).Apply(plan.Build());

        Assert.Equal([axis, kept], filtered.Indicators.Select(i => i.ItemId));
    }
}
