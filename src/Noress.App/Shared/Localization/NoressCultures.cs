using System.Globalization;

namespace Noress.App.Shared.Localization;

/// <summary>The platform's three working languages; French is the default.</summary>
public static class NoressCultures
{
    public const string French = "fr-MA";
    public const string Arabic = "ar-MA";
    public const string English = "en-GB";

    public const string Default = French;

    public static readonly IReadOnlyList<string> Supported = [French, Arabic, English];

    /// <summary>Maps a stored preference ("fr", "ar-MA", "en") to one of the supported cultures.</summary>
    public static string Normalize(string? name) => Match(name) ?? Default;

    /// <summary>
    /// The supported culture of the same language as <paramref name="name"/> ("ar", "ar-EG", "en-US", "fr-CA"),
    /// or null for a language the platform does not speak: any regional variant falls back to its language.
    /// </summary>
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var language = name.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language.Length == 0 ? null : Supported.FirstOrDefault(c => c.StartsWith(language + "-", StringComparison.Ordinal));
    }

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    public static string LanguageCode(CultureInfo culture) => culture.TwoLetterISOLanguageName;
}
