using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Committees.Recommendations;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Time;

namespace Noress.App.DemoData;

/// <summary>
/// A convened plenary three weeks ahead with a full agenda (the internal rules attached), a committee meeting
/// in draft, the financing and observation committees' composition and a recommendation waiting for the secretariat,
/// so the sessions and committee pages show real work from the start.
/// </summary>
/// <remarks>Written directly, not through SessionService: convening through the service would mail every demo representative.</remarks>
public static class DemoSessions
{
    public static void Add(NoressDbContext db, IReadOnlyList<Institution> institutions, IReadOnlyList<Committee> committees, IReadOnlyList<NoressUser> people, Guid secretariatId, Guid rulesDocumentId, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = NoressClock.Today(clock);
        var financing = committees.Single(c => c.Code == "financement");

        var plenary = new Session
        {
            Body = SessionBody.Plenary,
            Title = "Session plénière ordinaire (démonstration)",
            Place = "Tanger, siège du Conseil régional",
            StartsAt = NoressClock.ToUtc(today.AddDays(21).ToDateTime(new TimeOnly(10, 0))),
            EndsAt = NoressClock.ToUtc(today.AddDays(21).ToDateTime(new TimeOnly(13, 0))),
            State = SessionState.Convened,
            AllowsSelfCheckIn = true,
            CreatedById = secretariatId,
            CreatedAt = now,
            ConvenedAt = now,
        };
        db.Add(plenary);
        (AgendaItemKind Kind, string Title, int Minutes)[] items =
        [
            (AgendaItemKind.Information, "Rapport d'activité du secrétariat permanent", 20),
            (AgendaItemKind.MinutesApproval, "Approbation du procès-verbal de la session précédente", 10),
            (AgendaItemKind.Deliberation, "Adoption du plan d'action 2027", 45),
            (AgendaItemKind.Election, "Élection du rapporteur du comité Financement", 30),
        ];
        var agenda = items.Select((item, i) => new AgendaItem { SessionId = plenary.Id, Position = i, Kind = item.Kind, Title = item.Title, EstimatedMinutes = item.Minutes }).ToList();
        db.AddRange(agenda);
        db.Add(new AgendaDocument { AgendaItemId = agenda[2].Id, DocumentId = rulesDocumentId, AttachedById = secretariatId, AttachedAt = now });

        var meeting = new Session
        {
            Body = SessionBody.Committee,
            CommitteeId = financing.Id,
            Title = "Réunion du comité Financement (démonstration)",
            Place = "Tétouan, Chambre de commerce",
            StartsAt = NoressClock.ToUtc(today.AddDays(35).ToDateTime(new TimeOnly(9, 30))),
            EndsAt = NoressClock.ToUtc(today.AddDays(35).ToDateTime(new TimeOnly(12, 0))),
            CreatedById = secretariatId,
            CreatedAt = now,
        };
        db.Add(meeting);
        db.Add(new AgendaItem { SessionId = meeting.Id, Position = 0, Kind = AgendaItemKind.Information, Title = "Tour de table des institutions", EstimatedMinutes = 30 });

        // The institutions of the demo representatives sit on the financing committee; one of them chairs it.
        var seated = people.Where(p => p.Email is "rep1@noress.demo" or "rep2@noress.demo" or "member@noress.demo").Select(p => p.InstitutionId!.Value)
            .Concat(institutions.Take(3).Select(i => i.Id)).Distinct();
        var since = today.AddMonths(-6);
        foreach (var institutionId in seated)
        {
            db.Add(new CommitteeSeat { CommitteeId = financing.Id, InstitutionId = institutionId, StartsOn = since, CreatedAt = now });
        }

        if (people.FirstOrDefault(p => p.Email == "rep1@noress.demo") is { } chair)
        {
            db.Add(new CommitteePosition { CommitteeId = financing.Id, UserId = chair.Id, Role = CommitteeRole.Chair, StartsOn = since, CreatedAt = now });
        }

        // The observation committee works without the demo member's institution: its workspace is private to them (ADR 0028).
        var observation = committees.Single(c => c.Code == "observation");
        foreach (var institution in institutions.Where(i => i.Acronym is "UAE" or "ORESS"))
        {
            db.Add(new CommitteeSeat { CommitteeId = observation.Id, InstitutionId = institution.Id, StartsOn = since, CreatedAt = now });
        }

        if (people.FirstOrDefault(p => p.Email == "rep2@noress.demo") is { } rapporteur)
        {
            db.Add(new CommitteePosition { CommitteeId = observation.Id, UserId = rapporteur.Id, Role = CommitteeRole.Rapporteur, StartsOn = since, CreatedAt = now });
            // Forwarded before the plenary was convened: it waits on the secretariat's list of recommendations to schedule.
            db.Add(new CommitteeRecommendation
            {
                CommitteeId = observation.Id,
                Title = "Publier un baromètre annuel de l'ESS régionale (démonstration)",
                Text = "Ajouter au plan d'action thématique une action : **baromètre annuel** de l'économie sociale et solidaire de la région, publié en français et en arabe.\n\nإضافة إجراء: **مقياس سنوي** للاقتصاد الاجتماعي والتضامني بالجهة.",
                State = RecommendationState.Pending,
                ForwardedById = rapporteur.Id,
                ForwardedAt = now.AddDays(-6),
            });
        }
    }
}
