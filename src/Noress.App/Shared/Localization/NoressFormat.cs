using System.Collections.Concurrent;
using System.Globalization;
using Noress.App.Shared.Time;

namespace Noress.App.Shared.Localization;

/// <summary>
/// The one place where dates, times, numbers and amounts become text (ADR 0006). Times are stored in UTC and
/// shown in Africa/Casablanca; amounts are stored in centimes and shown in dirhams.
/// Every method formats for the current culture unless one is given.
/// </summary>
public static class NoressFormat
{
    public const string CurrencyCode = "MAD";

    public const string ArabicCurrencySymbol = "د.م.\u200F";

    // The standard 'd' pattern differs per culture (ar-MA's is d/M/yyyy with right-to-left marks); the network
    // reads dd/MM/yyyy in all three languages. The slashes are quoted: ar-MA's date separator carries a mark too.
    private const string DatePattern = "dd'/'MM'/'yyyy";
    private const string TimePattern = "HH':'mm";
    private const string LongDatePattern = "d MMMM yyyy";
    private const string MonthYearPattern = "MMMM yyyy";

    private static readonly ConcurrentDictionary<string, NumberFormatInfo> MoneyFormats = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, NumberFormatInfo> ParseFormats = new(StringComparer.Ordinal);

    /// <summary>05/03/2026 for a UTC instant, in Casablanca's calendar day.</summary>
    public static string Date(DateTime utc, CultureInfo? culture = null) =>
        NoressClock.ToLocal(utc).ToString(DatePattern, Resolve(culture));

    /// <summary>05/03/2026 for a calendar date that has no time zone (a deadline, a birth date).</summary>
    public static string Date(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(DatePattern, Resolve(culture));

    /// <summary>An optional calendar date: empty when there is none.</summary>
    public static string Date(DateOnly? date, CultureInfo? culture = null) =>
        date is { } value ? Date(value, culture) : string.Empty;

    /// <summary>5 mars 2026 / 5 مارس 2026 / 5 March 2026.</summary>
    public static string LongDate(DateTime utc, CultureInfo? culture = null) =>
        NoressClock.ToLocal(utc).ToString(LongDatePattern, Resolve(culture));

    /// <summary>5 mars 2026 for a calendar date that has no time zone.</summary>
    public static string LongDate(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(LongDatePattern, Resolve(culture));

    /// <summary>5 mars 2026 14:07, Casablanca time: for mails, where a bare 05/03 could be read either way.</summary>
    public static string LongDateTime(DateTime utc, CultureInfo? culture = null) =>
        NoressClock.ToLocal(utc).ToString(LongDatePattern + " " + TimePattern, Resolve(culture));

    /// <summary>mars 2026 / مارس 2026 / March 2026: a calendar's month heading.</summary>
    public static string MonthYear(DateOnly month, CultureInfo? culture = null) =>
        month.ToString(MonthYearPattern, Resolve(culture));

    /// <summary>14:07, Casablanca time.</summary>
    public static string Time(DateTime utc, CultureInfo? culture = null) =>
        NoressClock.ToLocal(utc).ToString(TimePattern, Resolve(culture));

    /// <summary>05/03/2026 14:07, Casablanca time.</summary>
    public static string DateTime(DateTime utc, CultureInfo? culture = null) =>
        NoressClock.ToLocal(utc).ToString(DatePattern + " " + TimePattern, Resolve(culture));

    /// <summary>A count with the culture's grouping: 1.234 in French and Arabic, 1,234 in English.</summary>
    public static string Number(long value, CultureInfo? culture = null) =>
        value.ToString("N0", Resolve(culture));

    /// <summary>
    /// A percentage, rounded to a whole number, in the culture's pattern with a no-break space where the culture puts a
    /// space: "45 %" (fr, ar), "45%" (en); "—" when there is none. The one percent format of the platform.
    /// </summary>
    public static string Percent(decimal? percent, CultureInfo? culture = null)
    {
        if (percent is not { } value)
        {
            return "—";
        }

        var format = Resolve(culture).NumberFormat;
        var number = decimal.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", format);
        return format.PercentPositivePattern switch
        {
            1 => number + format.PercentSymbol,
            2 => format.PercentSymbol + number,
            3 => format.PercentSymbol + "\u00A0" + number,
            _ => number + "\u00A0" + format.PercentSymbol,
        };
    }

    /// <summary>
    /// Dirhams from centimes: "40.000,00 MAD" (fr), "40.000,00 د.م.‏" (ar), "MAD 40,000.00" (en).
    /// </summary>
    public static string Amount(long centimes, CultureInfo? culture = null) =>
        (centimes / 100m).ToString("C2", MoneyFormat(Resolve(culture)));

    /// <summary>Reads an amount typed or shown in the culture (symbol optional) back into centimes.</summary>
    public static bool TryParseAmount(string? text, CultureInfo? culture, out long centimes)
    {
        centimes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var format = ParseFormat(Resolve(culture));
        // People group thousands with spaces whatever the culture says; bidi marks are invisible.
        var withoutSymbol = text.Replace(format.CurrencySymbol, string.Empty, StringComparison.Ordinal)
            .Replace(CurrencyCode, string.Empty, StringComparison.Ordinal);
        var bare = new string([.. withoutSymbol.Where(c => !char.IsWhiteSpace(c) && c is not ('\u200E' or '\u200F'))]);
        if (!decimal.TryParse(bare, NumberStyles.Number, format, out var dirhams))
        {
            return false;
        }

        var scaled = dirhams * 100m;
        if (scaled != decimal.Truncate(scaled) || scaled < long.MinValue || scaled > long.MaxValue)
        {
            return false;
        }

        centimes = (long)scaled;
        return true;
    }

    /// <summary>The culture's own number format with the dirham as currency (en-GB would otherwise print £).</summary>
    internal static NumberFormatInfo MoneyFormat(CultureInfo culture) =>
        MoneyFormats.GetOrAdd(culture.Name, _ =>
        {
            var format = (NumberFormatInfo)culture.NumberFormat.Clone();
            format.CurrencyDecimalDigits = 2;
            if (culture.Name.StartsWith("ar", StringComparison.Ordinal))
            {
                // The Arabic abbreviation, closed by a right-to-left mark as CLDR writes it for ar-MA.
                format.CurrencySymbol = ArabicCurrencySymbol;
            }
            else
            {
                // Latin-script cultures write the ISO code: trailing in French, leading in English.
                format.CurrencySymbol = CurrencyCode;
                var english = culture.Name.StartsWith("en", StringComparison.Ordinal);
                format.CurrencyPositivePattern = english ? 2 : 3; // "MAD n" : "n MAD"
                format.CurrencyNegativePattern = english ? 9 : 8; // "-MAD n" : "-n MAD"
            }

            return NumberFormatInfo.ReadOnly(format);
        });

    // Bidi marks are stripped before parsing, so the minus sign must be the bare hyphen (ar-MA writes U+200E '-').
    private static NumberFormatInfo ParseFormat(CultureInfo culture) =>
        ParseFormats.GetOrAdd(culture.Name, _ =>
        {
            var format = (NumberFormatInfo)MoneyFormat(culture).Clone();
            format.NegativeSign = "-";
            format.PositiveSign = "+";
            return NumberFormatInfo.ReadOnly(format);
        });

    private static CultureInfo Resolve(CultureInfo? culture) => culture ?? CultureInfo.CurrentCulture;
}
