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
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        var language = name.Split('-')[0].ToLowerInvariant();
        return Supported.FirstOrDefault(c => c.StartsWith(language + "-", StringComparison.Ordinal)) ?? Default;
    }

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    public static string LanguageCode(CultureInfo culture) => culture.TwoLetterISOLanguageName;
}
