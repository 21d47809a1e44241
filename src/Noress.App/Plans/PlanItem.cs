using Noress.App.Data;

namespace Noress.App.Plans;

/// <summary>A node's level in the tree: an axis at the root, objectives under axes, actions under objectives or actions.</summary>
public enum PlanItemKind
{
    Axis,
    Objective,
    Action,
}

/// <summary>What people set; "late" is derived from the dates (<see cref="PlanRules.IsLate"/>), never stored.</summary>
public enum PlanItemStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// One node of a plan's tree. Every kind carries the same fields so the grid edits them alike; on a node with
/// children, progress and budget are rolled up from the children (<see cref="PlanRollup"/>) and its own values
/// are not counted. Amounts are in MAD.
/// </summary>
public sealed class PlanItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlanId { get; set; }

    public Guid? ParentId { get; set; }

    public PlanItemKind Kind { get; set; }

    /// <summary>Order among siblings, 0-based without gaps.</summary>
    public int Position { get; set; }

    public required string TitleFr { get; set; }

    public required string TitleAr { get; set; }

    public string? TitleEn { get; set; }

    /// <summary>The co-edited description of an action (committee space for thematic plans, platform space for the strategic one); its comments are the action's comments.</summary>
    public Guid? DescriptionDocumentId { get; set; }

    public Guid? LeadInstitutionId { get; set; }

    public Guid? ResponsibleUserId { get; set; }

    /// <summary>The committee that carries the item (for strategic plan items; a thematic plan's items default to its committee).</summary>
    public Guid? CommitteeId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public PlanItemStatus Status { get; set; }

    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }

    /// <summary>Share in the parent's roll-up, relative to its siblings; positive.</summary>
    public decimal Weight { get; set; } = 1m;

    public decimal BudgetPlanned { get; set; }

    public decimal BudgetCommitted { get; set; }

    public decimal BudgetSpent { get; set; }

    /// <summary>Required when more is spent than committed.</summary>
    public string? OverspendReason { get; set; }

    /// <summary>The decision of the register that created the item, when it exists.</summary>
    public Guid? DecisionId { get; set; }

    /// <summary>A free reference to the decision ("AG du 12/03/2025, résolution 4") when it predates the register.</summary>
    public string? DecisionReference { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>An institution taking part in an item besides its lead.</summary>
public sealed class PlanItemPartner
{
    public Guid ItemId { get; set; }

    public Guid InstitutionId { get; set; }
}

/// <summary>A measured indicator of an item, from its baseline to its target (a target below the baseline is a decreasing indicator).</summary>
public sealed class PlanIndicator : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ItemId { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public string? NameEn { get; set; }

    /// <summary>Free unit text: "%", "coopératives", "MAD"...</summary>
    public required string Unit { get; set; }

    public decimal Baseline { get; set; }

    public decimal Target { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The actual value of an indicator for one period; recording a period again replaces its value.</summary>
public sealed class IndicatorMeasure
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid IndicatorId { get; set; }

    /// <summary>"2026", "2026-Q2" or "2026-05" (<see cref="PlanPeriods"/>).</summary>
    public required string Period { get; set; }

    // Not named Value: the audit trail redacts properties called Value.
    public decimal Actual { get; set; }

    public DateTime RecordedAt { get; set; }

    public Guid? RecordedById { get; set; }
}

/// <summary>A file proving an item's progress (a report, a photo), stored through the upload scanner.</summary>
public sealed class PlanEvidence
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ItemId { get; set; }

    /// <summary>The sanitised name the person uploaded, for display and download.</summary>
    public required string FileName { get; set; }

    /// <summary>The generated name in storage (kind <see cref="PlanService.EvidenceKind"/>).</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public Guid? UploadedById { get; set; }

    public DateTime UploadedAt { get; set; }
}
