using System.Globalization;
using Microsoft.Extensions.Localization;
using Noress.App.Committees;

namespace Noress.App.Sessions.Elections;

/// <summary>How an election is named on screens, in the reader's language.</summary>
public static class ElectionText
{
    public static string CommitteeName(Committee committee) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ar" => committee.NameAr,
        "en" => committee.NameEn,
        _ => committee.NameFr,
    };

    /// <summary>"Chair · Committee name", "Coordinator", "Seats · Committee name".</summary>
    public static string What(IStringLocalizer<SessionsText> t, SessionElection election, Committee? committee)
    {
        var what = election.Kind switch
        {
            ElectionKind.SecretariatPosition => t[$"Election.Position.{election.SecretariatPosition}"].Value,
            ElectionKind.CommitteePosition => t[$"Election.Role.{election.CommitteeRole}"].Value,
            _ => t["Election.Seats"].Value,
        };
        return committee is null ? what : $"{what} · {CommitteeName(committee)}";
    }
}
