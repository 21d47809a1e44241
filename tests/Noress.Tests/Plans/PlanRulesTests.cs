using Noress.App.Plans;

namespace Noress.Tests.Plans;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static PlanItem Valid() => new()
    {
        TitleFr = "Créer la maison de l’ESS",
        TitleAr = "إنشاء دار الاقتصاد الاجتماعي والتضامني",
        StartsOn = new DateOnly(2026, 1, 1),
        DueOn = new DateOnly(2026, 6, 30),
        Progress = 50,
        BudgetPlanned = 1000,
        BudgetCommitted = 500,
        BudgetSpent = 100,
    };

    [Theory]
    [InlineData("2026-12-04", PlanItemStatus.InProgress, true)]
    [InlineData("2026-12-04", PlanItemStatus.Planned, true)]
    [InlineData("2026-12-05", PlanItemStatus.InProgress, false)]
    [InlineData("2026-12-04", PlanItemStatus.Done, false)]
    [InlineData("2026-12-04", PlanItemStatus.Cancelled, false)]
    [InlineData(null, PlanItemStatus.InProgress, false)]
    public void IsLate_DependsOnTheDueDateAndStatus(string? due, PlanItemStatus status, bool late) =>
        Assert.Equal(late, PlanRules.IsLate(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), status, Today));

    [Fact]
    public void ValueError_ValidItem_IsNull() => Assert.Null(PlanRules.ValueError(Valid()));

    [Fact]
    public void ValueError_DueBeforeStart_IsRefused()
    {
        var item = Valid();
        item.DueOn = new DateOnly(2025, 12, 31);
        Assert.Equal("Error.DueBeforeStart", PlanRules.ValueError(item));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ValueError_ProgressOutside0To100_IsRefused(int progress)
    {
        var item = Valid();
        item.Progress = progress;
        Assert.Equal("Error.Progress", PlanRules.ValueError(item));
    }

    [Fact]
    public void ValueError_NegativeBudget_IsRefused()
    {
        var item = Valid();
        item.BudgetCommitted = -1;
        Assert.Equal("Error.NegativeBudget", PlanRules.ValueError(item));
    }

    [Fact]
    public void ValueError_SpentAboveCommitted_NeedsAReason()
    {
        var item = Valid();
        item.BudgetSpent = 600;
        Assert.Equal("Error.OverspendReason", PlanRules.ValueError(item));
        item.OverspendReason = "Hausse des prix du matériel";
        Assert.Null(PlanRules.ValueError(item));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1001)]
    public void ValueError_WeightNotPositiveOrTooLarge_IsRefused(int weight)
    {
        var item = Valid();
        item.Weight = weight;
        Assert.Equal("Error.Weight", PlanRules.ValueError(item));
    }

    [Fact]
    public void ValueError_MissingArabicTitle_IsRefused()
    {
        var item = Valid();
        item.TitleAr = " ";
        Assert.Equal("Error.Title", PlanRules.ValueError(item));
    }

    [Theory]
    [InlineData(PlanItemKind.Axis, null, true)]
    [InlineData(PlanItemKind.Axis, PlanItemKind.Axis, false)]
    [InlineData(PlanItemKind.Objective, PlanItemKind.Axis, true)]
    [InlineData(PlanItemKind.Objective, null, false)]
    [InlineData(PlanItemKind.Objective, PlanItemKind.Objective, false)]
    [InlineData(PlanItemKind.Action, PlanItemKind.Objective, true)]
    [InlineData(PlanItemKind.Action, PlanItemKind.Action, true)]
    [InlineData(PlanItemKind.Action, PlanItemKind.Axis, false)]
    [InlineData(PlanItemKind.Action, null, false)]
    public void ParentKindError_FollowsTheTreeShape(PlanItemKind kind, PlanItemKind? parent, bool allowed) =>
        Assert.Equal(allowed, PlanRules.ParentKindError(kind, parent) is null);

    [Fact]
    public void CreatesCycle_UnderItselfOrADescendant_IsTrue_ElsewhereFalse()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var tree = new Dictionary<Guid, Guid?> { [a] = null, [b] = a, [c] = b, [d] = null };

        Assert.True(PlanRules.CreatesCycle(a, a, tree));
        Assert.True(PlanRules.CreatesCycle(a, c, tree));
        Assert.True(PlanRules.CreatesCycle(b, c, tree));
        Assert.False(PlanRules.CreatesCycle(c, a, tree));
        Assert.False(PlanRules.CreatesCycle(b, d, tree));
        Assert.False(PlanRules.CreatesCycle(b, null, tree));
    }

    [Theory]
    [InlineData(null, "Error.PeriodMissing")]
    [InlineData("", "Error.PeriodMissing")]
    [InlineData("2026-13", "Error.Period")]
    [InlineData("2026-Q5", "Error.Period")]
    [InlineData("26", "Error.Period")]
    [InlineData("2026", null)]
    [InlineData("2026-Q2", null)]
    [InlineData("2026-05", null)]
    public void MeasureError_NeedsAValidPeriod(string? period, string? error) =>
        Assert.Equal(error, PlanRules.MeasureError(period, 3m));

    [Fact]
    public void IndicatorError_NamesAndUnitRequired()
    {
        Assert.Equal("Error.IndicatorName", PlanRules.IndicatorError("Coopératives", "", null, "nb", 0, 10));
        Assert.Equal("Error.IndicatorUnit", PlanRules.IndicatorError("Coopératives", "تعاونيات", null, " ", 0, 10));
        Assert.Null(PlanRules.IndicatorError("Coopératives", "تعاونيات", null, "nb", 10, 10));
    }
}

