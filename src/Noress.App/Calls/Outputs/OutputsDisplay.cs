using System.Globalization;
using Noress.App.Shared.Localization;

namespace Noress.App.Calls.Outputs;

/// <summary>How the outputs write amounts and titles in a given language.</summary>
public static class OutputsDisplay
{
    /// <summary>Dirhams in the culture's money format (through <see cref="NoressFormat"/>).</summary>
    public static string Money(decimal dirhams, CultureInfo? culture = null) =>
        NoressFormat.Amount((long)Math.Round(dirhams * 100m, 0, MidpointRounding.AwayFromZero), culture);

    /// <summary>The call's title in the language (English when given, else French), Arabic for ar.</summary>
    public static string CallTitle(Call call, string culture) => culture switch
    {
        "ar" => call.TitleAr,
        "en" when !string.IsNullOrWhiteSpace(call.TitleEn) => call.TitleEn,
        _ => call.TitleFr,
    };

    /// <summary>The call's title in the reader's language.</summary>
    public static string CallTitle(Call call) => CallTitle(call, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>A statistic with two decimals in the reader's culture; empty when there is none.</summary>
    public static string Stat(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : string.Empty;
}
