using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Committees;

/// <summary>
/// The training committee set up as a private workspace on a <see cref="SessionsTestHost"/>: FAN seated, its test
/// representative chairing, UAE's representative a seated member without a position, a private document and a
/// convened meeting. member@noress.demo (ADS) sits on the financing committee only: a member of another committee.
/// </summary>
internal sealed record CommitteeWorkspaceHost(SessionsTestHost Host, Guid CommitteeId, Guid DocumentId, Guid MeetingId, ClaimsPrincipal Chair, ClaimsPrincipal SeatedMember, Guid ChairId)
{
    public const string Outsider = "member@noress.demo";
    public const string SecretTitle = "Note interne FORMATION-7Q";
    public const string SecretText = "Texte confidentiel du comité FORMATION-7Q.";
    public const string MeetingTitle = "Réunion du comité FORMATION-7Q";

    public static async Task<CommitteeWorkspaceHost> StartAsync(Noress.App.Data.DatabaseProvider provider)
    {
        var host = await SessionsTestHost.StartAsync(provider);
        await using var db = await host.DbAsync();
        var committee = await db.Committees.Where(c => c.Code == "formation").Select(c => c.Id).SingleAsync();
        var (fan, uae) = (host.Institutions["FAN"], host.Institutions["UAE"]);
        var since = new DateOnly(2020, 1, 1);
        SessionsTestHost.Ok(await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(host.Secretariat, committee, fan, since, null, default)));
        SessionsTestHost.Ok(await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(host.Secretariat, committee, uae, since, null, default)));
        var chair = host.Representatives[fan];
        var chairId = SessionsAccess.UserId(chair)!.Value;
        SessionsTestHost.Ok(await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.AppointAsync(host.Secretariat, committee, chairId, CommitteeRole.Chair, since, null, default)));
        var document = SessionsTestHost.Ok(await host.WithAsync<DocumentService, Outcome<Guid>>(s => s.CreateAsync(chair, DocumentSpaceKind.Committee, committee, SecretTitle, SecretText, default)));
        var start = NoressClock.ToUtc(NoressClock.Today(TimeProvider.System).AddDays(3).ToDateTime(new TimeOnly(9, 0)));
        var meeting = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat,
            new SessionInput(SessionBody.Committee, committee, MeetingTitle, "Tétouan", start, start.AddHours(2)), default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, meeting, AgendaItemKind.Information, "Tour de table", 20, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, meeting, default)));
        return new CommitteeWorkspaceHost(host, committee, document, meeting, chair, host.Representatives[uae], chairId);
    }
}
