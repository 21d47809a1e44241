using System.Globalization;
using Microsoft.Extensions.Localization;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans.Grid;

/// <summary>Marker for the plan pages' strings (PlanGridText.resx is French, the default).</summary>
public sealed class PlanGridText
{
}

/// <summary>Turns a field's invariant value into what a reader sees: names for ids, dates and amounts through NoressFormat.</summary>
public sealed class PlanCellText(PlanView view, PlanChoices? choices, IStringLocalizer<PlansText> text)
{
    public string FieldName(PlanField field) => text["Field." + field];

    public string Status(PlanItemStatus status) => text["Status." + status];

    public string Kind(PlanItemKind kind) => text["Kind." + kind];

    /// <summary>A field's value as shown (empty when none), people's text without bidirectional controls.</summary>
    public string Show(PlanField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var inv = CultureInfo.InvariantCulture;
        switch (field)
        {
            case PlanField.LeadInstitutionId when Guid.TryParse(value, out var id):
                return Institution(id);
            case PlanField.ResponsibleUserId when Guid.TryParse(value, out var id):
                return PeopleText.Plain(view.People.GetValueOrDefault(id) ?? choices?.People.FirstOrDefault(p => p.Id == id)?.Label) ?? string.Empty;
            case PlanField.CommitteeId when Guid.TryParse(value, out var id):
                return view.Committees.TryGetValue(id, out var committee) ? committee.Code : string.Empty;
            case PlanField.DecisionId when Guid.TryParse(value, out var id):
                return view.Rows.FirstOrDefault(r => r.DecisionId == id)?.DecisionNumber ?? choices?.Decisions.FirstOrDefault(d => d.Id == id)?.Label.Split(' ')[0] ?? string.Empty;
            case PlanField.StartsOn or PlanField.DueOn when DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date):
                return NoressFormat.Date(date);
            case PlanField.Status when Enum.TryParse<PlanItemStatus>(value, out var status):
                return Status(status);
            case PlanField.Progress when decimal.TryParse(value, NumberStyles.Number, inv, out var progress):
                return Percent(progress);
            case PlanField.BudgetPlanned or PlanField.BudgetCommitted or PlanField.BudgetSpent when decimal.TryParse(value, NumberStyles.Number, inv, out var amount):
                return Money(amount);
            case PlanField.Weight when decimal.TryParse(value, NumberStyles.Number, inv, out var weight):
                return weight.ToString("0.##", CultureInfo.CurrentCulture);
            default:
                // Titles, units and other typed text: bidirectional controls dropped wherever a cell is shown (ADR 0012).
                return PeopleText.Plain(value);
        }
    }

    /// <summary>What a cell of <paramref name="row"/> shows: the roll-up on rows with children, else the stored value.</summary>
    public string Cell(PlanRow row, PlanColumn column)
    {
        if (column.ActionsOnly && row.Kind != PlanItemKind.Action)
        {
            return string.Empty;
        }

        if (column.RolledUp && (row.HasChildren || row.Kind != PlanItemKind.Action))
        {
            return column.Field switch
            {
                PlanField.Progress => row.Rollup.Progress is { } p ? Percent(p) : "—",
                PlanField.BudgetPlanned => Money(row.Rollup.BudgetPlanned),
                PlanField.BudgetCommitted => Money(row.Rollup.BudgetCommitted),
                PlanField.BudgetSpent => Money(row.Rollup.BudgetSpent),
                _ => string.Empty,
            };
        }

        return column.Field == PlanField.DecisionId ? row.DecisionNumber ?? string.Empty : Show(column.Field, PlanColumns.Value(row, column.Field));
    }

    public string Institution(Guid id) =>
        view.Institutions.TryGetValue(id, out var i) ? i.Acronym : choices?.Institutions.FirstOrDefault(c => c.Id == id)?.Acronym ?? string.Empty;

    /// <summary>The platform's one percent format (<see cref="NoressFormat.Percent"/>).</summary>
    public static string Percent(decimal value) => NoressFormat.Percent(value);

    public static string Money(decimal dirhams) => NoressFormat.Amount((long)Math.Round(dirhams * 100m, 0, MidpointRounding.AwayFromZero));

    /// <summary>Two or three initials of a person, for a presence badge.</summary>
    public static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "?" : string.Concat(parts.Take(2).Select(p => char.ToUpperInvariant(p[0])));
    }
}
