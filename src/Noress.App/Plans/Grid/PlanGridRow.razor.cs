using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Noress.App.Plans.Grid;

/// <summary>A row of <see cref="PlanGridPage"/>: shows the row's cells, edits one of them, and re-renders only when its inputs changed.</summary>
public partial class PlanGridRow : IDisposable
{
    private string? draft;
    private PlanField? draftFor;
    private (PlanRow? Row, int Index, bool Plain, bool CanEdit, string? Draft, PlanRowState? State, string? Presence) rendered;

    [Parameter, EditorRequired]
    public PlanRow Row { get; set; } = default!;

    /// <summary>The row's index among the shown rows (what the keyboard moves along).</summary>
    [Parameter]
    public int Index { get; set; }

    [Parameter, EditorRequired]
    public PlanGridPage Grid { get; set; } = default!;

    /// <summary>What is particular about this row on this page (focus, editor, selection, collapse, presence); null: nothing.</summary>
    /// <remarks>One parameter rather than six: each parameter is a frame of the page's render tree per row (ADR 0055).</remarks>
    [Parameter]
    public PlanRowState? State { get; set; }

    /// <summary>The column holding the focus on this row, -1 when the focus is on another row.</summary>
    public int FocusColumn => State?.FocusColumn ?? -1;

    /// <summary>The field being edited on this row, if any.</summary>
    public PlanField? Editing => State?.Editing;

    public string? Error => State?.Error;

    public bool Expanded => State?.Collapsed != true;

    public bool Selected => State?.Selected == true;

    /// <summary>The people editing this row (others than the reader).</summary>
    public IReadOnlyList<PlanPresenceEntry>? Presence => State?.Presence;

    /// <summary>
    /// Neither edited nor holding the focus of a page someone works in: the row renders as its shared markup
    /// (PlanRowMarkup). Before the first key or click, the first row's tab stop is in the markup too: every idle page
    /// of the node then shares that row's string instead of rendering its cells one by one on each live change (ADR 0057).
    /// </summary>
    internal bool Plain => Editing is null && (FocusColumn < 0 || !Grid.Engaged);

    /// <summary>What the editor holds now (what Enter saves).</summary>
    public string? Draft => draft;

    // One string per depth, late and selected for the whole node, not one per row and page.
    private static readonly string[] RowClasses = [.. Enumerable.Range(0, 16).Select(i =>
        "plan-row plan-depth-" + (i >> 2) + ((i & 2) != 0 ? " plan-row-late" : string.Empty) + ((i & 1) != 0 ? " plan-row-selected" : string.Empty))];

    private string RowClass => RowClasses[(Math.Min(Row.Depth, 3) << 2) | (Row.Late ? 2 : 0) | (Selected ? 1 : 0)];

    private string? ExpandedText => Row.HasChildren ? (Expanded ? "true" : "false") : null;

    protected override void OnInitialized() => Grid.Attach(this);

    public void Dispose() => Grid.Detach(this);

    /// <summary>The row's new record, from a live change the grid applies in place (ADR 0057); renders only if it differs.</summary>
    internal void Refresh(PlanRow row)
    {
        if (!ReferenceEquals(Row, row))
        {
            Row = row;
            StateHasChanged();
        }
    }

    protected override void OnParametersSet()
    {
        if (Editing != draftFor)
        {
            // An editor opens on the row's value; a live update of the row while it is open does not touch the draft.
            draftFor = Editing;
            draft = Editing is { } field ? PlanColumns.Value(Row, field) : null;
            if (Editing is not null)
            {
                Grid.Draft = draft;
            }
        }
    }

    // The row renders again only when one of its inputs changed: the row's record (replaced only when a change named
    // it, PlanGridPage.Merge), its place, the focus, the editor, the presence, or the draft typed into it.
    protected override bool ShouldRender()
    {
        // Kept in a field, not boxed: every row of every page is asked on each live change (ADR 0057).
        var key = (Row, Index, Plain, Grid.CanEdit, draft, State is null ? null : State with { Presence = null },
            Presence is null ? null : string.Join(',', Presence.Select(p => p.Session + p.Name)));
        if (key == rendered)
        {
            return false;
        }

        rendered = key;
        return true;
    }

    // Icons as shared markup (one frame each) rather than MudIcon components (a component and its two render trees per icon and row).
    internal static readonly MarkupString ExpandedIcon = Svg(Icons.Material.Filled.ExpandMore, "plan-chevron");
    internal static readonly MarkupString CollapsedIcon = Svg(Icons.Material.Filled.ChevronRight, "plan-chevron");
    internal static readonly MarkupString LateIcon = Svg(Icons.Material.Filled.Schedule, null);
    internal static readonly MarkupString DetailsIcon = Svg(Icons.Material.Filled.OpenInNew, null);
    private static readonly string[] Indents = [.. Enumerable.Range(0, 8).Select(d => string.Create(CultureInfo.InvariantCulture, $"padding-inline-start:{d * 1.25m}rem"))];

