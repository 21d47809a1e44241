using System.Globalization;
using System.Text.RegularExpressions;

namespace Noress.App.Plans;

/// <summary>A measure's period: a year "2026", a quarter "2026-Q2" or a month "2026-05".</summary>
public readonly record struct PlanPeriod(int Year, int? Quarter, int? Month)
{
    /// <summary>The period's last day: measures are ordered by it, so "2026-Q2" comes after "2026-05".</summary>
    public DateOnly EndsOn => Month is { } m ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m))
        : Quarter is { } q ? new DateOnly(Year, q * 3, DateTime.DaysInMonth(Year, q * 3))
        : new DateOnly(Year, 12, 31);

    public override string ToString() => Month is { } m ? $"{Year:0000}-{m:00}" : Quarter is { } q ? $"{Year:0000}-Q{q}" : $"{Year:0000}";
}

public static partial class PlanPeriods
{
    /// <summary>Reads "2026", "2026-Q2" (or "2026-q2") or "2026-05"; years 2000 to 2100.</summary>
    public static bool TryParse(string? text, out PlanPeriod period)
    {
        period = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        period = match.Groups["quarter"].Success ? new PlanPeriod(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture), null)
            : match.Groups["month"].Success ? new PlanPeriod(year, null, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture))
            : new PlanPeriod(year, null, null);
        return true;
    }

    /// <summary>The canonical key ("2026-q2" becomes "2026-Q2"), or null when it is not a period.</summary>
    public static string? Normalize(string? text) => TryParse(text, out var period) ? period.ToString() : null;

    [GeneratedRegex(@"^(?<year>\d{4})(?:-[Qq](?<quarter>[1-4])|-(?<month>0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();
}
