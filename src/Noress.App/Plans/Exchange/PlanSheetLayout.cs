using System.Globalization;

namespace Noress.App.Plans.Exchange;

/// <summary>The columns of the plan sheet, in order: the one definition export writes and import reads.</summary>
public enum PlanColumn
{
    Key,
    Id,
    Kind,
    ParentKey,
    TitleFr,
    TitleAr,
    TitleEn,
    Lead,
    Partners,
    Responsible,
    Committee,
    StartsOn,
    DueOn,
    Status,
    Progress,
    Weight,
    BudgetPlanned,
    BudgetCommitted,
    BudgetSpent,
    OverspendReason,
    Decision,
}

/// <summary>The columns of the indicators sheet, in order (one row per measure; an indicator without measures has one row without period).</summary>
public enum IndicatorColumn
{
    NodeKey,
    NameFr,
    NameAr,
    NameEn,
    Unit,
    Baseline,
    Target,
    Period,
    Actual,
}

/// <summary>
/// A node row of the sheet: its key, the stored item's id (null for a row that adds one), its parent's key and the
/// item's values (<see cref="PlanItemValues"/>, references by id, what the service stores). Export builds it from a
/// <see cref="PlanRow"/>, import from the cells; both turn it into cells through
/// <see cref="PlanSheetLayout.Cell(PlanColumn, PlanNodeValues, PlanSheetNames)"/>, so comparing an imported row with the
/// stored one is comparing the same cells.
/// </summary>
public sealed record PlanNodeValues(string Key, Guid? Id, string? ParentKey, PlanItemKind Kind, string TitleFr, string TitleAr, string? TitleEn = null)
    : PlanItemValues(Kind, TitleFr, TitleAr, TitleEn);

/// <summary>An indicator row's values (a measure, or none when <see cref="Period"/> is null).</summary>
public sealed record IndicatorValues(string NodeKey, string NameFr, string NameAr, string? NameEn, string Unit, decimal Baseline, decimal Target, string? Period, decimal? Actual);

/// <summary>How the sheet names what the plan refers to by id: institutions by acronym (as the directory shows them), people by e-mail, committees by code, decisions by register number.</summary>
public sealed class PlanSheetNames
{
    public PlanSheetNames(IEnumerable<(Guid Id, string Acronym)> institutions, IEnumerable<(Guid Id, string Email)> people, IEnumerable<(Guid Id, string Code)> committees, IEnumerable<(Guid Id, string Number)> decisions)
    {
        Institutions = new NameMap(institutions);
        People = new NameMap(people);
        Committees = new NameMap(committees);
        Decisions = new NameMap(decisions);
    }

    public NameMap Institutions { get; }

    public NameMap People { get; }

    public NameMap Committees { get; }

    public NameMap Decisions { get; }

    /// <summary>Ids to names and back; names compare without case and surrounding spaces.</summary>
    public sealed class NameMap
    {
        private readonly Dictionary<Guid, string> names = [];
        private readonly Dictionary<string, Guid> ids = new(StringComparer.OrdinalIgnoreCase);

        public NameMap(IEnumerable<(Guid Id, string Name)> entries)
        {
            foreach (var (id, name) in entries)
            {
                names[id] = name;
                ids.TryAdd(name.Trim(), id);
            }
        }

        public string? Name(Guid? id) => id is { } key ? names.GetValueOrDefault(key, key.ToString()) : null;

        public Guid? Id(string? name) => name is not null && ids.TryGetValue(name.Trim(), out var id) ? id : null;
    }
}

/// <summary>Cells of the two sheets from values: typed (dates, numbers) for a spreadsheet, invariant text for CSV and comparison.</summary>
public static class PlanSheetLayout
{
    public static readonly IReadOnlyList<PlanColumn> Columns = Enum.GetValues<PlanColumn>();

    public static readonly IReadOnlyList<IndicatorColumn> IndicatorColumns = Enum.GetValues<IndicatorColumn>();

    /// <summary>Partners in one cell, by acronym.</summary>
    public const string ListSeparator = ", ";

