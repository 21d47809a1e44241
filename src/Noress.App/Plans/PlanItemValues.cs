namespace Noress.App.Plans;

/// <summary>
/// The values of a plan item as people give them, without its place in the tree: the one definition a new item
/// (<see cref="NewPlanItem"/>) and a row of the plan's workbook (<see cref="Exchange.PlanNodeValues"/>) share, so an
/// imported row is added with the same values and rules as an item added in the grid.
/// </summary>
public abstract record PlanItemValues(PlanItemKind Kind, string TitleFr, string TitleAr, string? TitleEn = null)
{
    public Guid? LeadInstitutionId { get; init; }

    public IReadOnlyList<Guid> PartnerIds { get; init; } = [];

    public Guid? ResponsibleUserId { get; init; }

    /// <summary>Null: the thematic plan's committee (none for the strategic plan).</summary>
    public Guid? CommitteeId { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public PlanItemStatus Status { get; init; }

    public int Progress { get; init; }

    public decimal Weight { get; init; } = 1m;

    public decimal BudgetPlanned { get; init; }

    public decimal BudgetCommitted { get; init; }

    public decimal BudgetSpent { get; init; }

    public string? OverspendReason { get; init; }

    public Guid? DecisionId { get; init; }

    public string? DecisionReference { get; init; }
}
