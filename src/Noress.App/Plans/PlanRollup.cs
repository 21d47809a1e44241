namespace Noress.App.Plans;

/// <summary>The values the roll-up reads from one node.</summary>
public sealed record RollupInput(Guid Id, Guid? ParentId, PlanItemStatus Status, int Progress, decimal Weight, decimal BudgetPlanned, decimal BudgetCommitted, decimal BudgetSpent);

/// <summary>
/// A node's rolled-up values. <paramref name="Progress"/> is null when nothing under the node counts (every
/// action cancelled).
/// </summary>
public sealed record RollupResult(decimal? Progress, decimal BudgetPlanned, decimal BudgetCommitted, decimal BudgetSpent);

/// <summary>
/// Weighted progress and budget from the leaves up (ADR 0027). A leaf counts its own progress (a done leaf counts
/// 100); a node with children counts only its children, weighted by their weights, its own progress and budget
/// being ignored; cancelled nodes are left out of progress but their money stays in the budget sums.
/// </summary>
public static class PlanRollup
{
    /// <summary>Every node's rolled-up values, and the whole plan's under <see cref="Guid.Empty"/>.</summary>
    public static IReadOnlyDictionary<Guid, RollupResult> Compute(IReadOnlyCollection<RollupInput> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var children = nodes.ToLookup(n => n.ParentId ?? Guid.Empty);
        var results = new Dictionary<Guid, RollupResult>();
        foreach (var root in children[Guid.Empty])
        {
            Visit(root, children, results, []);
        }

        results[Guid.Empty] = Combine(children[Guid.Empty], results);
        return results;
    }

    private static RollupResult Visit(RollupInput node, ILookup<Guid, RollupInput> children, Dictionary<Guid, RollupResult> results, HashSet<Guid> path)
    {
        if (!path.Add(node.Id))
        {
            throw new InvalidOperationException($"Plan item {node.Id} is its own ancestor.");
        }

        foreach (var child in children[node.Id])
        {
            Visit(child, children, results, path);
        }

        path.Remove(node.Id);
        var result = children[node.Id].Any()
            ? Combine(children[node.Id], results)
            : new RollupResult(
                node.Status == PlanItemStatus.Cancelled ? null : node.Status == PlanItemStatus.Done ? 100m : node.Progress,
                node.BudgetPlanned, node.BudgetCommitted, node.BudgetSpent);
        results[node.Id] = result;
        return result;
    }

    private static RollupResult Combine(IEnumerable<RollupInput> siblings, Dictionary<Guid, RollupResult> results)
    {
        decimal weighted = 0, weights = 0, planned = 0, committed = 0, spent = 0;
        foreach (var sibling in siblings)
        {
            var result = results[sibling.Id];
            (planned, committed, spent) = (planned + result.BudgetPlanned, committed + result.BudgetCommitted, spent + result.BudgetSpent);
            if (sibling.Status != PlanItemStatus.Cancelled && result.Progress is { } progress && sibling.Weight > 0)
            {
                weighted += progress * sibling.Weight;
                weights += sibling.Weight;
            }
        }

        return new RollupResult(weights == 0 ? null : Math.Round(weighted / weights, 2), planned, committed, spent);
    }
}