    internal string Indent => Row.Depth < Indents.Length ? Indents[Row.Depth] : string.Create(CultureInfo.InvariantCulture, $"padding-inline-start:{Row.Depth * 1.25m}rem");

    private static MarkupString Svg(string paths, string? css) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small{(css is null ? string.Empty : " " + css)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{paths}</svg>");

    // Null (no attribute) in the common case: a reader's grid says aria-readonly once on the table.
    internal string? ReadOnlyText(PlanColumn column) => Grid.CanEdit && !Grid.Editable(column, Row) ? "true" : null;

    internal string? CellClass(int column) => (FocusColumn == column, PlanColumns.All[column].RolledUp && Row.HasChildren) switch
    {
        (true, true) => "plan-cell-focus plan-cell-rollup",
        (true, false) => "plan-cell-focus",
        (false, true) => "plan-cell-rollup",
        _ => null,
    };

    private void SetDraft(ChangeEventArgs e)
    {
        draft = e.Value?.ToString();
        Grid.Draft = draft;
    }

    private RenderFragment Editor(PlanColumn column) => builder => BuildEditor(builder, column);

    private void BuildEditor(RenderTreeBuilder b, PlanColumn column)
    {
        var label = Grid.Cells.FieldName(column.Field);
        switch (column.Editor)
        {
            case PlanCellEditor.Status:
                Select(b, label, Enum.GetValues<PlanItemStatus>().Select(s => (s.ToString(), Grid.Cells.Status(s))), required: true);
                break;
            case PlanCellEditor.Institution:
                Select(b, label, (Grid.Choices?.Institutions ?? []).Select(i => (i.Id.ToString(), i.Acronym)), required: false);
                break;
            case PlanCellEditor.Person:
                Select(b, label, (Grid.Choices?.People ?? []).Select(p => (p.Id.ToString(), p.Label)), required: false);
                break;
            case PlanCellEditor.Committee:
                Select(b, label, (Grid.Choices?.Committees ?? []).Select(c => (c.Id.ToString(), c.Code)), required: false);
                break;
            case PlanCellEditor.Decision:
                Select(b, label, (Grid.Choices?.Decisions ?? []).Select(d => (d.Id.ToString(), d.Label)), required: false);
                break;
            default:
                b.OpenElement(0, "input");
                b.AddAttribute(1, "type", column.Editor switch
                {
                    PlanCellEditor.Date => "date",
                    PlanCellEditor.Integer or PlanCellEditor.Decimal => "number",
                    _ => "text",
                });
                if (column.Editor == PlanCellEditor.Decimal)
                {
                    b.AddAttribute(2, "step", "any");
                }

                b.AddAttribute(3, "class", "plan-editor");
                b.AddAttribute(4, "aria-label", label);
                b.AddAttribute(5, "data-testid", "plan-editor");
                b.AddAttribute(6, "value", draft);
                b.AddAttribute(7, "oninput", EventCallback.Factory.Create<ChangeEventArgs>(this, SetDraft));
                b.AddAttribute(8, "aria-invalid", Error is null ? "false" : "true");
                b.AddElementReferenceCapture(9, r => Grid.EditorElement = r);
                b.CloseElement();
                break;
        }
    }

    private void Select(RenderTreeBuilder b, string label, IEnumerable<(string Value, string Text)> options, bool required)
    {
        b.OpenElement(20, "select");
        b.AddAttribute(21, "class", "plan-editor");
        b.AddAttribute(22, "aria-label", label);
        b.AddAttribute(23, "data-testid", "plan-editor");
        b.AddAttribute(24, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(this, SetDraft));
        b.AddAttribute(25, "aria-invalid", Error is null ? "false" : "true");
        b.AddElementReferenceCapture(26, r => Grid.EditorElement = r);
        if (!required)
        {
            b.OpenElement(27, "option");
            b.AddAttribute(28, "value", string.Empty);
            b.AddAttribute(29, "selected", string.IsNullOrEmpty(draft));
            b.AddContent(30, Grid.Text["Edit.None"]);
            b.CloseElement();
        }

        foreach (var (value, text) in options)
        {
            b.OpenElement(31, "option");
            b.SetKey(value);
            b.AddAttribute(32, "value", value);
            b.AddAttribute(33, "selected", string.Equals(value, draft, StringComparison.OrdinalIgnoreCase));
            b.AddContent(34, text);
            b.CloseElement();
        }

        b.CloseElement();
    }
}

/// <summary>What is particular about a row on one page; the grid passes null for a row with nothing particular.</summary>
/// <param name="FocusColumn">The focused column on this row, -1 when the focus is elsewhere.</param>
/// <param name="Editing">The field whose editor is open.</param>
/// <param name="Error">The open editor's refusal.</param>
/// <param name="Selected">The row's details are open.</param>
/// <param name="Collapsed">The row's children are hidden.</param>
/// <param name="Presence">The other people editing the row.</param>
public sealed record PlanRowState(int FocusColumn, PlanField? Editing, string? Error, bool Selected, bool Collapsed, IReadOnlyList<PlanPresenceEntry>? Presence);
