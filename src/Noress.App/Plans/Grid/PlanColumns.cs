namespace Noress.App.Plans.Grid;

/// <summary>How a cell is edited.</summary>
public enum PlanCellEditor
{
    Text,
    Date,
    Integer,
    Decimal,
    Status,
    Institution,
    Person,
    Committee,
    Decision,
}

/// <summary>A column of the grid: the field it shows and edits (its header is PlansText "Field.{Field}") and its editor.</summary>
/// <param name="Field">The field shown and edited.</param>
/// <param name="Editor">How the cell is edited.</param>
/// <param name="RolledUp">Shows the roll-up on rows with children, where it is not editable.</param>
/// <param name="ActionsOnly">Only actions have this field (axes and objectives show nothing).</param>
public sealed record PlanColumn(PlanField Field, PlanCellEditor Editor, bool RolledUp = false, bool ActionsOnly = false);

/// <summary>The grid's columns, in order; the first one holds the tree (indentation, expand/collapse).</summary>
public static class PlanColumns
{
    public static readonly IReadOnlyList<PlanColumn> All =
    [
        new(PlanField.TitleFr, PlanCellEditor.Text),
        new(PlanField.TitleAr, PlanCellEditor.Text),
        new(PlanField.TitleEn, PlanCellEditor.Text),
        new(PlanField.Status, PlanCellEditor.Status, ActionsOnly: true),
        new(PlanField.Progress, PlanCellEditor.Integer, RolledUp: true),
        new(PlanField.StartsOn, PlanCellEditor.Date, ActionsOnly: true),
        new(PlanField.DueOn, PlanCellEditor.Date, ActionsOnly: true),
        new(PlanField.LeadInstitutionId, PlanCellEditor.Institution, ActionsOnly: true),
        new(PlanField.ResponsibleUserId, PlanCellEditor.Person, ActionsOnly: true),
        new(PlanField.CommitteeId, PlanCellEditor.Committee, ActionsOnly: true),
        new(PlanField.Weight, PlanCellEditor.Decimal),
        new(PlanField.BudgetPlanned, PlanCellEditor.Decimal, RolledUp: true),
        new(PlanField.BudgetCommitted, PlanCellEditor.Decimal, RolledUp: true),
        new(PlanField.BudgetSpent, PlanCellEditor.Decimal, RolledUp: true),
        new(PlanField.OverspendReason, PlanCellEditor.Text, ActionsOnly: true),
        new(PlanField.DecisionId, PlanCellEditor.Decision, ActionsOnly: true),
        new(PlanField.DecisionReference, PlanCellEditor.Text, ActionsOnly: true),
    ];

    /// <summary>Whether the cell of <paramref name="column"/> on <paramref name="row"/> can be edited at all (rights aside).</summary>
    public static bool Editable(PlanColumn column, PlanRow row) =>
        !(column.ActionsOnly && row.Kind != PlanItemKind.Action) && !(column.RolledUp && (row.HasChildren || row.Kind != PlanItemKind.Action));

    /// <summary>The field's value on the row as the editor starts from (the invariant form <see cref="FieldEdit"/> carries).</summary>
    public static string? Value(PlanRow row, PlanField field) => field switch
    {
        PlanField.TitleFr => PlanFields.Format(row.TitleFr),
        PlanField.TitleAr => PlanFields.Format(row.TitleAr),
        PlanField.TitleEn => PlanFields.Format(row.TitleEn),
        PlanField.LeadInstitutionId => PlanFields.Format(row.LeadInstitutionId),
        PlanField.ResponsibleUserId => PlanFields.Format(row.ResponsibleUserId),
        PlanField.CommitteeId => PlanFields.Format(row.CommitteeId),
        PlanField.StartsOn => PlanFields.Format(row.StartsOn),
        PlanField.DueOn => PlanFields.Format(row.DueOn),
        PlanField.Status => PlanFields.Format(row.Status),
        PlanField.Progress => PlanFields.Format(row.Progress),
        PlanField.Weight => PlanFields.Format(row.Weight),
        PlanField.BudgetPlanned => PlanFields.Format(row.BudgetPlanned),
        PlanField.BudgetCommitted => PlanFields.Format(row.BudgetCommitted),
        PlanField.BudgetSpent => PlanFields.Format(row.BudgetSpent),
        PlanField.OverspendReason => PlanFields.Format(row.OverspendReason),
        PlanField.DecisionId => PlanFields.Format(row.DecisionId),
        PlanField.DecisionReference => PlanFields.Format(row.DecisionReference),
        _ => null,
    };
}
