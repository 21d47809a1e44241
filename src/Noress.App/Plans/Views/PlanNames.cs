using System.Globalization;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans.Views;

/// <summary>The names a plan view shows, in the reader's language.</summary>
public static class PlanNames
{
    /// <summary>The title in the reader's language: Arabic in Arabic, English when there is one, else French.</summary>
    public static string Title(string fr, string ar, string? en, CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName switch
        {
            "ar" => ar,
            "en" when !string.IsNullOrWhiteSpace(en) => en,
            _ => fr,
        };

    public static string Title(PlanRow row, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Title(row.TitleFr, row.TitleAr, row.TitleEn, culture);
    }

    public static string Title(PlanSummary plan, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Title(plan.TitleFr, plan.TitleAr, plan.TitleEn, culture);
    }

    /// <summary>"REMESS – Réseau marocain…": the acronym and the name in the reader's language.</summary>
    public static string Institution(PlanInstitution institution, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var name = BilingualText.Preferred(institution.NameFr, institution.NameAr, culture);
        return string.IsNullOrWhiteSpace(institution.Acronym) || institution.Acronym == name ? name : $"{institution.Acronym} – {name}";
    }

    public static string Committee(PlanCommittee committee, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return Title(committee.NameFr, committee.NameAr, committee.NameEn, culture);
    }

    /// <summary>The PlanViewsText key of a status.</summary>
    public static string StatusKey(PlanItemStatus status) => "Status." + status;

    /// <summary>The route of a view of a plan, without query.</summary>
    public static string Route(Guid planId, PlanViewKind kind) => kind switch
    {
        PlanViewKind.Grid => $"/action-plans/{planId}",
        PlanViewKind.Board => $"/action-plans/{planId}/board",
        PlanViewKind.Timeline => $"/action-plans/{planId}/timeline",
        PlanViewKind.Dashboard => $"/action-plans/{planId}/dashboard",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
