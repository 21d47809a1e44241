using System.Globalization;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans.Views;

/// <summary>Percentages and dirham amounts of the plan views, in the reader's culture.</summary>
public static class PlanNumbers
{
    /// <summary>The platform's one percent format (<see cref="NoressFormat.Percent"/>).</summary>
    public static string Percent(decimal? percent, CultureInfo? culture = null) => NoressFormat.Percent(percent, culture);

    /// <summary>A plan's amount (dirhams, as stored on items) through NoressFormat.Amount.</summary>
    public static string Money(decimal dirhams, CultureInfo? culture = null) =>
        NoressFormat.Amount((long)decimal.Round(dirhams * 100m, MidpointRounding.AwayFromZero), culture);

    /// <summary>An indicator's value with the culture's grouping and at most two decimals.</summary>
    public static string Value(decimal value, CultureInfo? culture = null) =>
        value.ToString("#,0.##", culture ?? CultureInfo.CurrentCulture);
}
