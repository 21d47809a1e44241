using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.App.DemoData;

/// <summary>
/// A plenary held three months ago, run through the sessions' own services on a clock set back to its hours: three
/// adopted deliberations numbered by the register, the coordination of the secretariat elected (its mandate written
/// by the election), the session closed (minutes drafted), the minutes circulated, then approved by a vote at a later
/// plenary and printed (labelled versions, PDFs and their hashes in the audit chain).
/// </summary>
/// <remarks>
/// Only the ballots are written as the entities a secret ballot stores (participation, ballot, count): the demo has
/// representatives for three institutions, and a ballot cast through the service needs one. The sessions themselves
/// are written convened, as <see cref="DemoSessions"/> does, so that nobody is mailed a convocation.
/// </remarks>
public sealed class DemoRecords(IServiceProvider services, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock, ILogger<DemoRecords> logger)
{
    public const string PlenaryTitle = "Assemblée générale ordinaire (démonstration, tenue)";
    public const string ApprovalTitle = "Session plénière extraordinaire (démonstration, tenue)";

    private readonly PastClock past = new();

    public async Task SeedAsync(Guid secretariatId, CancellationToken ct)
    {
        var secretariat = await PrincipalAsync(secretariatId);
        var access = new SessionsAccess(services.GetRequiredService<IAuthorizationService>(), past);
        var minutes = ActivatorUtilities.CreateInstance<MinutesService>(services, access);
        // The same listeners as a real close, on the past clock: the register numbers decisions, the minutes follow their approval.
        IEnumerable<IVerdictListener> listeners = [new DecisionRegister(past), minutes, .. services.GetServices<IVerdictListener>().Where(l => l is not (DecisionRegister or MinutesService))];
        var sessions = ActivatorUtilities.CreateInstance<SessionService>(services, access, minutes);
        var attendance = ActivatorUtilities.CreateInstance<AttendanceService>(services, access);
        var votes = ActivatorUtilities.CreateInstance<VoteService>(services, access, listeners);
        var elections = ActivatorUtilities.CreateInstance<ElectionService>(services, access);

        var day = NoressClock.Today(clock).AddMonths(-3);
        var plenary = await ConvenedAsync(PlenaryTitle, "Tétouan, Maison de l'économie sociale et solidaire", day, secretariatId,
        [
            (AgendaItemKind.Information, "Rapport d'activité du secrétariat permanent", 20),
            (AgendaItemKind.Deliberation, "Adoption du rapport financier de l'exercice écoulé", 30),
            (AgendaItemKind.Deliberation, "Adoption du plan d'action annuel du réseau", 45),
            (AgendaItemKind.CommitteeRecommendation, "Recommandation du comité Financement : fonds de garantie des coopératives", 30),
            (AgendaItemKind.Election, "Élection de la coordination du secrétariat permanent", 30),
        ], ct);
        var present = await PresentAsync(plenary.Id, ct);

        At(day, 10, 0);
        Ok(await sessions.OpenAsync(secretariat, plenary.Id, ct));
        At(day, 10, 5);
        foreach (var institution in present)
        {
            Ok(await attendance.CheckInAsync(secretariat, plenary.Id, institution, ct));
        }

        // Counts relative to the institutions present: the demo's standing decides how many have a vote.
        var all = present.Count;
        (string Question, int For, int Against)[] motions =
        [
            ("Adopter le rapport financier de l'exercice écoulé ?", all - 1, 1),
            ("Adopter le plan d'action annuel du réseau ?", all - 3, 2),
            ("Créer un fonds de garantie des coopératives, comme le recommande le comité Financement ?", all - 5, 4),
        ];
        for (var i = 0; i < motions.Length; i++)
        {
            At(day, 10, 30 + (i * 20));
            var vote = Ok(await votes.OpenAsync(secretariat, plenary.Id, plenary.Agenda[i + 1].Id, motions[i].Question, BallotKind.Secret, ct));
            await BallotsAsync(vote, present, n => n < motions[i].For ? VoteChoice.For : n < motions[i].For + motions[i].Against ? VoteChoice.Against : VoteChoice.Abstain, ct);
            At(day, 10, 40 + (i * 20));
            Ok(await votes.CloseAsync(secretariat, vote, ct));
        }

        At(day, 11, 35);
        var election = Ok(await elections.CreateAsync(secretariat, new ElectionInput(plenary.Id, plenary.Agenda[4].Id, "Coordination du secrétariat permanent",
            ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1), ct));
        var nadia = Ok(await elections.AddCandidateAsync(secretariat, election, secretariatId, ct));
        var karim = Ok(await elections.AddCandidateAsync(secretariat, election, await PersonAsync("rep2@noress.demo", ct), ct));
        At(day, 11, 45);
        var round = Ok(await elections.OpenRoundAsync(secretariat, election, ct));
        await ElectionBallotsAsync(round, present, n => n < all * 7 / 10 ? [nadia] : n < all - 1 ? [karim] : [], ct);
        At(day, 12, 0);
        Ok(await elections.CloseRoundAsync(secretariat, round, ct));
        At(day, 12, 45);
        Ok(await sessions.CloseAsync(secretariat, plenary.Id, ct));

        // Remarks for two weeks, then the approval at the next plenary.
        At(day.AddDays(1), 9, 0);
        Ok(await minutes.CirculateAsync(secretariat, plenary.Id, day.AddDays(14), ct));
        var later = day.AddDays(35);
        var approval = await ConvenedAsync(ApprovalTitle, "Tanger, siège du Conseil régional", later, secretariatId,
            [(AgendaItemKind.Information, "Point d'étape du plan d'action", 20)], ct);
        At(day.AddDays(15), 9, 0);
        var item = Ok(await minutes.ScheduleApprovalAsync(secretariat, plenary.Id, approval.Id, ct));
        At(later, 10, 0);
        Ok(await sessions.OpenAsync(secretariat, approval.Id, ct));
        // Who has a vote on that later day (a suspension may have come in between); two of them stay away.
        var presentLater = (await PresentAsync(approval.Id, ct)).Skip(2).ToList();
        foreach (var institution in presentLater)
        {
            Ok(await attendance.CheckInAsync(secretariat, approval.Id, institution, ct));
        }

        At(later, 10, 30);
        var approve = Ok(await votes.OpenAsync(secretariat, approval.Id, item, "Approuver le procès-verbal de l'assemblée générale ordinaire ?", BallotKind.Secret, ct));
        await BallotsAsync(approve, presentLater, n => n < presentLater.Count - 1 ? VoteChoice.For : VoteChoice.Abstain, ct);
        At(later, 10, 40);
        // Freezes the minutes, labels them and prints both PDFs (the minutes stay Adopted if Chromium is missing).
        Ok(await votes.CloseAsync(secretariat, approve, ct));
        await PrintApprovedMinutesAsync(minutes, plenary.Id, ct);
        At(later, 12, 0);
        Ok(await sessions.CloseAsync(secretariat, approval.Id, ct));
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(Guid userId)
    {
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No demo secretariat.");
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
    }

    // The approval queues the printing job (ADR 0030); the demo prints at once so its minutes are approved from the
    // first page. Without Chromium they stay adopted and the job's sweep prints them when it can.
    private async Task PrintApprovedMinutesAsync(MinutesService minutes, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutesId = await db.Set<SessionMinutes>().Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync(ct);
        try
        {
            await minutes.ProduceStoredPdfsAsync(minutesId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The demo minutes were approved but not printed; the minutes job will print them");
        }
    }

    private async Task<Guid> PersonAsync(string email, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
    }

    /// <summary>Up to twenty institutions with a vote in the plenary on its day, the demo accounts' first.</summary>
    private async Task<List<Guid>> PresentAsync(Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var voting = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        // Check-in reads today's status: an institution suspended since is left out, as it could not be checked in now.
        var institutions = await db.Institutions.Where(i => voting.Contains(i.Id) && i.Status == MembershipStatus.Active).Select(i => new { i.Id, i.Acronym }).ToListAsync(ct);
        string[] first = ["ADS", "ODCO", "CRTTA"];
        var present = institutions.OrderBy(i => Array.IndexOf(first, i.Acronym) is var at && at >= 0 ? at : first.Length).ThenBy(i => i.Acronym, StringComparer.Ordinal).Take(20).Select(i => i.Id).ToList();
        return present.Count >= 10 ? present : throw new InvalidOperationException($"Demo records: {present.Count} institutions have a vote, 10 are needed.");
    }

    /// <summary>A plenary written convened (no mails), three weeks before <paramref name="day"/>.</summary>
    private async Task<(Guid Id, List<AgendaItem> Agenda)> ConvenedAsync(string title, string place, DateOnly day, Guid secretariatId, (AgendaItemKind Kind, string Title, int Minutes)[] items, CancellationToken ct)
    {
        At(day.AddDays(-21), 9, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = new Session
        {
            Body = SessionBody.Plenary,
            Title = title,
            Place = place,
            StartsAt = NoressClock.ToUtc(day.ToDateTime(new TimeOnly(10, 0))),
            EndsAt = NoressClock.ToUtc(day.ToDateTime(new TimeOnly(13, 0))),
            State = SessionState.Convened,
            CreatedById = secretariatId,
            CreatedAt = past.Now,
            ConvenedAt = past.Now,
        };
        db.Add(session);
        var agenda = items.Select((item, i) => new AgendaItem { SessionId = session.Id, Position = i, Kind = item.Kind, Title = item.Title, EstimatedMinutes = item.Minutes }).ToList();
        db.AddRange(agenda);
        await db.SaveChangesAsync(ct);
        return (session.Id, agenda);
    }

    /// <summary>Secret ballots as <see cref="VoteService.CastAsync"/> stores them: a participation, an unlinked ballot, the count.</summary>
    private async Task BallotsAsync(Guid voteId, IReadOnlyList<Guid> institutions, Func<int, VoteChoice> choice, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var n = 0; n < institutions.Count; n++)
        {
            db.Add(new VoteParticipation { VoteId = voteId, InstitutionId = institutions[n] });
            db.Add(new SecretBallot { Id = Guid.NewGuid(), VoteId = voteId, Choice = choice(n) });
        }

        await db.SaveChangesAsync(ct);
        await db.Set<Vote>().Where(v => v.Id == voteId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Participations, v => v.Participations + institutions.Count), ct);
    }

    /// <summary>Secret election ballots as <see cref="ElectionService.CastAsync"/> stores them.</summary>
    private async Task ElectionBallotsAsync(Guid roundId, IReadOnlyList<Guid> institutions, Func<int, Guid[]> choice, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var n = 0; n < institutions.Count; n++)
        {
            db.Add(new ElectionParticipation { RoundId = roundId, InstitutionId = institutions[n] });
            db.Add(new ElectionBallot { Id = Guid.NewGuid(), RoundId = roundId, Choices = ElectionRules.Format(choice(n)) });
        }

        await db.SaveChangesAsync(ct);
        await db.Set<ElectionRound>().Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Participations, r => r.Participations + institutions.Count), ct);
    }

    // Minutes may run past 59: "10:80" is 11:20.
    private void At(DateOnly day, int hour, int minute) => past.Now = NoressClock.ToUtc(day.ToDateTime(TimeOnly.MinValue).AddHours(hour).AddMinutes(minute));

    private static Guid Ok(Outcome<Guid> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"Demo records: {outcome.Refusal?.Code} {outcome.Error}");

    /// <summary>The clock the sessions' services read while the demo replays a past session.</summary>
    private sealed class PastClock : TimeProvider
    {
        public DateTime Now { get; set; }

        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
    }
}
