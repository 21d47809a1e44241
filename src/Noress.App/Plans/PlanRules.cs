namespace Noress.App.Plans;

/// <summary>
/// Pure checks of a plan item's values and of the tree's shape. Each returns the PlansText key of the first
/// problem, or null: the service refuses with it before writing anything.
/// </summary>
public static class PlanRules
{
    public const int MaxTitle = 300;
    public const int MaxText = 1000;
    public const int MaxReference = 200;
    public const int MaxUnit = 32;
    public const decimal MaxWeight = 1000m;
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>Late: the due date (a Casablanca day) has passed and the item is neither done nor cancelled.</summary>
    public static bool IsLate(DateOnly? dueOn, PlanItemStatus status, DateOnly today) =>
        dueOn is { } due && due < today && status is not (PlanItemStatus.Done or PlanItemStatus.Cancelled);

    /// <summary>The item's own values, each alone and together (dates, progress, weight, budget, titles).</summary>
    public static string? ValueError(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TitleError(item.TitleFr, item.TitleAr, item.TitleEn)
            ?? (!Enum.IsDefined(item.Status) ? "Error.Status"
            : DatesError(item.StartsOn, item.DueOn)
            ?? ProgressError(item.Progress)
            ?? WeightError(item.Weight)
            ?? BudgetError(item.BudgetPlanned, item.BudgetCommitted, item.BudgetSpent, item.OverspendReason)
            ?? (item.DecisionReference?.Length > MaxReference ? "Error.DecisionReference" : null));
    }

    public static string? TitleError(string? fr, string? ar, string? en) =>
        string.IsNullOrWhiteSpace(fr) || string.IsNullOrWhiteSpace(ar) || fr.Length > MaxTitle || ar.Length > MaxTitle || en?.Length > MaxTitle
            ? "Error.Title"
            : null;

    public static string? DatesError(DateOnly? startsOn, DateOnly? dueOn) =>
        startsOn is { } start && dueOn is { } due && due < start ? "Error.DueBeforeStart" : null;

    public static string? ProgressError(int progress) => progress is < 0 or > 100 ? "Error.Progress" : null;

    public static string? WeightError(decimal weight) => weight <= 0 || weight > MaxWeight ? "Error.Weight" : null;

    /// <summary>No negative amount; more spent than committed needs a reason.</summary>
    public static string? BudgetError(decimal planned, decimal committed, decimal spent, string? overspendReason) =>
        planned < 0 || committed < 0 || spent < 0 ? "Error.NegativeBudget"
        : planned > MaxAmount || committed > MaxAmount || spent > MaxAmount ? "Error.BudgetTooLarge"
        : spent > committed && string.IsNullOrWhiteSpace(overspendReason) ? "Error.OverspendReason"
        : overspendReason?.Length > MaxText ? "Error.OverspendReason"
        : null;

    /// <summary>Axes sit at the root, objectives under an axis, actions under an objective or an action.</summary>
    public static string? ParentKindError(PlanItemKind kind, PlanItemKind? parentKind) => (kind, parentKind) switch
    {
        (PlanItemKind.Axis, null) => null,
        (PlanItemKind.Objective, PlanItemKind.Axis) => null,
        (PlanItemKind.Action, PlanItemKind.Objective or PlanItemKind.Action) => null,
        _ => "Error.ParentKind",
    };

    /// <summary>
    /// Whether putting <paramref name="itemId"/> under <paramref name="newParentId"/> closes a loop: the new parent
    /// is the item itself or one of its descendants. <paramref name="parentOf"/> is the tree as stored.
    /// </summary>
    public static bool CreatesCycle(Guid itemId, Guid? newParentId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var seen = new HashSet<Guid>();
        for (var current = newParentId; current is { } id; current = parentOf.GetValueOrDefault(id))
        {
            // A loop already in the data (it cannot be stored through the service) also counts as one.
            if (id == itemId || !seen.Add(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some item of the tree is its own ancestor (a whole tree changed at once, as an import does).</summary>
    public static bool CreatesCycleAnywhere(IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        return parentOf.Any(p => CreatesCycle(p.Key, p.Value, parentOf));
    }

    /// <summary>
    /// Indent: the item becomes the last child of the sibling just before it, when the levels allow it (an action under
    /// the action before it); null when there is no such sibling or the levels refuse (an objective under an objective).
    /// </summary>
    public static PlanPlace? IndentPlace(PlanNode item, IReadOnlyList<PlanNode> tree)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(tree);
        var before = tree.Where(n => n.ParentId == item.ParentId && n.Position < item.Position && n.Id != item.Id).MaxBy(n => n.Position);
        return before is null || ParentKindError(item.Kind, before.Kind) is not null
            ? null
            : new PlanPlace(before.Id, tree.Count(n => n.ParentId == before.Id));
    }

    /// <summary>
    /// Outdent: the item moves up a level, just after its parent, when the levels allow it (a sub-action becomes an action
    /// of the objective); null at the top or when the levels refuse (an action cannot sit under an axis).
    /// </summary>
    public static PlanPlace? OutdentPlace(PlanNode item, IReadOnlyList<PlanNode> tree)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(tree);
        if (item.ParentId is not { } parentId || tree.FirstOrDefault(n => n.Id == parentId) is not { } parent)
        {
            return null;
        }

        var grandparent = parent.ParentId is { } g ? tree.FirstOrDefault(n => n.Id == g) : null;
        return ParentKindError(item.Kind, grandparent?.Kind) is not null ? null : new PlanPlace(parent.ParentId, parent.Position + 1);
    }

    /// <summary>An indicator's names and unit; baseline and target may be any numbers, equal or decreasing.</summary>
    public static string? IndicatorError(string? nameFr, string? nameAr, string? nameEn, string? unit, decimal baseline, decimal target) =>
        string.IsNullOrWhiteSpace(nameFr) || string.IsNullOrWhiteSpace(nameAr) || nameFr.Length > MaxTitle || nameAr.Length > MaxTitle || nameEn?.Length > MaxTitle
            ? "Error.IndicatorName"
            : string.IsNullOrWhiteSpace(unit) || unit.Length > MaxUnit ? "Error.IndicatorUnit"
            : Math.Abs(baseline) > MaxAmount || Math.Abs(target) > MaxAmount ? "Error.IndicatorValue"
            : null;

    /// <summary>A measure needs a period in one of the three forms.</summary>
    public static string? MeasureError(string? period, decimal actual) =>
        string.IsNullOrWhiteSpace(period) ? "Error.PeriodMissing"
        : !PlanPeriods.TryParse(period, out _) ? "Error.Period"
        : Math.Abs(actual) > MaxAmount ? "Error.IndicatorValue"
        : null;
}

/// <summary>What the tree rules need of an item: its place and level.</summary>
public sealed record PlanNode(Guid Id, Guid? ParentId, PlanItemKind Kind, int Position);

/// <summary>A place in the tree: under <see cref="ParentId"/> (the root when null), at <see cref="Position"/> among its children.</summary>
public sealed record PlanPlace(Guid? ParentId, int Position);
