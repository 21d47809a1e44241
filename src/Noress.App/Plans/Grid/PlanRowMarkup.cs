using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans.Grid;

/// <summary>
/// The cells of a row that has neither the focus nor an editor, as one markup string: the same elements and attributes
/// as <see cref="PlanGridRow"/>'s cells, in one render-tree frame instead of about a hundred (ADR 0055). The string is
/// kept with the row's record, which the node's snapshot shares with every page of the plan (ADR 0034): the pages of a
/// node that show the same row in the same language point at one string.
/// </summary>
public static class PlanRowMarkup
{
    private static readonly ConditionalWeakTable<PlanRow, Entries> Cache = new();

    /// <summary>The row's cells as markup (shared when nobody else edits the row, built for this page when someone does).</summary>
    public static MarkupString Cells(PlanGridRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var grid = row.Grid;
        if (row.Presence is { Count: > 0 } || grid.View is not { } view)
        {
            // Presence is this page's own (it leaves out the reader): not shared.
            return new MarkupString(Build(row));
        }

        // Everything the cells' text and attributes depend on besides the record: the languages, the reader's right to
        // edit, the row's expansion, and the name tables of the snapshot the page holds (rebuilt when names change).
        var key = new Key(CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, grid.CanEdit, row.Expanded, row.FocusColumn,
            view.Institutions, view.People, view.Committees, grid.Choices);
        var entries = Cache.GetValue(row.Row, _ => new Entries());
        // Read without a lock (the array is replaced, never changed); a missing string is built once, by the first page
        // that asks, while the node's other pages wait for it rather than build it too (ADR 0057).
        var found = Find(entries.Items, key);
        if (found is null)
        {
            lock (entries)
            {
                found = Find(entries.Items, key);
                if (found is null)
                {
                    found = new Lazy<MarkupString>(() => new MarkupString(Build(row)), LazyThreadSafetyMode.ExecutionAndPublication);
                    // Entries for older name tables give way: a row's record lives as long as it is unchanged, names may change under it.
                    entries.Items = [.. entries.Items.Where(e => !e.Key.SameLanguagesAndRights(key)), (key, found)];
                }
            }
        }

        return found.Value;
    }

    private static Lazy<MarkupString>? Find((Key Key, Lazy<MarkupString> Markup)[] items, Key key)
    {
        foreach (var (k, markup) in items)
        {
            if (k.Equals(key))
            {
                return markup;
            }
        }

        return null;
    }

    private static string Build(PlanGridRow row)
    {
        var grid = row.Grid;
        var r = row.Row;
        var html = new StringBuilder(1024);
        for (var c = 0; c < PlanColumns.All.Count; c++)
        {
            var column = PlanColumns.All[c];
            // The grid's one tab stop, while the page is untouched, is in this markup too (ADR 0057).
            html.Append(row.FocusColumn == c ? "<td role=\"gridcell\" tabindex=\"0\"" : "<td role=\"gridcell\" tabindex=\"-1\"");
            if (row.ReadOnlyText(column) is { } readOnly)
            {
                html.Append(" aria-readonly=\"").Append(readOnly).Append('"');
            }

            html.Append(" data-field=\"").Append(column.Field.ToString()).Append('"');
            if (column.Field == PlanField.TitleAr)
            {
                html.Append(" lang=\"ar\" dir=\"rtl\"");
            }

            if (row.CellClass(c) is { } css)
            {
                html.Append(" class=\"").Append(css).Append('"');
            }

            html.Append('>');
            if (c == 0)
            {
                TreeCell(html, row);
            }
            else
            {
                PlanMarkup.Encode(html, grid.Cells.Cell(r, column));
            }

            html.Append("</td>");
        }

        return html.ToString();
    }

    // As PlanGridRow.razor renders the first cell: indentation, toggle, kind, title, late badge, presence, details button.
    private static void TreeCell(StringBuilder html, PlanGridRow row)
    {
        var grid = row.Grid;
        var r = row.Row;
        html.Append("<span class=\"plan-tree\" style=\"").Append(row.Indent).Append("\">");
        if (r.HasChildren)
        {
            html.Append("<button type=\"button\" class=\"plan-toggle\" tabindex=\"-1\" data-testid=\"plan-toggle\" data-plan-action=\"toggle\" aria-label=\"");
            PlanMarkup.Encode(html, row.Expanded ? grid.Text["Grid.Collapse"] : grid.Text["Grid.Expand"]);
            html.Append("\">").Append((row.Expanded ? PlanGridRow.ExpandedIcon : PlanGridRow.CollapsedIcon).Value).Append("</button>");
        }
        else
        {
            html.Append("<span class=\"plan-toggle-space\"></span>");
        }

        html.Append("<span class=\"plan-kind\">");
        PlanMarkup.Encode(html, grid.Cells.Kind(r.Kind));
        html.Append("</span><span class=\"plan-title\">");
        PlanMarkup.Encode(html, PeopleText.Plain(r.TitleFr));
        html.Append("</span>");
        if (r.Late)
        {
            html.Append("<span class=\"plan-late-badge\" data-testid=\"plan-late\">").Append(PlanGridRow.LateIcon.Value);
            PlanMarkup.Encode(html, grid.Text["Grid.Late"]);
            html.Append("</span>");
        }
        else if (r.LateBelow > 0)
        {
            html.Append("<span class=\"plan-late-badge\" data-testid=\"plan-late-below\">").Append(PlanGridRow.LateIcon.Value);
            PlanMarkup.Encode(html, grid.Text["Grid.LateBelow", r.LateBelow]);
            html.Append("</span>");
        }

        foreach (var person in row.Presence ?? [])
        {
            var label = grid.Text["Presence.Editing", person.Name].Value;
            html.Append("<span class=\"plan-presence\" style=\"background:");
            PlanMarkup.Encode(html, person.Color);
            html.Append("\" role=\"img\" data-testid=\"plan-presence\" aria-label=\"");
            PlanMarkup.Encode(html, label);
            html.Append("\" title=\"");
            PlanMarkup.Encode(html, label);
            html.Append("\">");
            PlanMarkup.Encode(html, PlanCellText.Initials(person.Name));
            html.Append("</span>");
        }

        html.Append("<button type=\"button\" class=\"plan-details-button\" tabindex=\"-1\" data-testid=\"plan-details\" data-plan-action=\"details\" aria-label=\"");
        PlanMarkup.Encode(html, grid.Text["Grid.Details", r.TitleFr]);
        html.Append("\">").Append(PlanGridRow.DetailsIcon.Value).Append("</button></span>");
    }

    private sealed class Entries
    {
        private volatile (Key Key, Lazy<MarkupString> Markup)[] items = [];

        public (Key Key, Lazy<MarkupString> Markup)[] Items
        {
            get => items;
            set => items = value;
        }
    }

    private readonly record struct Key(string UiCulture, string Culture, bool CanEdit, bool Expanded, int FocusColumn, object Institutions, object People, object Committees, object? Choices)
    {
        public bool Equals(Key other) =>
            SameLanguagesAndRights(other) && ReferenceEquals(Institutions, other.Institutions) && ReferenceEquals(People, other.People)
            && ReferenceEquals(Committees, other.Committees) && ReferenceEquals(Choices, other.Choices);

        public bool SameLanguagesAndRights(Key other) =>
            UiCulture == other.UiCulture && Culture == other.Culture && CanEdit == other.CanEdit && Expanded == other.Expanded && FocusColumn == other.FocusColumn;

        public override int GetHashCode() => HashCode.Combine(UiCulture, Culture, CanEdit, Expanded, FocusColumn);
    }
}
