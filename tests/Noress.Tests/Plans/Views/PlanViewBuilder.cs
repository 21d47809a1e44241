using Noress.App.Plans;

namespace Noress.Tests.Plans.Views;

/// <summary>
/// Builds a <see cref="PlanView"/> the way PlanService.LoadAsync shapes it (tree order, depth, late, roll-ups from
/// <see cref="PlanRollup"/>), without a database.
/// </summary>
internal sealed class PlanViewBuilder(DateOnly today)
{
    public static readonly Guid PlanId = Guid.Parse("0f6d3c1e-4a8b-4e2f-9c7d-1a2b3c4d5e60");

    private readonly List<PlanRow> rows = [];
    private readonly Dictionary<Guid, PlanInstitution> institutions = [];
    private readonly Dictionary<Guid, string> people = [];
    private readonly Dictionary<Guid, PlanCommittee> committees = [];
    private readonly List<PlanIndicatorView> indicators = [];

    public DateOnly Today { get; } = today;

    public bool CanEdit { get; set; } = true;

    public Guid Axis(string title, Guid? id = null) => Add(null, PlanItemKind.Axis, title, id, r => r);

    public Guid Objective(Guid axis, string title, Guid? id = null) => Add(axis, PlanItemKind.Objective, title, id, r => r);

    public Guid Action(Guid parent, string title, Func<PlanRow, PlanRow>? configure = null, Guid? id = null) =>
        Add(parent, PlanItemKind.Action, title, id, configure ?? (r => r));

    public Guid Institution(string acronym, string nameFr, string nameAr)
    {
        var id = Guid.NewGuid();
        institutions[id] = new PlanInstitution(id, acronym, nameFr, nameAr);
        return id;
    }

    public Guid Person(string name)
    {
        var id = Guid.NewGuid();
        people[id] = name;
        return id;
    }

    public Guid Committee(string code, string fr, string ar, string en)
    {
        var id = Guid.NewGuid();
        committees[id] = new PlanCommittee(id, code, fr, ar, en);
        return id;
    }

    public void Indicator(Guid itemId, string name, string unit, decimal baseline, decimal target, params (string Period, decimal Actual)[] measures)
    {
        var points = measures.Select(m => new MeasurePoint(m.Period, m.Actual, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))).ToList();
        indicators.Add(new PlanIndicatorView(Guid.NewGuid(), itemId, name, name + " (ar)", name, unit, baseline, target, Guid.NewGuid(),
            [.. points.Select(p => new IndicatorMeasureView(Guid.NewGuid(), p.Period, p.Actual, p.RecordedAt, null))],
            IndicatorMaths.Standing(baseline, target, points)));
    }

    public PlanView Build()
    {
        var rollups = PlanRollup.Compute([.. rows.Select(r => new RollupInput(r.Id, r.ParentId, r.Status, r.Progress, r.Weight, r.BudgetPlanned, r.BudgetCommitted, r.BudgetSpent))]);
        var children = rows.ToLookup(r => r.ParentId ?? Guid.Empty);
        var ordered = new List<PlanRow>();

        int Visit(PlanRow row, int depth)
        {
            var late = PlanRules.IsLate(row.DueOn, row.Status, Today);
            var index = ordered.Count;
            ordered.Add(row);
            var lateBelow = 0;
            foreach (var child in children[row.Id].OrderBy(c => c.Position))
            {
                lateBelow += Visit(child, depth + 1);
            }

            ordered[index] = row with { Depth = depth, HasChildren = children[row.Id].Any(), Late = late, LateBelow = lateBelow, Rollup = rollups[row.Id] };
            return lateBelow + (late ? 1 : 0);
        }

        foreach (var root in children[Guid.Empty].OrderBy(r => r.Position))
        {
            Visit(root, 0);
        }

        var plan = new PlanSummary(PlanId, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", "Strategic plan", Guid.NewGuid(), CanEdit);
        return new PlanView(plan, ordered, rollups[Guid.Empty], Today, institutions, people, committees, indicators, []);
    }

    private Guid Add(Guid? parent, PlanItemKind kind, string title, Guid? id, Func<PlanRow, PlanRow> configure)
    {
        var row = new PlanRow
        {
            Id = id ?? Guid.NewGuid(),
            ParentId = parent,
            Kind = kind,
            Depth = 0,
            Position = rows.Count(r => r.ParentId == parent),
            HasChildren = false,
            TitleFr = title,
            TitleAr = title + " (ar)",
            TitleEn = title + " (en)",
            Status = PlanItemStatus.Planned,
            Progress = 0,
            Weight = 1m,
            Version = Guid.NewGuid(),
            Late = false,
            Rollup = new RollupResult(null, 0, 0, 0),
        };
        rows.Add(configure(row));
        return row.Id;
    }
}
