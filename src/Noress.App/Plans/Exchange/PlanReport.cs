using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Noress.App.Plans.Grid;
using Noress.App.Plans.Views;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Pdf;

namespace Noress.App.Plans.Exchange;

/// <summary>
/// A plan's printable report: the totals, the dashboard's four charts drawn as inline SVG on the server (no script:
/// the PDF page runs none) and the plan's rows, in the reader's language and direction. Printed by
/// <see cref="PdfRenderer"/> like documents and minutes.
/// </summary>
public static class PlanReport
{
    private const int BarWidth = 260;
    private const int BarHeight = 14;

    /// <summary>The report's complete page for <paramref name="target"/> (the PDF, or the browser's print page).</summary>
    public static string Page(PlanView view, IStringLocalizer<PlanExchangeText> t, IStringLocalizer<PlanViewsText> names, CultureInfo culture, PrintTarget target)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(culture);
        var rtl = culture.TextInfo.IsRightToLeft;
        var dashboard = PlanDashboard.From(view, PlanFilter.None);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""<style>{Style}</style>""");
        var late = view.Rows.Count(r => r.Kind == PlanItemKind.Action && r.Late);
        body.Append(CultureInfo.InvariantCulture, $"""<p class="totals" dir="auto">{E(t["Report.Totals", Percent(view.Totals.Progress), PlanCellText.Money(view.Totals.BudgetSpent), PlanCellText.Money(view.Totals.BudgetPlanned), late].Value)}</p>""");

        // Progress by axis.
        Section(body, t["Report.ByAxis"].Value, dashboard.Axes.Count == 0 ? null : Bars(
            dashboard.Axes.Select(a => (PlanNames.Title(a.Axis, culture), (double)(a.Rollup.Progress ?? 0m) / 100d, Percent(a.Rollup.Progress))), rtl, "#1565c0"));

        // Budget: committed and spent against planned, per axis.
        var budget = new StringBuilder();
        budget.Append(CultureInfo.InvariantCulture, $"""<table class="chart"><thead><tr><th></th><th>{E(t["Report.Planned"].Value)}</th><th>{E(t["Report.Committed"].Value)}</th><th>{E(t["Report.Spent"].Value)}</th><th></th></tr></thead><tbody>""");
        foreach (var axis in dashboard.Axes.Append(new DashboardAxis(null!, view.Totals)))
        {
            var label = axis.Axis is null ? t["Report.Budget"].Value : PlanNames.Title(axis.Axis, culture);
            var r = axis.Rollup;
            var max = Math.Max(r.BudgetPlanned, Math.Max(r.BudgetCommitted, r.BudgetSpent));
            double Share(decimal v) => max == 0 ? 0 : (double)(v / max);
            budget.Append(CultureInfo.InvariantCulture, $"""<tr><th scope="row" dir="auto">{E(label)}</th><td>{PlanCellText.Money(r.BudgetPlanned)}</td><td>{PlanCellText.Money(r.BudgetCommitted)}</td><td>{PlanCellText.Money(r.BudgetSpent)}</td><td>""");
            budget.Append(Svg([(Share(r.BudgetPlanned), "#90a4ae"), (Share(r.BudgetCommitted), "#ffb300"), (Share(r.BudgetSpent), "#e53935")], rtl, E(label)));
            budget.Append("</td></tr>");
        }

        budget.Append("</tbody></table>");
        Section(body, t["Report.Budget"].Value, budget.ToString());

        // Overdue actions.
        var overdue = new StringBuilder();
        if (dashboard.Overdue.Count == 0)
        {
            overdue.Append(CultureInfo.InvariantCulture, $"""<p>{E(t["Report.NoOverdue"].Value)}</p>""");
        }
        else
        {
            var oldest = dashboard.Overdue.Max(r => view.Today.DayNumber - r.DueOn!.Value.DayNumber);
            overdue.Append(Bars(dashboard.Overdue.Select(r =>
            {
                var days = view.Today.DayNumber - r.DueOn!.Value.DayNumber;
                return ($"{PlanNames.Title(r, culture)} ({NoressFormat.Date(r.DueOn, culture)})", oldest == 0 ? 0d : (double)days / oldest, days.ToString(culture));
            }), rtl, "#e53935"));
        }

        Section(body, t["Report.Overdue"].Value, overdue.ToString());

        // Indicators against their targets.
        Section(body, t["Report.Indicators"].Value, dashboard.Indicators.Count == 0 ? null : Bars(dashboard.Indicators.Select(i =>
        {
            var name = PlanNames.Title(i.Indicator.NameFr, i.Indicator.NameAr, i.Indicator.NameEn, culture);
            var actual = i.Actual is { } a ? $"{Number(a, culture)} / {Number(i.Indicator.Target, culture)} {i.Indicator.Unit}" : $"— / {Number(i.Indicator.Target, culture)} {i.Indicator.Unit}";
            return ($"{name} — {actual}", (double)Math.Clamp(i.PercentOfTarget ?? 0m, 0m, 100m) / 100d, Percent(i.PercentOfTarget));
        }), rtl, "#2e7d32"), t["Report.NoIndicators"].Value);

        // The rows.
        var rows = new StringBuilder();
        var keys = PlanSheetLayout.Keys(view.Rows);
        rows.Append(CultureInfo.InvariantCulture, $"""<table class="rows"><thead><tr><th>{E(t["Column.Key"].Value)}</th><th>{E(t["Preview.Title"].Value)}</th><th>{E(t["Column.Lead"].Value)}</th><th>{E(t["Column.DueOn"].Value)}</th><th>{E(t["Column.Status"].Value)}</th><th>{E(t["Column.Progress"].Value)}</th><th>{E(t["Report.Planned"].Value)}</th><th>{E(t["Report.Spent"].Value)}</th></tr></thead><tbody>""");
        foreach (var row in view.Rows)
        {
            var lead = row.LeadInstitutionId is { } l && view.Institutions.TryGetValue(l, out var institution) ? institution.Acronym : string.Empty;
            var status = row.Late ? names["Status.Late"].Value : names[PlanNames.StatusKey(row.Status)].Value;
            rows.Append(CultureInfo.InvariantCulture, $"""<tr class="depth{Math.Min(row.Depth, 3)}"><td dir="ltr">{E(keys[row.Id])}</td><td dir="auto">{E(PlanNames.Title(row, culture))}</td><td dir="auto">{E(lead)}</td><td>{E(NoressFormat.Date(row.DueOn, culture))}</td><td>{E(status)}</td><td>{Percent(row.Rollup.Progress)}</td><td>{PlanCellText.Money(row.Rollup.BudgetPlanned)}</td><td>{PlanCellText.Money(row.Rollup.BudgetSpent)}</td></tr>""");
        }

        rows.Append("</tbody></table>");
        Section(body, t["Report.Items"].Value, rows.ToString());
        return PrintableHtml.FromHtml(PlanNames.Title(view.Plan, culture), t["Report.Subtitle", NoressFormat.Date(view.Today, culture)].Value, body.ToString(), culture, target);
    }

    private const string Style = """
        body { max-width: none; }
        section { break-inside: avoid; margin-bottom: 1.2rem; }
        table.chart, table.rows { width: 100%; font-size: 0.85em; }
        table.chart th[scope=row] { text-align: start; font-weight: normal; width: 45%; }
        table.rows td, table.rows th { text-align: start; }
        td, th { vertical-align: top; }
        tr.depth0 td { font-weight: bold; }
        svg { display: block; }
        """;

    private static void Section(StringBuilder body, string title, string? content, string? empty = null)
    {
        body.Append(CultureInfo.InvariantCulture, $"""<section><h2 dir="auto">{E(title)}</h2>{content ?? $"<p>{E(empty ?? string.Empty)}</p>"}</section>""");
    }

    /// <summary>A bar chart as a table: the label, an inline SVG bar (growing from the reading side) and the value.</summary>
    private static string Bars(IEnumerable<(string Label, double Share, string Value)> bars, bool rtl, string color)
    {
        var html = new StringBuilder("""<table class="chart"><tbody>""");
        foreach (var (label, share, value) in bars)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr><th scope="row" dir="auto">{E(label)}</th><td>{Svg([(share, color)], rtl, E(label))}</td><td dir="auto">{E(value)}</td></tr>""");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>One or more stacked-in-height bars on a grey track, each a share (0 to 1) of the width.</summary>
    private static string Svg(IReadOnlyList<(double Share, string Color)> bars, bool rtl, string label)
    {
        var height = BarHeight * bars.Count;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{BarWidth}" height="{height}" viewBox="0 0 {BarWidth} {height}" role="img" aria-label="{label}"><rect x="0" y="0" width="{BarWidth}" height="{height}" fill="#eceff1"/>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var width = Math.Round(Math.Clamp(bars[i].Share, 0d, 1d) * BarWidth, 1);
            var x = rtl ? BarWidth - width : 0;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{i * BarHeight + 2}" width="{width}" height="{BarHeight - 4}" fill="{bars[i].Color}"/>""");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Percent(decimal? value) => value is { } v ? PlanCellText.Percent(v) : "—";

    private static string Number(decimal value, CultureInfo culture) => (value / 1.000000000000000000000000000000000m).ToString("#,##0.##", culture);

    private static string E(string text) => PrintableHtml.Encode(text);
}
