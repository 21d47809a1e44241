using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Elections;
using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Sessions;

/// <summary>Elections (issue 10 §12): one ballot per institution per round on two nodes, unlinkable ballots, rounds, and results written into the bodies.</summary>
public sealed class ElectionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CastAsync_35InstitutionsFiveDuplicatesEachOnTwoNodes_CountsExactly35(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider, twoNodes: true);
        var (sessionId, itemId) = await OpenElectionSessionAsync(host);
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var electionId = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Coordination du secrétariat", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1));
        var candidates = await AddPeopleAsync(host, electionId, "ODCO", "ADS", "CRTTA");
        var roundId = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
        var institutions = host.Representatives.Keys.ToList();
        Assert.Equal(35, institutions.Count);

        // Each institution submits five times at once, alternately through each node; every fifth ballot is blank.
        var submissions = institutions.SelectMany((id, index) => Enumerable.Range(0, 5).Select(attempt => (Id: id, Node: attempt % 2 == 0 ? host.Factory : host.Second!,
            Choice: index % 5 == 4 ? Array.Empty<Guid>() : [candidates[index % 3]])));
        var results = await Task.WhenAll(submissions.Select(s => Task.Run(() =>
            host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CastAsync(host.Representatives[s.Id], roundId, s.Id, s.Choice, default), s.Node))));

        Assert.Equal(35, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Error.AlreadyVoted", r.Refusal?.Code));
        await using (var db = await host.DbAsync())
        {
            Assert.Equal(35, await db.Set<ElectionParticipation>().CountAsync(p => p.RoundId == roundId));
            Assert.Equal(35, await db.Set<ElectionBallot>().CountAsync(b => b.RoundId == roundId));
            Assert.Equal(35, (await db.Set<ElectionRound>().SingleAsync(r => r.Id == roundId)).Participations);
        }

        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, roundId, default), host.Second));

        await using var after = await host.DbAsync();
        var round = await after.Set<ElectionRound>().SingleAsync(r => r.Id == roundId);
        Assert.Equal((35, 7), (round.BallotsCast!.Value, round.Blank!.Value));
        var tallies = await after.Set<ElectionTally>().Where(t => t.RoundId == roundId).ToListAsync();
        Assert.Equal(28, tallies.Sum(t => t.Votes));
        Assert.Equal(35, await after.Set<ElectionBallot>().CountAsync(b => b.RoundId == roundId));
        Assert.Equal(35, await after.Set<ElectionParticipation>().CountAsync(p => p.RoundId == roundId));
        // Nobody has more than half of 35 ballots: another round.
        Assert.Equal(ElectionState.BetweenRounds, (await after.Set<SessionElection>().SingleAsync(e => e.Id == electionId)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ElectionBallots_Schema_HasNothingThatLinksToAVoterOrToTime(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        await using var db = await host.DbAsync();
        var ballot = db.Model.FindEntityType(typeof(ElectionBallot))!;

        Assert.Equal(["Choices", "Id", "RoundId"], ballot.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal));
        Assert.Equal(["ElectionRounds"], ballot.GetForeignKeys().Select(f => f.PrincipalEntityType.GetTableName()));
        Assert.All(ballot.GetIndexes(), i => Assert.Equal(["RoundId"], i.Properties.Select(p => p.Name)));
        Assert.Equal(ValueGenerated.Never, ballot.FindPrimaryKey()!.Properties.Single().ValueGenerated);
        var participation = db.Model.FindEntityType(typeof(ElectionParticipation))!;
        Assert.Equal(["InstitutionId", "RoundId"], participation.FindPrimaryKey()!.Properties.Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(["Choices", "Id", "RoundId"], (await ColumnsAsync(db, provider, "ElectionBallots")).Order(StringComparer.Ordinal));
        // "This institution voted" says nothing of the ballot, nor when.
        Assert.Equal(["InstitutionId", "RoundId"], (await ColumnsAsync(db, provider, "ElectionParticipations")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoRounds_NoMajorityThenElected_AppliesTheChairAndEndsTheFormerOne(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var (sessionId, itemId) = await OpenElectionSessionAsync(host);
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        Guid committeeId, formerChair;
        await using (var db = await host.DbAsync())
        {
            committeeId = (await db.Committees.FirstAsync(c => c.Code == "financement")).Id;
            formerChair = await db.Users.Where(u => u.Email == "rep.odco@sessions.test").Select(u => u.Id).SingleAsync();
            db.Add(new CommitteePosition { CommitteeId = committeeId, UserId = formerChair, Role = CommitteeRole.Chair, StartsOn = new DateOnly(2024, 1, 1), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var electionId = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Présidence du comité Financement", ElectionKind.CommitteePosition, committeeId, CommitteeRole.Chair, null, 1));
        var (a, b, c) = (await AddPeopleAsync(host, electionId, "ADS", "CRTTA", "APDN")) switch { var l => (l[0], l[1], l[2]) };
        var voters = host.Representatives.Keys.ToList();

        var first = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
        await CastAllAsync(host, first, voters, i => i < 15 ? a : i < 28 ? b : c);
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, first, default)));
        var afterFirst = await ViewAsync(host, sessionId, electionId);
        Assert.Equal(ElectionState.BetweenRounds, afterFirst.Election.State);
        Assert.Empty(afterFirst.Elected);
        Assert.Equal(new Dictionary<Guid, int> { [a] = 15, [b] = 13, [c] = 7 }, afterFirst.Rounds[0].Votes);

        // The third candidate withdraws; round 2 elects by absolute majority.
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.WithdrawCandidateAsync(host.Secretariat, c, default)));
        var second = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
        var refused = await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CastAsync(host.Representatives[voters[0]], second, voters[0], [c], default));
        Assert.Equal("Error.ElectionCandidate", refused.Refusal?.Code);
        await CastAllAsync(host, second, voters, i => i < 20 ? a : b);
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, second, default)));

        var done = await ViewAsync(host, sessionId, electionId);
        Assert.Equal(ElectionState.Applied, done.Election.State);
        Assert.Equal([a], done.Elected.Select(e => e.Candidate.Id));
        var electedPerson = done.Elected.Single().Candidate.PersonId!.Value;
        await using var check = await host.DbAsync();
        var session = await check.Set<Session>().SingleAsync(s => s.Id == sessionId);
        var date = AttendanceService.SessionDate(session);
        var positions = await check.Set<CommitteePosition>().Where(p => p.CommitteeId == committeeId && p.Role == CommitteeRole.Chair).ToListAsync();
        Assert.Equal(date, positions.Single(p => p.UserId == electedPerson).StartsOn);
        Assert.Null(positions.Single(p => p.UserId == electedPerson).EndsOn);
        Assert.Equal(date.AddDays(-1), positions.Single(p => p.UserId == formerChair).EndsOn);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CloseRoundAsync_LastSeatFilled_WritesSecretariatMandateAndCommitteeSeats(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var (sessionId, itemId) = await OpenElectionSessionAsync(host);
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voters = host.Representatives.Keys.ToList();
        Guid committeeId;
        await using (var db = await host.DbAsync())
        {
            committeeId = (await db.Committees.FirstAsync(c => c.Code == "formation")).Id;
        }

        var coordination = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Coordination", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1));
        var people = await AddPeopleAsync(host, coordination, "ADS", "ODCO");
        var round = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, coordination, default)));
        await CastAllAsync(host, round, voters, i => i < 30 ? people[0] : people[1]);
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, round, default)));

        var seats = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Sièges du comité Formation", ElectionKind.CommitteeSeats, committeeId, null, null, 2));
        var institutions = new[] { "ADS", "ODCO", "CRTTA" }.Select(a => host.Institutions[a]).ToList();
        foreach (var institution in institutions)
        {
            Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.AddCandidateAsync(host.Secretariat, seats, institution, default)));
        }

        var seatCandidates = (await ViewAsync(host, sessionId, seats)).Candidates.ToDictionary(c => c.Candidate.InstitutionId!.Value, c => c.Candidate.Id);
        var seatRound = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, seats, default)));
        // Two names per ballot: ADS and ODCO on every ballot but five.
        await CastAllAsync(host, seatRound, voters, i => i < 30 ? [seatCandidates[institutions[0]], seatCandidates[institutions[1]]] : [seatCandidates[institutions[2]]]);
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, seatRound, default)));

        await using var check = await host.DbAsync();
        var session = await check.Set<Session>().SingleAsync(s => s.Id == sessionId);
        var date = AttendanceService.SessionDate(session);
        var coordinatorId = (await ViewAsync(host, sessionId, coordination)).Elected.Single().Candidate.PersonId;
        var mandate = await check.Set<SecretariatMandate>().SingleAsync();
        Assert.Equal((coordinatorId, SecretariatPosition.Coordinator, date, coordination), (mandate.UserId, mandate.Position, mandate.StartsOn, mandate.ElectionId!.Value));
        var seated = await CommitteeService.SeatedInstitutionsAsync(check, committeeId, date, default);
        Assert.Equal(institutions.Take(2).Order(), seated.Order());
        Assert.Equal(ElectionState.Applied, (await check.Set<SessionElection>().SingleAsync(e => e.Id == seats)).State);
    }

    [Fact]
    public async Task CloseRoundAsync_PositionTakenFromTheSessionDate_LeavesTheResultDecided_ApplyRefusesUntilFreed()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var (sessionId, itemId) = await OpenElectionSessionAsync(host);
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voters = host.Representatives.Keys.ToList();
        var date = AttendanceService.SessionDate(await (await host.DbAsync()).Set<Session>().SingleAsync(s => s.Id == sessionId));
        Guid committeeId, holder;
        Guid positionId;
        await using (var db = await host.DbAsync())
        {
            // The formation committee: the demo seats a rapporteur on observation, and this test needs the position free.
            committeeId = (await db.Committees.FirstAsync(c => c.Code == "formation")).Id;
            holder = await db.Users.Where(u => u.Email == "rep.odco@sessions.test").Select(u => u.Id).SingleAsync();
            var position = new CommitteePosition { CommitteeId = committeeId, UserId = holder, Role = CommitteeRole.Rapporteur, StartsOn = date, CreatedAt = DateTime.UtcNow };
            db.Add(position);
            await db.SaveChangesAsync();
            positionId = position.Id;
        }

        var electionId = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Rapporteur", ElectionKind.CommitteePosition, committeeId, CommitteeRole.Rapporteur, null, 1));
        var people = await AddPeopleAsync(host, electionId, "ADS");
        var round = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
        await CastAllAsync(host, round, voters, _ => people[0]);
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, round, default)));

        Assert.Equal(ElectionState.Decided, (await ViewAsync(host, sessionId, electionId)).Election.State);
        await using (var db = await host.DbAsync())
        {
            Assert.Single(await db.Set<CommitteePosition>().Where(p => p.CommitteeId == committeeId).ToListAsync());
        }

        var refused = await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.ApplyAsync(host.Secretariat, electionId, default));
        Assert.Equal("Error.PositionTaken", refused.Refusal?.Code);

        // The secretariat frees the position (removes the same-day appointment), then applies.
        await using (var db = await host.DbAsync())
        {
            db.Remove(await db.Set<CommitteePosition>().SingleAsync(p => p.Id == positionId));
            await db.SaveChangesAsync();
        }

        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.ApplyAsync(host.Secretariat, electionId, default)));
        await using var check = await host.DbAsync();
        var elected = await check.Set<CommitteePosition>().SingleAsync(p => p.CommitteeId == committeeId);
        Assert.Equal((CommitteeRole.Rapporteur, date), (elected.Role, elected.StartsOn));
        Assert.Equal(ElectionState.Applied, (await check.Set<SessionElection>().SingleAsync(e => e.Id == electionId)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CastAsync_Refusals_RecordNothing(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var (sessionId, itemId) = await OpenElectionSessionAsync(host);
        var (ads, odco, crtta, apdn) = (host.Institutions["ADS"], host.Institutions["ODCO"], host.Institutions["CRTTA"], host.Institutions["APDN"]);
        await host.CheckInAsync(sessionId, [ads, odco, crtta]);
        var electionId = await CreateAsync(host, sessionId, itemId, new ElectionInput(sessionId, itemId, "Présidence", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1));
        var candidates = await AddPeopleAsync(host, electionId, "ADS", "ODCO");
        var roundId = Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.OpenRoundAsync(host.Secretariat, electionId, default)));
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CastAsync(host.Representatives[ads], roundId, ads, [candidates[0]], default)));
        await using (var db = await host.DbAsync())
        {
            var institution = await db.Institutions.SingleAsync(i => i.Id == crtta);
            (institution.Status, institution.SuspendedOn) = (MembershipStatus.Suspended, new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
        }

        Assert.Equal("Error.AlreadyVoted", await RefusalAsync(host.Representatives[ads], ads, [candidates[1]]));
        Assert.Equal("Error.ElectionTooManyChoices", await RefusalAsync(host.Representatives[odco], odco, [candidates[0], candidates[1]]));
        Assert.Equal("Error.InstitutionSuspended", await RefusalAsync(host.Representatives[crtta], crtta, [candidates[0]]));
        Assert.Equal("Error.NoProxy", await RefusalAsync(host.Representatives[ads], odco, [candidates[0]]));
        Assert.Equal("Error.NotCheckedIn", await RefusalAsync(host.Representatives[apdn], apdn, [candidates[0]]));
        Assert.Equal("Error.ElectionCandidate", await RefusalAsync(host.Representatives[odco], odco, [Guid.NewGuid()]));
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, roundId, default)));
        Assert.Equal("Error.VoteClosed", await RefusalAsync(host.Representatives[odco], odco, [candidates[0]]));
        Assert.Equal("Error.VoteAlreadyClosed", (await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CloseRoundAsync(host.Secretariat, roundId, default))).Refusal?.Code);

        await using var check = await host.DbAsync();
        Assert.Equal(1, await check.Set<ElectionParticipation>().CountAsync(p => p.RoundId == roundId));
        Assert.Equal(1, await check.Set<ElectionBallot>().CountAsync(b => b.RoundId == roundId));
        Assert.Equal(1, (await check.Set<ElectionRound>().SingleAsync(r => r.Id == roundId)).Participations);

        Task<string?> RefusalAsync(System.Security.Claims.ClaimsPrincipal who, Guid institution, Guid[] choices) =>
            host.WithAsync<ElectionService, string?>(async e => (await e.CastAsync(who, roundId, institution, choices, default)).Refusal?.Code);
    }

    [Fact]
    public async Task CreateAsync_NotOnAnElectionItem_OrIllDescribed_IsRefused()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        Guid deliberation;
        await using (var db = await host.DbAsync())
        {
            deliberation = await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync();
        }

        var onDeliberation = await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CreateAsync(host.Secretariat,
            new ElectionInput(sessionId, deliberation, "Coordination", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 1), default));
        var twoCoordinators = await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CreateAsync(host.Secretariat,
            new ElectionInput(sessionId, deliberation, "Coordination", ElectionKind.SecretariatPosition, null, null, SecretariatPosition.Coordinator, 2), default));

        Assert.Equal("Error.ElectionAgendaItem", onDeliberation.Refusal?.Code);
        Assert.Equal("Error.ElectionSeats", twoCoordinators.Refusal?.Code);
        await using var check = await host.DbAsync();
        Assert.Empty(await check.Set<SessionElection>().ToListAsync());
    }

    /// <summary>A plenary tomorrow with one election item on its agenda, convened and opened.</summary>
    private static async Task<(Guid SessionId, Guid ItemId)> OpenElectionSessionAsync(SessionsTestHost host)
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, sessionId, AgendaItemKind.Election, "Élections", 45, default)));
        Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        return (sessionId, itemId);
    }

    private static async Task<Guid> CreateAsync(SessionsTestHost host, Guid sessionId, Guid itemId, ElectionInput input) =>
        Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CreateAsync(host.Secretariat, input, default)));

    /// <summary>Adds the test representatives of <paramref name="acronyms"/> as candidates; returns the candidate ids in that order.</summary>
    private static async Task<List<Guid>> AddPeopleAsync(SessionsTestHost host, Guid electionId, params string[] acronyms)
    {
        var ids = new List<Guid>();
        foreach (var acronym in acronyms)
        {
            Guid person;
            await using (var db = await host.DbAsync())
            {
                person = await db.Users.Where(u => u.Email == $"rep.{acronym.ToLowerInvariant()}@sessions.test").Select(u => u.Id).SingleAsync();
            }

            ids.Add(Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.AddCandidateAsync(host.Secretariat, electionId, person, default))));
        }

        return ids;
    }

    private static Task CastAllAsync(SessionsTestHost host, Guid roundId, IReadOnlyList<Guid> voters, Func<int, Guid> choice) =>
        CastAllAsync(host, roundId, voters, i => new[] { choice(i) });

    private static async Task CastAllAsync(SessionsTestHost host, Guid roundId, IReadOnlyList<Guid> voters, Func<int, Guid[]> choices)
    {
        for (var i = 0; i < voters.Count; i++)
        {
            var (voter, chosen) = (voters[i], choices(i));
            Ok(await host.WithAsync<ElectionService, Outcome<Guid>>(e => e.CastAsync(host.Representatives[voter], roundId, voter, chosen, default)));
        }
    }

    private static async Task<ElectionView> ViewAsync(SessionsTestHost host, Guid sessionId, Guid electionId) =>
        (await host.WithAsync<ElectionService, IReadOnlyList<ElectionView>>(e => e.ListAsync(host.Secretariat, sessionId, default))).Single(v => v.Election.Id == electionId);

    private static Guid Ok(Outcome<Guid> result) => SessionsTestHost.Ok(result);

    private static async Task<List<string>> ColumnsAsync(NoressDbContext db, DatabaseProvider provider, string table)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? $"SELECT name AS \"Value\" FROM pragma_table_info('{table}')"
            : $"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = '{table}'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