    /// <summary>The cell of <paramref name="column"/>: strings, <see cref="DateTime"/> for dates, numbers as numbers; null when empty.</summary>
    public static object? Cell(PlanColumn column, PlanNodeValues node, PlanSheetNames names)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(names);
        return column switch
        {
            PlanColumn.Key => node.Key,
            PlanColumn.Id => node.Id?.ToString(),
            PlanColumn.Kind => node.Kind.ToString(),
            PlanColumn.ParentKey => node.ParentKey,
            PlanColumn.TitleFr => node.TitleFr,
            PlanColumn.TitleAr => node.TitleAr,
            PlanColumn.TitleEn => node.TitleEn,
            PlanColumn.Lead => names.Institutions.Name(node.LeadInstitutionId),
            PlanColumn.Partners => node.PartnerIds.Count == 0 ? null
                : string.Join(ListSeparator, node.PartnerIds.Select(p => names.Institutions.Name(p)!).Order(StringComparer.OrdinalIgnoreCase)),
            PlanColumn.Responsible => names.People.Name(node.ResponsibleUserId),
            PlanColumn.Committee => names.Committees.Name(node.CommitteeId),
            PlanColumn.StartsOn => node.StartsOn?.ToDateTime(TimeOnly.MinValue),
            PlanColumn.DueOn => node.DueOn?.ToDateTime(TimeOnly.MinValue),
            PlanColumn.Status => node.Status.ToString(),
            PlanColumn.Progress => node.Progress,
            PlanColumn.Weight => node.Weight,
            PlanColumn.BudgetPlanned => node.BudgetPlanned,
            PlanColumn.BudgetCommitted => node.BudgetCommitted,
            PlanColumn.BudgetSpent => node.BudgetSpent,
            PlanColumn.OverspendReason => node.OverspendReason,
            PlanColumn.Decision => node.DecisionId is { } d ? names.Decisions.Name(d) : node.DecisionReference,
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    public static object? Cell(IndicatorColumn column, IndicatorValues row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return column switch
        {
            IndicatorColumn.NodeKey => row.NodeKey,
            IndicatorColumn.NameFr => row.NameFr,
            IndicatorColumn.NameAr => row.NameAr,
            IndicatorColumn.NameEn => row.NameEn,
            IndicatorColumn.Unit => row.Unit,
            IndicatorColumn.Baseline => row.Baseline,
            IndicatorColumn.Target => row.Target,
            IndicatorColumn.Period => row.Period,
            IndicatorColumn.Actual => row.Actual,
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    /// <summary>A cell as invariant text: ISO dates, numbers with a dot and without trailing zeros; empty for null.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => Number(number),
        double number => Number((decimal)number),
        int number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The stable keys of a plan's rows ("1", "1.2", "1.2.3"): each row's place among its siblings, from the root.
    /// <paramref name="rows"/> are in tree order (depth first, by position), as <see cref="PlanView.Rows"/>.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> Keys(IReadOnlyList<PlanRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new Dictionary<Guid, string>();
        var counts = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            var parent = row.ParentId ?? Guid.Empty;
            var place = counts.GetValueOrDefault(parent) + 1;
            counts[parent] = place;
            var prefix = row.ParentId is { } p && keys.TryGetValue(p, out var parentKey) ? parentKey + "." : string.Empty;
            keys[row.Id] = prefix + place.ToString(CultureInfo.InvariantCulture);
        }

        return keys;
    }

    /// <summary>A stored row as sheet values.</summary>
    public static PlanNodeValues Values(PlanRow row, IReadOnlyDictionary<Guid, string> keys)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(keys);
        return new PlanNodeValues(keys[row.Id], row.Id, row.ParentId is { } p ? keys.GetValueOrDefault(p) : null, row.Kind, row.TitleFr, row.TitleAr, row.TitleEn)
        {
            LeadInstitutionId = row.LeadInstitutionId,
            PartnerIds = row.PartnerIds,
            ResponsibleUserId = row.ResponsibleUserId,
            CommitteeId = row.CommitteeId,
            StartsOn = row.StartsOn,
            DueOn = row.DueOn,
            Status = row.Status,
            Progress = row.Progress,
            Weight = row.Weight,
            BudgetPlanned = row.BudgetPlanned,
            BudgetCommitted = row.BudgetCommitted,
            BudgetSpent = row.BudgetSpent,
            OverspendReason = row.OverspendReason,
            DecisionId = row.DecisionId,
            DecisionReference = row.DecisionReference,
        };
    }

    /// <summary>A plan's indicators as sheet rows: one per measure (oldest period first), one without period for an indicator never measured.</summary>
    public static IReadOnlyList<IndicatorValues> IndicatorRows(IReadOnlyList<PlanIndicatorView> indicators, IReadOnlyDictionary<Guid, string> keys)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(keys);
        var rows = new List<IndicatorValues>();
        foreach (var indicator in indicators)
        {
            var key = keys.GetValueOrDefault(indicator.ItemId) ?? string.Empty;
            var row = new IndicatorValues(key, indicator.NameFr, indicator.NameAr, indicator.NameEn, indicator.Unit, indicator.Baseline, indicator.Target, null, null);
            if (indicator.Measures.Count == 0)
            {
                rows.Add(row);
                continue;
            }

            rows.AddRange(indicator.Measures
                .OrderBy(m => PlanPeriods.TryParse(m.Period, out var p) ? p.EndsOn : DateOnly.MaxValue).ThenBy(m => m.Period, StringComparer.Ordinal)
                .Select(m => row with { Period = m.Period, Actual = m.Actual }));
        }

        return rows;
    }
}
