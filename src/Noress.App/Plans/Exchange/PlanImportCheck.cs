using System.Globalization;

namespace Noress.App.Plans.Exchange;

/// <summary>What an import does with a row.</summary>
public enum ImportAction
{
    Add,
    Update,
    Unchanged,
}

/// <summary>A problem of a row: a PlansText key and the column it is about (a <see cref="PlanColumn"/> or <see cref="IndicatorColumn"/> name), if one.</summary>
public sealed record ImportIssue(string Code, string? Column = null);

/// <summary>A node row checked: what it will do, its problems, and (without problems) its values and the item it becomes.</summary>
public sealed record ImportNodeRow(int Line, string Key, string Title, ImportAction Action, IReadOnlyList<ImportIssue> Issues, IReadOnlyList<PlanColumn> Changed)
{
    public Guid ItemId { get; init; }

    public Guid? ParentId { get; init; }

    public PlanNodeValues? Values { get; init; }
}

/// <summary>An indicator row checked; <see cref="Period"/> null when it carries no measure.</summary>
public sealed record ImportIndicatorRow(int Line, string NodeKey, string Name, string? Period, ImportAction Action, IReadOnlyList<ImportIssue> Issues)
{
    public Guid ItemId { get; init; }

    /// <summary>The stored indicator it updates, or null for a new one.</summary>
    public Guid? IndicatorId { get; init; }

    public IndicatorValues? Values { get; init; }
}

/// <summary>The whole check: a layout problem (nothing else is read then), or every row with its action and problems.</summary>
public sealed record PlanImportCheckResult(string? LayoutError, IReadOnlyList<ImportNodeRow> Nodes, IReadOnlyList<ImportIndicatorRow> Indicators)
{
    public bool HasErrors => LayoutError is not null || Nodes.Any(n => n.Issues.Count > 0) || Indicators.Any(i => i.Issues.Count > 0);

    public bool HasChanges => Nodes.Any(n => n.Action != ImportAction.Unchanged) || Indicators.Any(i => i.Action != ImportAction.Unchanged);
}

/// <summary>
/// Checks an imported workbook against the plan as stored, before anything is saved: every row's values through
/// <see cref="PlanRules"/> (the service's own rules), references by name, keys, parents, cycles and the indicators.
/// Rows match stored items by id, else by key; rows not in the file are kept (an import never deletes).
/// </summary>
public static class PlanImportCheck
{
    private static readonly char[] ListSeparators = [',', ';'];

    /// <param name="sheet">The workbook as read.</param>
    /// <param name="view">The plan as stored (may have no rows: a new plan's first import).</param>
    /// <param name="names">Institutions, people, committees and decisions by name.</param>
    /// <param name="headers">The header rows accepted for the nodes sheet (one per language).</param>
    /// <param name="indicatorHeaders">The header rows accepted for the indicators sheet.</param>
    /// <param name="newId">Ids for new items (tests pass a predictable one).</param>
    public static PlanImportCheckResult Run(PlanSheet sheet, PlanView view, PlanSheetNames names, IReadOnlyList<IReadOnlyList<string>> headers,
        IReadOnlyList<IReadOnlyList<string>> indicatorHeaders, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(names);
        newId ??= Guid.NewGuid;
        if (!HeaderMatches(sheet.NodeHeader, headers, PlanSheetLayout.Columns.Select(c => c.ToString()))
            || (sheet.Indicators.Count > 0 && !HeaderMatches(sheet.IndicatorHeader, indicatorHeaders, PlanSheetLayout.IndicatorColumns.Select(c => c.ToString()))))
        {
            return new PlanImportCheckResult("Error.Import.Layout", [], []);
        }

        var storedKeys = PlanSheetLayout.Keys(view.Rows);
        var stored = view.Rows.ToDictionary(r => r.Id);
        var storedByKey = storedKeys.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);

