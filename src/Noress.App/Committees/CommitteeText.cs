using System.Globalization;

namespace Noress.App.Committees;

/// <summary>A committee's name in the reader's language.</summary>
public static class CommitteeText
{
    public static string Name(Committee committee, CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName switch
        {
            "ar" => committee.NameAr,
            "en" => committee.NameEn,
            _ => committee.NameFr,
        };
}
