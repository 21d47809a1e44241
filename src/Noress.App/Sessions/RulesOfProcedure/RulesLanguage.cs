using System.Globalization;

namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>How the rules' text is shown: both languages side by side, or one.</summary>
public enum RulesLanguage
{
    Both,
    French,
    Arabic,
}

public static class RulesLanguages
{
    /// <summary>The title in the reader's language: Arabic for an Arabic interface, French otherwise (there is no English text).</summary>
    public static string Title(string titleFr, string titleAr) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? titleAr : titleFr;
}
