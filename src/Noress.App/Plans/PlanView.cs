namespace Noress.App.Plans;

/// <summary>A plan's identity and what the caller may do with it.</summary>
public sealed record PlanSummary(Guid Id, PlanKind Kind, Guid? CommitteeId, string TitleFr, string TitleAr, string? TitleEn, Guid Version, bool CanEdit);

/// <summary>A plan in the list of plans, with its rolled-up progress (null when nothing counts yet).</summary>
public sealed record PlanListItem(Guid Id, PlanKind Kind, Guid? CommitteeId, string TitleFr, string TitleAr, string? TitleEn, int ActionCount, int LateCount, decimal? Progress, bool CanEdit);

/// <summary>
/// One row of the plan as the grid, board and timeline show it: the stored values, the derived ones (depth,
/// late, rolled-up progress and budget) and the version an edit must carry.
/// </summary>
public sealed record PlanRow
{
    public required Guid Id { get; init; }

    public required Guid? ParentId { get; init; }

    public required PlanItemKind Kind { get; init; }

    /// <summary>0 for axes, 1 for objectives, 2 for actions, 3 and more for sub-actions.</summary>
    public required int Depth { get; init; }

    public required int Position { get; init; }

    public required bool HasChildren { get; init; }

    public required string TitleFr { get; init; }

    public required string TitleAr { get; init; }

    public string? TitleEn { get; init; }

    public Guid? DescriptionDocumentId { get; init; }

    public Guid? LeadInstitutionId { get; init; }

    public IReadOnlyList<Guid> PartnerIds { get; init; } = [];

    public Guid? ResponsibleUserId { get; init; }

    public Guid? CommitteeId { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public required PlanItemStatus Status { get; init; }

    /// <summary>The progress stored on the row (what a leaf's editor edits).</summary>
    public required int Progress { get; init; }

    public required decimal Weight { get; init; }

    public decimal BudgetPlanned { get; init; }

    public decimal BudgetCommitted { get; init; }

    public decimal BudgetSpent { get; init; }

    public string? OverspendReason { get; init; }

    public Guid? DecisionId { get; init; }

    /// <summary>The register number of <see cref="DecisionId"/> ("2026-004"), when linked.</summary>
    public string? DecisionNumber { get; init; }

    public string? DecisionReference { get; init; }

    public required Guid Version { get; init; }

    /// <summary>Due date passed (Casablanca) and neither done nor cancelled.</summary>
    public required bool Late { get; init; }

    /// <summary>Late rows under this one (itself excluded).</summary>
    public int LateBelow { get; init; }

    /// <summary>Rolled-up values (PlanRollup): a leaf's own, a parent's from its children.</summary>
    public required RollupResult Rollup { get; init; }

    public int IndicatorCount { get; init; }

    public int EvidenceCount { get; init; }
}

/// <summary>A measure as shown.</summary>
public sealed record IndicatorMeasureView(Guid Id, string Period, decimal Actual, DateTime RecordedAt, Guid? RecordedById);

/// <summary>An indicator with its measures (latest period first) and where it stands.</summary>
public sealed record PlanIndicatorView(Guid Id, Guid ItemId, string NameFr, string NameAr, string? NameEn, string Unit, decimal Baseline, decimal Target, Guid Version,
    IReadOnlyList<IndicatorMeasureView> Measures, IndicatorStanding Standing);

/// <summary>An evidence file's description (download through <c>PlanService.OpenEvidenceAsync</c>).</summary>
public sealed record PlanEvidenceView(Guid Id, Guid ItemId, string FileName, string ContentType, long Size, Guid? UploadedById, DateTime UploadedAt);

/// <summary>An institution named in a plan.</summary>
public sealed record PlanInstitution(Guid Id, string Acronym, string NameFr, string NameAr);

/// <summary>A committee named in a plan.</summary>
public sealed record PlanCommittee(Guid Id, string Code, string NameFr, string NameAr, string NameEn);

/// <summary>
/// Everything a plan's pages render: the rows in tree order (depth first, by position), the whole plan's
/// roll-up, and the names the rows refer to by id.
/// </summary>
public sealed record PlanView(
    PlanSummary Plan,
    IReadOnlyList<PlanRow> Rows,
    RollupResult Totals,
    DateOnly Today,
    IReadOnlyDictionary<Guid, PlanInstitution> Institutions,
    IReadOnlyDictionary<Guid, string> People,
    IReadOnlyDictionary<Guid, PlanCommittee> Committees,
    IReadOnlyList<PlanIndicatorView> Indicators,
    IReadOnlyList<PlanEvidenceView> Evidence)
{
    public PlanRow? Row(Guid id) => Rows.FirstOrDefault(r => r.Id == id);
}

/// <summary>What the pickers of an editable plan offer.</summary>
public sealed record PlanChoices(IReadOnlyList<PlanInstitution> Institutions, IReadOnlyList<PlanChoice> People, IReadOnlyList<PlanCommittee> Committees, IReadOnlyList<PlanChoice> Decisions);

/// <summary>An id and its label.</summary>
public sealed record PlanChoice(Guid Id, string Label);

/// <summary>Comparing rows by value, so unchanged rows keep their records (pages skip rendering by reference).</summary>
public static class PlanRows
{
    private static readonly IReadOnlyList<Guid> NoPartners = Array.Empty<Guid>();

    /// <summary>Records compare lists by reference: partners are compared by content.</summary>
    public static bool Same(PlanRow a, PlanRow b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b)
            || (a with { PartnerIds = NoPartners } == b with { PartnerIds = NoPartners } && a.PartnerIds.SequenceEqual(b.PartnerIds));
    }

    /// <summary>The fresh rows, each replaced by its previous record when equal in value.</summary>
    public static IReadOnlyList<PlanRow> KeepUnchanged(IReadOnlyList<PlanRow> previous, IReadOnlyList<PlanRow> fresh)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(fresh);
        var old = previous.ToDictionary(r => r.Id);
        return [.. fresh.Select(r => old.TryGetValue(r.Id, out var before) && Same(before, r) ? before : r)];
    }
}
