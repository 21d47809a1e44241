using Microsoft.Extensions.Localization;
using Noress.App.Shared.Localization;

namespace Noress.App.Calls.Pages;

/// <summary>What the calls pages show for values: amounts in MAD through NoressFormat, titles and labels in the reader's language.</summary>
public static class CallText
{
    public static string Money(decimal dirhams) => NoressFormat.Amount((long)Math.Round(dirhams * 100m, 0, MidpointRounding.AwayFromZero));

    public static string Title(string fr, string ar, string? en) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(en) ? en : BilingualText.Preferred(fr, ar);

    public static string Label(CallFormField field) => Title(field.LabelFr, field.LabelAr, field.LabelEn);

    public static string? Help(CallFormField field) => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ar" => field.HelpAr ?? field.HelpFr,
        "en" => field.HelpEn ?? field.HelpFr,
        _ => field.HelpFr,
    };

    /// <summary>A choice field's options in the reader's language (French when the translation is missing).</summary>
    public static IReadOnlyList<string> Choices(CallFormField field)
    {
        var fr = FormRules.Choices(field.ChoicesFr);
        var local = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
        {
            "ar" => FormRules.Choices(field.ChoicesAr),
            "en" => FormRules.Choices(field.ChoicesEn),
            _ => fr,
        };
        return local.Count == fr.Count ? local : fr;
    }

    /// <summary>A checklist line: the rule with the call's limit and the application's figure.</summary>
    public static string Rule(IStringLocalizer<CallsText> text, EligibilityCheck check) =>
        text["Rule." + check.Rule, [.. check.Arguments.Select(a => a is decimal d && check.Rule == EligibilityRule.RequestedAmountCap ? Money(d) : a is decimal p ? p.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) : a)]];
}
