using System.Globalization;

namespace Noress.App.Shared.Localization;

/// <summary>
/// Names kept in French and in Arabic (institutions, people, committees): the reader's language comes first,
/// so the Arabic interface leads with the Arabic name where there is one.
/// </summary>
public static class BilingualText
{
    /// <summary>The names to show, the one in the reader's language first; blank variants are left out.</summary>
    public static IReadOnlyList<BilingualPart> Order(string? french, string? arabic, CultureInfo? culture = null)
    {
        var latin = string.IsNullOrWhiteSpace(french) ? null : new BilingualPart(french, Arabic: false);
        var arabicPart = string.IsNullOrWhiteSpace(arabic) ? null : new BilingualPart(arabic, Arabic: true);
        var parts = IsArabic(culture) ? new[] { arabicPart, latin } : [latin, arabicPart];
        return [.. parts.OfType<BilingualPart>()];
    }

    /// <summary>The one name to show where there is room for one: the reader's language, else the other.</summary>
    public static string Preferred(string? french, string? arabic, CultureInfo? culture = null) =>
        Order(french, arabic, culture).FirstOrDefault()?.Text ?? string.Empty;

    private static bool IsArabic(CultureInfo? culture) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "ar";
}

/// <summary>One variant of a bilingual name; <paramref name="Arabic"/> sets its lang and direction.</summary>
public sealed record BilingualPart(string Text, bool Arabic)
{
    public string Lang => Arabic ? "ar" : "fr";

    public string Dir => Arabic ? "rtl" : "ltr";
}