        // First pass: keys, ids and which stored item each row is.
        var keyCounts = sheet.Nodes.GroupBy(r => r[(int)PlanColumn.Key], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var claimedIds = sheet.Nodes.Select(r => Guid.TryParse(r[(int)PlanColumn.Id], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var idCounts = claimedIds.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var firstPass = new List<(SheetRow Row, List<ImportIssue> Issues, Guid ItemId, PlanRow? Stored)>();
        var itemOfKey = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var matched = new HashSet<Guid>();
        foreach (var row in sheet.Nodes)
        {
            var issues = new List<ImportIssue>();
            var key = row[(int)PlanColumn.Key];
            if (key.Length == 0)
            {
                issues.Add(new("Error.Import.KeyMissing", nameof(PlanColumn.Key)));
            }
            else if (keyCounts[key] > 1)
            {
                issues.Add(new("Error.Import.DuplicateKey", nameof(PlanColumn.Key)));
            }

            PlanRow? match = null;
            var idText = row[(int)PlanColumn.Id];
            if (idText.Length > 0)
            {
                if (!Guid.TryParse(idText, out var id) || !stored.TryGetValue(id, out match))
                {
                    issues.Add(new("Error.Import.UnknownId", nameof(PlanColumn.Id)));
                }
                else if (idCounts[id] > 1)
                {
                    issues.Add(new("Error.Import.DuplicateKey", nameof(PlanColumn.Id)));
                    match = null;
                }
            }
            else if (key.Length > 0 && storedByKey.TryGetValue(key, out var byKey) && !idCounts.ContainsKey(byKey) && !matched.Contains(byKey))
            {
                match = stored[byKey];
            }

            var itemId = match?.Id ?? newId();
            if (match is not null)
            {
                matched.Add(match.Id);
            }

            if (key.Length > 0)
            {
                itemOfKey.TryAdd(key, itemId);
            }

            firstPass.Add((row, issues, itemId, match));
        }

        // Stored items keep answering to their current key (those the file leaves out keep their place), unless a row took it.
        foreach (var (id, key) in storedKeys)
        {
            itemOfKey.TryAdd(key, id);
        }

        // Second pass: the values, each through the plan's rules.
        var parsed = new List<(SheetRow Row, List<ImportIssue> Issues, Guid ItemId, PlanRow? Stored, PlanNodeValues? Values, Guid? ParentId, bool ParentKnown)>();
        foreach (var (row, issues, itemId, match) in firstPass)
        {
            var values = ParseNode(row, match, names, view.Plan.CommitteeId, issues);
            var parentKey = row[(int)PlanColumn.ParentKey];
            Guid? parentId = null;
            var parentKnown = true;
            if (parentKey.Length > 0)
            {
                if (itemOfKey.TryGetValue(parentKey, out var p))
                {
                    parentId = p;
                }
                else
                {
                    parentKnown = false;
                    issues.Add(new("Error.Import.UnknownParent", nameof(PlanColumn.ParentKey)));
                }
            }

            if (match is not null && values is not null && values.Kind != match.Kind)
            {
                issues.Add(new("Error.Import.KindChanged", nameof(PlanColumn.Kind)));
            }

            parsed.Add((row, issues, itemId, match, values, parentId, parentKnown));
        }

        // The tree as it would be: parent kinds and cycles.
        var parentOf = view.Rows.ToDictionary(r => r.Id, r => r.ParentId);
        var kindOf = view.Rows.ToDictionary(r => r.Id, r => (PlanItemKind?)r.Kind);
        foreach (var p in parsed)
        {
            if (p.ParentKnown)
            {
                parentOf[p.ItemId] = p.ParentId;
            }

            if (p.Values is { } v && !kindOf.ContainsKey(p.ItemId))
            {
                kindOf[p.ItemId] = v.Kind;
            }
        }

        var nodes = new List<ImportNodeRow>();
        foreach (var (row, issues, itemId, match, values, parentId, parentKnown) in parsed)
        {
            if (parentKnown && parentId is { } pid && CycleThrough(itemId, pid, parentOf))
            {
                issues.Add(new("Error.Cycle", nameof(PlanColumn.ParentKey)));
            }
            else if (parentKnown && values is not null && PlanRules.ParentKindError(values.Kind, parentId is { } k ? kindOf.GetValueOrDefault(k) : null) is { } kindError)
            {
                issues.Add(new(kindError, nameof(PlanColumn.ParentKey)));
            }

            var changed = new List<PlanColumn>();
            if (match is not null && values is not null)
            {
                var before = PlanSheetLayout.Values(match, storedKeys);
                changed.AddRange(PlanSheetLayout.Columns.Where(c => c is not (PlanColumn.Key or PlanColumn.Id or PlanColumn.ParentKey)
                    && PlanSheetLayout.Text(PlanSheetLayout.Cell(c, values, names)) != PlanSheetLayout.Text(PlanSheetLayout.Cell(c, before, names))));
                if (parentKnown && parentId != match.ParentId)
                {
                    changed.Insert(0, PlanColumn.ParentKey);
                }
            }

            var action = match is null ? ImportAction.Add : changed.Count > 0 ? ImportAction.Update : ImportAction.Unchanged;
            var title = values?.TitleFr ?? row[(int)PlanColumn.TitleFr];
            nodes.Add(new ImportNodeRow(row.Line, row[(int)PlanColumn.Key], title, action, issues, changed)
            {
                ItemId = itemId,
                ParentId = parentId,
                Values = issues.Count == 0 ? values : null,
            });
        }

        return new PlanImportCheckResult(null, nodes, CheckIndicators(sheet.Indicators, view, itemOfKey));
    }

    private static PlanNodeValues? ParseNode(SheetRow row, PlanRow? match, PlanSheetNames names, Guid? planCommittee, List<ImportIssue> issues)
    {
        string? Text(PlanColumn column) => row[(int)column] is { Length: > 0 } text ? text : null;
        void Issue(string? code, PlanColumn column)
        {
            if (code is not null && !issues.Any(i => i.Code == code && i.Column == column.ToString()))
            {
                issues.Add(new(code, column.ToString()));
            }
        }

        var kindOk = Enum.TryParse<PlanItemKind>(Text(PlanColumn.Kind), ignoreCase: true, out var kind) && Enum.IsDefined(kind);
        Issue(kindOk ? null : "Error.Kind", PlanColumn.Kind);
        var (titleFr, titleAr, titleEn) = (Text(PlanColumn.TitleFr), Text(PlanColumn.TitleAr), Text(PlanColumn.TitleEn));
        if (PlanRules.TitleError(titleFr, titleAr, titleEn) is { } titleError)
        {
            Issue(titleError, string.IsNullOrWhiteSpace(titleFr) || titleFr.Length > PlanRules.MaxTitle ? PlanColumn.TitleFr : string.IsNullOrWhiteSpace(titleAr) || titleAr.Length > PlanRules.MaxTitle ? PlanColumn.TitleAr : PlanColumn.TitleEn);
        }

        Guid? Reference(PlanSheetNames.NameMap map, PlanColumn column, string code)
        {
            if (Text(column) is not { } name)
            {
                return null;
            }

            var id = map.Id(name);
            Issue(id is null ? code : null, column);
            return id;
        }

        var lead = Reference(names.Institutions, PlanColumn.Lead, "Error.UnknownInstitution");
        var partners = new List<Guid>();
        foreach (var name in (Text(PlanColumn.Partners) ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (names.Institutions.Id(name) is { } partner)
            {
                partners.Add(partner);
            }
            else
            {
                Issue("Error.UnknownInstitution", PlanColumn.Partners);
            }
        }

        Issue(lead is { } l && partners.Contains(l) ? "Error.PartnerIsLead" : null, PlanColumn.Partners);
        var responsible = Reference(names.People, PlanColumn.Responsible, "Error.UnknownPerson");
        var committee = Text(PlanColumn.Committee) is null ? (match is null ? planCommittee : null) : Reference(names.Committees, PlanColumn.Committee, "Error.UnknownCommittee");
        var startsOn = Date(Text(PlanColumn.StartsOn), PlanColumn.StartsOn, issues);
        var dueOn = Date(Text(PlanColumn.DueOn), PlanColumn.DueOn, issues);
        Issue(PlanRules.DatesError(startsOn, dueOn), PlanColumn.DueOn);
        var status = PlanItemStatus.Planned;
        if (Text(PlanColumn.Status) is { } statusText && !(Enum.TryParse(statusText, ignoreCase: true, out status) && Enum.IsDefined(status)))
        {
            Issue("Error.Status", PlanColumn.Status);
        }

        var progress = 0;
        if (Text(PlanColumn.Progress) is { } progressText)
        {
            if (Number(progressText) is { } p && p == decimal.Truncate(p) && Math.Abs(p) <= int.MaxValue)
            {
                progress = (int)p;
                Issue(PlanRules.ProgressError(progress), PlanColumn.Progress);
            }
            else
            {
                Issue("Error.Import.Number", PlanColumn.Progress);
            }
        }

        var weight = Amount(Text(PlanColumn.Weight), 1m, PlanColumn.Weight, issues);
        Issue(weight is { } w ? PlanRules.WeightError(w) : null, PlanColumn.Weight);
        var planned = Amount(Text(PlanColumn.BudgetPlanned), 0m, PlanColumn.BudgetPlanned, issues);
        var committed = Amount(Text(PlanColumn.BudgetCommitted), 0m, PlanColumn.BudgetCommitted, issues);
        var spent = Amount(Text(PlanColumn.BudgetSpent), 0m, PlanColumn.BudgetSpent, issues);
        var reason = Text(PlanColumn.OverspendReason);
        if (planned is { } bp && committed is { } bc && spent is { } bs && PlanRules.BudgetError(bp, bc, bs, reason) is { } budgetError)
        {
            Issue(budgetError, budgetError == "Error.OverspendReason" ? PlanColumn.OverspendReason
                : bp < 0 || bp > PlanRules.MaxAmount ? PlanColumn.BudgetPlanned
                : bc < 0 || bc > PlanRules.MaxAmount ? PlanColumn.BudgetCommitted : PlanColumn.BudgetSpent);
        }

        // The register number links the decision; any other text is a free reference (kept beside an unchanged link).
        var decisionText = Text(PlanColumn.Decision);
        Guid? decisionId = null;
        string? decisionReference = null;
        if (decisionText is not null && names.Decisions.Id(decisionText) is { } decision)
        {
            decisionId = decision;
            decisionReference = match?.DecisionId == decision ? match.DecisionReference : null;
        }
        else
        {
            decisionReference = decisionText;
            Issue(decisionText?.Length > PlanRules.MaxReference ? "Error.DecisionReference" : null, PlanColumn.Decision);
        }

        if (!kindOk || titleFr is null || titleAr is null || weight is null || planned is null || committed is null || spent is null)
        {
            return null;
        }

        return new PlanNodeValues(row[(int)PlanColumn.Key], match?.Id, Text(PlanColumn.ParentKey), kind, titleFr, titleAr, titleEn)
        {
            LeadInstitutionId = lead,
            PartnerIds = [.. partners.Distinct()],
            ResponsibleUserId = responsible,
            CommitteeId = committee,
            StartsOn = startsOn,
            DueOn = dueOn,
            Status = status,
            Progress = progress,
            Weight = weight.Value,
            BudgetPlanned = planned.Value,
            BudgetCommitted = committed.Value,
            BudgetSpent = spent.Value,
            OverspendReason = reason,
            DecisionId = decisionId,
            DecisionReference = decisionReference,
        };
    }

    /// <summary>
    /// The sheet with its id column emptied: a new plan's rows are all new items, whatever ids the file carries (a
    /// workbook exported from another plan makes a copy of it, its keys giving the tree).
    /// </summary>
    public static PlanSheet WithoutIds(PlanSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet with
        {
            Nodes = [.. sheet.Nodes.Select(r => r with { Cells = [.. r.Cells.Select((c, i) => i == (int)PlanColumn.Id ? string.Empty : c)] })],
        };
    }

    private static List<ImportIndicatorRow> CheckIndicators(IReadOnlyList<SheetRow> rows, PlanView view, IReadOnlyDictionary<string, Guid> itemOfKey)
    {
        var result = new List<ImportIndicatorRow>();
        var groups = new Dictionary<(Guid, string), IndicatorValues>();
        var periods = new HashSet<(Guid, string, string)>();
        foreach (var row in rows)
        {
            var issues = new List<ImportIssue>();
            string? Text(IndicatorColumn column) => row[(int)column] is { Length: > 0 } text ? text : null;
            var nodeKey = row[(int)IndicatorColumn.NodeKey];
            var known = itemOfKey.TryGetValue(nodeKey, out var itemId);
            if (!known)
            {
                issues.Add(new("Error.Import.UnknownNode", nameof(IndicatorColumn.NodeKey)));
            }

            var (nameFr, nameAr, nameEn, unit) = (Text(IndicatorColumn.NameFr), Text(IndicatorColumn.NameAr), Text(IndicatorColumn.NameEn), Text(IndicatorColumn.Unit));
            var baseline = Amount(Text(IndicatorColumn.Baseline), 0m, IndicatorColumn.Baseline, issues);
            var target = Amount(Text(IndicatorColumn.Target), 0m, IndicatorColumn.Target, issues);
            if (baseline is { } b && target is { } t && PlanRules.IndicatorError(nameFr, nameAr, nameEn, unit, b, t) is { } indicatorError)
            {
                issues.Add(new(indicatorError, indicatorError == "Error.IndicatorUnit" ? nameof(IndicatorColumn.Unit) : indicatorError == "Error.IndicatorName" ? nameof(IndicatorColumn.NameFr) : nameof(IndicatorColumn.Target)));
            }

            var (periodText, actualText) = (Text(IndicatorColumn.Period), Text(IndicatorColumn.Actual));
            decimal? actual = null;
            string? period = null;
            if (actualText is not null || periodText is not null)
            {
                actual = Amount(actualText, 0m, IndicatorColumn.Actual, issues);
                if (actualText is null)
                {
                    issues.Add(new("Error.Import.ActualMissing", nameof(IndicatorColumn.Actual)));
                }
                else if (actual is { } a && PlanRules.MeasureError(periodText, a) is { } measureError)
                {
                    issues.Add(new(measureError, measureError == "Error.IndicatorValue" ? nameof(IndicatorColumn.Actual) : nameof(IndicatorColumn.Period)));
                }

                period = PlanPeriods.Normalize(periodText);
            }

            IndicatorValues? values = null;
            if (issues.Count == 0)
            {
                values = new IndicatorValues(nodeKey, nameFr!, nameAr!, nameEn, unit!, baseline!.Value, target!.Value, period, actual);
                var group = (itemId, nameFr!);
                if (groups.TryGetValue(group, out var first) && first with { Period = null, Actual = null } != values with { Period = null, Actual = null })
                {
                    issues.Add(new("Error.Import.IndicatorMismatch", nameof(IndicatorColumn.NameFr)));
                }

                groups.TryAdd(group, values);
                if (period is not null && !periods.Add((itemId, nameFr!, period)))
                {
                    issues.Add(new("Error.Import.DuplicatePeriod", nameof(IndicatorColumn.Period)));
                }
            }

            var storedIndicator = known ? view.Indicators.FirstOrDefault(i => i.ItemId == itemId && string.Equals(i.NameFr.Trim(), nameFr, StringComparison.Ordinal)) : null;
            var action = ImportAction.Add;
            if (storedIndicator is not null && values is not null)
            {
                var indicatorChanged = storedIndicator.NameAr != values.NameAr || storedIndicator.NameEn != values.NameEn || storedIndicator.Unit != values.Unit
                    || storedIndicator.Baseline != values.Baseline || storedIndicator.Target != values.Target;
                var measure = period is null ? null : storedIndicator.Measures.FirstOrDefault(m => m.Period == period);
                action = period is not null && measure is null ? ImportAction.Add
                    : indicatorChanged || (measure is not null && measure.Actual != actual) ? ImportAction.Update
                    : ImportAction.Unchanged;
            }

            result.Add(new ImportIndicatorRow(row.Line, nodeKey, nameFr ?? string.Empty, period ?? periodText, action, issues)
            {
                ItemId = itemId,
                IndicatorId = storedIndicator?.Id,
                Values = issues.Count == 0 ? values : null,
            });
        }

        return result;
    }

    private static bool CycleThrough(Guid itemId, Guid parentId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = parentId; current is { } id; current = parentOf.GetValueOrDefault(id))
        {
            if (id == itemId || !seen.Add(id))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HeaderMatches(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> accepted, IEnumerable<string> invariant)
    {
        bool Same(IEnumerable<string> expected) => expected.Select((h, i) => string.Equals(h.Trim(), i < header.Count ? header[i].Trim() : string.Empty, StringComparison.OrdinalIgnoreCase)).All(x => x);
        return accepted.Append([.. invariant]).Any(Same);
    }

    private static DateOnly? Date(string? text, PlanColumn column, List<ImportIssue> issues)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // A date a spreadsheet kept as its serial number.
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate((double)serial));
        }

        issues.Add(new("Error.Import.Date", column.ToString()));
        return null;
    }

    private static decimal? Number(string text)
    {
        var clean = text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace(" ", string.Empty, StringComparison.Ordinal);
        if (decimal.TryParse(clean, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A decimal comma ("1500,50") as French and Moroccan spreadsheets write it.
        return clean.Count(c => c == ',') == 1 && !clean.Contains('.', StringComparison.Ordinal)
            && decimal.TryParse(clean.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var comma) ? comma : null;
    }

    private static decimal? Amount<TColumn>(string? text, decimal empty, TColumn column, List<ImportIssue> issues)
        where TColumn : struct, Enum
    {
        if (text is null)
        {
            return empty;
        }

        if (Number(text) is { } value)
        {
            return value;
        }

        issues.Add(new("Error.Import.Number", column.ToString()));
        return null;
    }
}
