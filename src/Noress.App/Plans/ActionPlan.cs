using Noress.App.Data;

namespace Noress.App.Plans;

/// <summary>Which plan: the network's strategic plan, or a thematic committee's plan.</summary>
public enum PlanKind
{
    Strategic,
    Thematic,
}

/// <summary>
/// An action plan: the tree of <see cref="PlanItem"/> rows under it. One strategic plan, and at most one thematic plan
/// per committee: <see cref="ScopeKey"/> is unique and says which (a plain unique column works on every provider,
/// where a filtered index or a nullable unique pair would not).
/// </summary>
public sealed class ActionPlan : IVersioned
{
    public const string StrategicScope = "strategic";

    public Guid Id { get; set; } = Guid.NewGuid();

    public PlanKind Kind { get; set; }

    /// <summary>The committee of a thematic plan; null for the strategic plan.</summary>
    public Guid? CommitteeId { get; set; }

    /// <summary>"strategic" or the committee's id: unique, so a second plan of the same scope cannot be stored.</summary>
    public required string ScopeKey { get; set; }

    public required string TitleFr { get; set; }

    public required string TitleAr { get; set; }

    public string? TitleEn { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }

    public static string ScopeOf(PlanKind kind, Guid? committeeId) =>
        kind == PlanKind.Strategic ? StrategicScope : committeeId?.ToString("N") ?? throw new ArgumentNullException(nameof(committeeId));
}