public sealed class PlanRulesMoveTests
{
    private static readonly Guid Axis = Guid.NewGuid();
    private static readonly Guid Axis2 = Guid.NewGuid();
    private static readonly Guid Objective = Guid.NewGuid();
    private static readonly Guid Objective2 = Guid.NewGuid();
    private static readonly Guid Action1 = Guid.NewGuid();
    private static readonly Guid Action2 = Guid.NewGuid();
    private static readonly Guid Sub = Guid.NewGuid();

    private static readonly PlanNode[] Tree =
    [
        new(Axis, null, PlanItemKind.Axis, 0),
        new(Objective, Axis, PlanItemKind.Objective, 0),
        new(Action1, Objective, PlanItemKind.Action, 0),
        new(Sub, Action1, PlanItemKind.Action, 0),
        new(Action2, Objective, PlanItemKind.Action, 1),
        new(Objective2, Axis, PlanItemKind.Objective, 1),
        new(Axis2, null, PlanItemKind.Axis, 1),
    ];

    private static PlanNode Node(Guid id) => Tree.Single(n => n.Id == id);

    [Fact]
    public void IndentPlace_Action_GoesLastUnderTheActionBefore() =>
        Assert.Equal(new PlanPlace(Action1, 1), PlanRules.IndentPlace(Node(Action2), Tree));

    [Fact]
    public void IndentPlace_FirstChild_OrAWrongLevel_IsNull()
    {
        Assert.Null(PlanRules.IndentPlace(Node(Action1), Tree));
        Assert.Null(PlanRules.IndentPlace(Node(Objective2), Tree));
        Assert.Null(PlanRules.IndentPlace(Node(Axis2), Tree));
    }

    [Fact]
    public void OutdentPlace_SubAction_GoesJustAfterItsParent() =>
        Assert.Equal(new PlanPlace(Objective, 1), PlanRules.OutdentPlace(Node(Sub), Tree));

    [Fact]
    public void OutdentPlace_ActionUnderAnObjective_ObjectiveOrAxis_IsNull()
    {
        Assert.Null(PlanRules.OutdentPlace(Node(Action2), Tree));
        Assert.Null(PlanRules.OutdentPlace(Node(Objective), Tree));
        Assert.Null(PlanRules.OutdentPlace(Node(Axis), Tree));
    }
}
