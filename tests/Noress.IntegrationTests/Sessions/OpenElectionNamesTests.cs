using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Sessions;

/// <summary>
/// ADR 0024: an open election round names each institution's ballot wherever its result is read (the service, the
/// session page, the projector, the minutes and their PDF); a secret round names none on any of them.
/// </summary>
public sealed partial class OpenElectionNamesTests
{
    private static readonly string[] Voters = ["ADS", "APDN", "CRTTA", "ODCO"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ClosedRounds_OpenBallotNamesEachInstitution_SecretBallotNamesNone_InTheServiceThePagesAndTheMinutes(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var (sessionId, open, secret) = await TwoElectionsAsync(host);

        // The service: names for the open round only.
        var views = await host.WithAsync<ElectionService, IReadOnlyList<ElectionView>>(e => e.ListAsync(host.Representatives[host.Institutions["ADS"]], sessionId, default));
        var openView = views.Single(v => v.Election.Id == open);
        var names = openView.Rounds.Single().Names;
        Assert.Equal(Voters, names.Select(n => n.Institution));
        var candidate = openView.Candidates.ToDictionary(c => c.Candidate.Id, c => c.Name);
        Assert.Equal(["Représentant ADS", "Représentant ADS", string.Empty, "Représentant ODCO"], names.Select(n => string.Join(",", n.Candidates.Select(id => candidate[id]))));
        Assert.Empty(views.Single(v => v.Election.Id == secret).Rounds.Single().Names);

        // The session page and the projector (rendered on the server): four named ballots per election result shown, all from the open round.
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/{sessionId:N}"));
        var projector = WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/{sessionId:N}/projector"));
        Assert.Equal(Voters, NamedInstitutions(page));
        Assert.Equal([.. Voters, .. Voters], NamedInstitutions(projector));
        Assert.Equal(1, Count(page, "data-testid=\"election-round-names\""));
        Assert.Equal(2, Count(page, "data-testid=\"election-round-result\""));

        // The minutes drafted at the close: the open round's ballots by name, nothing of the sort for the secret one.
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, sessionId, default)));
        var minutes = (await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default)))!.Minutes;
        var french = await TextAsync(host, minutes.FrenchDocumentId);
        var arabic = await TextAsync(host, minutes.ArabicDocumentId);
        var (openPart, secretPart) = Parts(french, "Coordination publique", "Trésorerie secrète");
        Assert.Contains("Scrutin public (noms publiés)", openPart, StringComparison.Ordinal);
        Assert.Contains("Bulletin de ADS\u00a0: ", openPart, StringComparison.Ordinal);
        Assert.Contains("Bulletin de CRTTA\u00a0: blanc", openPart, StringComparison.Ordinal);
        Assert.Equal(4, Count(openPart, "Bulletin de "));
        Assert.Contains("Scrutin secret", secretPart, StringComparison.Ordinal);
        Assert.Contains("Tour 1\u00a0: 4 bulletin(s), dont 1 blanc(s)", secretPart, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulletin de", secretPart, StringComparison.Ordinal);
        // APDN and CRTTA voted but stand for nothing: the secret part has no reason to name them.
        Assert.DoesNotContain("APDN", secretPart, StringComparison.Ordinal);
        Assert.DoesNotContain("CRTTA", secretPart, StringComparison.Ordinal);
        Assert.Equal(4, Count(arabic, "ورقة ADS") + Count(arabic, "ورقة APDN") + Count(arabic, "ورقة CRTTA") + Count(arabic, "ورقة ODCO"));
    }

    [Fact]
    public async Task ApprovedMinutesPdf_NamesTheOpenRoundsBallots_AndNoneOfTheSecretRounds()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var (sessionId, _, _) = await TwoElectionsAsync(host);
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, sessionId, default)));
        await ApproveAsync(host, sessionId);

        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        var text = PdfText.Text(await client.GetByteArrayAsync(MinutesService.PdfLink(sessionId, MinutesCultures.French)));

        var (openPart, secretPart) = Parts(text, "Coordination publique", "Trésorerie secrète");
        Assert.Equal(4, Count(openPart, "Bulletin de"));
        Assert.Contains("CRTTA", openPart, StringComparison.Ordinal);
        Assert.Contains("Scrutin secret", secretPart, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulletin de", secretPart, StringComparison.Ordinal);
        Assert.DoesNotContain("APDN", secretPart, StringComparison.Ordinal);
        Assert.DoesNotContain("CRTTA", secretPart, StringComparison.Ordinal);
    }

    /// <summary>
    /// An open plenary where ADS, APDN, CRTTA and ODCO are present; two elections of one seat between the
    /// representatives of ADS and ODCO ("Représentant ADS", "Représentant ODCO"), the first open by the rules, the second secret; the same four ballots in each
    /// (ADS, APDN: ADS's representative; CRTTA: blank; ODCO: ODCO's), both rounds closed.
    /// </summary>
    private static async Task<(Guid SessionId, Guid Open, Guid Secret)> TwoElectionsAsync(SessionsTestHost host)
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, sessionId, AgendaItemKind.Election, "Élections", 45, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        var voters = Voters.Select(a => host.Institutions[a]).ToList();
        await host.CheckInAsync(sessionId, voters);
        var open = await ElectionAsync(host, new ElectionInput(sessionId, itemId, "Coordination publique", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1));
        await using (var db = await host.DbAsync())
        {
            // What the election froze from the rules at its creation: here the rules say elections are open.
            await db.Set<SessionElection>().Where(e => e.Id == open).ExecuteUpdateAsync(s => s.SetProperty(e => e.Ballot, BallotKind.Open));
        }

        var secret = await ElectionAsync(host, new ElectionInput(sessionId, itemId, "Trésorerie secrète", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Treasurer, 1));
        foreach (var electionId in new[] { open, secret })
        {
            var ads = await CandidateAsync(host, electionId, "ads");
            var odco = await CandidateAsync(host, electionId, "odco");
            var round = SessionsTestHost.Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
            Guid[][] ballots = [[ads], [ads], [], [odco]];
            for (var i = 0; i < voters.Count; i++)
            {
                var (voter, ballot) = (voters[i], ballots[i]);
                SessionsTestHost.Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CastAsync(host.Representatives[voter], round, voter, ballot, default)));
            }

            SessionsTestHost.Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, round, default)));
        }

        return (sessionId, open, secret);
    }

    private static async Task<Guid> ElectionAsync(SessionsTestHost host, ElectionInput input) =>
        SessionsTestHost.Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CreateAsync(host.Secretariat, input, default)));

    private static async Task<Guid> CandidateAsync(SessionsTestHost host, Guid electionId, string acronym)
    {
        Guid person;
        await using (var db = await host.DbAsync())
        {
            person = await db.Users.Where(u => u.Email == $"rep.{acronym}@sessions.test").Select(u => u.Id).SingleAsync();
        }

        return SessionsTestHost.Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.AddCandidateAsync(host.Secretariat, electionId, person, default)));
    }

    /// <summary>Circulates the minutes, lets the deadline pass and adopts their approval at a later plenary.</summary>
    private static async Task ApproveAsync(SessionsTestHost host, Guid sessionId)
    {
        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.CirculateAsync(host.Secretariat, sessionId, NoressClock.Today(TimeProvider.System).AddDays(3), default)));
        await using (var db = await host.DbAsync())
        {
            await db.Set<SessionMinutes>().Where(m => m.SessionId == sessionId).ExecuteUpdateAsync(s => s.SetProperty(m => m.RemarksUntil, DateTime.UtcNow.AddMinutes(-1)));
        }

        var start = NoressClock.ToUtc(NoressClock.Today(TimeProvider.System).AddDays(5).ToDateTime(new TimeOnly(10, 0)));
        var later = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat,
            new SessionInput(SessionBody.Plenary, null, "Session plénière suivante", "Rabat", start, start.AddHours(2)), default)));
        var item = SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.ScheduleApprovalAsync(host.Secretariat, sessionId, later, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, later, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, default)));
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(later, voters);
        var vote = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, item, "Approuver le procès-verbal ?", BallotKind.Open, default)));
        foreach (var institution in voters.Take(15))
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], vote, institution, VoteChoice.For, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, vote, default)));
        // The approval queues the printing job (ADR 0030); the minutes are approved once it has run.
        Assert.True(await host.RunJobsAsync() > 0);
        var view = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Equal(MinutesState.Approved, view!.Minutes.State);
    }

    /// <summary>The text of the first election (from its title to the second's) and of the second (to the next section or the end).</summary>
    private static (string First, string Second) Parts(string text, string first, string second)
    {
        var start = text.IndexOf(first, StringComparison.Ordinal);
        var middle = text.IndexOf(second, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && middle > start, "Both elections are in the minutes, in order.");
        var end = text.IndexOf("Décisions", middle, StringComparison.Ordinal);
        return (text[start..middle], text[middle..(end < 0 ? text.Length : end)]);
    }

    private static List<string> NamedInstitutions(string html) =>
        [.. NamedBallot().Matches(html).Select(m => m.Groups[1].Value)];

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    private static async Task<string> TextAsync(SessionsTestHost host, Guid documentId) =>
        (await host.Factory.Services.GetRequiredService<DocumentAuthority>().GetHeadAsync(documentId))!.Text;

    [GeneratedRegex("data-testid=\"election-round-name\" data-institution=\"([^\"]+)\"")]
    private static partial Regex NamedBallot();
}
