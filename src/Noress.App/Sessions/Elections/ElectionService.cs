using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Elections;

/// <summary>What the secretariat asks to elect.</summary>
public sealed record ElectionInput(Guid SessionId, Guid AgendaItemId, string Title, ElectionKind Kind, Guid? CommitteeId, CommitteeRole? CommitteeRole, SecretariatPosition? SecretariatPosition, int Seats);

/// <summary>
/// Elections in a session (issue 10 §12): candidates, rounds of ballots cast like votes (one per institution, secret
/// by the rules' ballot type, ADR 0021), the round decided by <see cref="Election.DecideRound"/>, and the result
/// written into the secretariat's mandates or the committee's seats and positions (ADR 0024).
/// </summary>
public sealed class ElectionService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, SessionLive live, ILogger<ElectionService> logger, Refusals<SessionsText> refuse)
{
    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal caller, ElectionInput input, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        ArgumentNullException.ThrowIfNull(input);
        var title = (input.Title ?? string.Empty).Trim();
        if (title.Length is 0 or > 200)
        {
            return refuse["Error.Title"];
        }

        if (ElectionRules.DefinitionError(input.Kind, input.CommitteeId, input.CommitteeRole, input.SecretariatPosition, input.Seats) is { } definitionError)
        {
            return refuse[definitionError];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.SessionId, ct);
        if (session is null || !await db.Set<AgendaItem>().AnyAsync(a => a.Id == input.AgendaItemId && a.SessionId == input.SessionId, ct))
        {
            return refuse["Error.NotFound"];
        }

        if (!await db.Set<AgendaItem>().AnyAsync(a => a.Id == input.AgendaItemId && a.Kind == AgendaItemKind.Election, ct))
        {
            return refuse["Error.ElectionAgendaItem"];
        }

        if (session.State is not (SessionState.Draft or SessionState.Convened or SessionState.Open))
        {
            return refuse["Error.SessionNotRunning"];
        }

        if (input.CommitteeId is { } committeeId && !await db.Committees.AnyAsync(c => c.Id == committeeId, ct))
        {
            return refuse["Error.NotFound"];
        }

        var rules = await RuleParameterService.InForceAsync(db, AttendanceService.SessionDate(session), ct);
        var election = new SessionElection
        {
            SessionId = session.Id,
            AgendaItemId = input.AgendaItemId,
            Title = title,
            Kind = input.Kind,
            CommitteeId = input.CommitteeId,
            CommitteeRole = input.CommitteeRole,
            SecretariatPosition = input.SecretariatPosition,
            Seats = input.Seats,
            Ballot = rules.ElectionBallot,
            AbsoluteRounds = rules.ElectionAbsoluteRounds,
            Article = rules.Article(RuleKey.ElectionAbsoluteRounds) ?? rules.Article(RuleKey.ElectionMajority),
            CreatedById = SessionsAccess.UserId(caller),
            CreatedAt = access.UtcNow,
        };
        db.Add(election);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(session.Id, SessionEvents.Election);
        return Outcome<Guid>.Done(election.Id);
    }

    /// <summary>Adds a person (or, for committee seats, an institution) as a candidate, before the first round.</summary>
    public async Task<Outcome<Guid>> AddCandidateAsync(ClaimsPrincipal caller, Guid electionId, Guid candidateId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var election = await db.Set<SessionElection>().SingleOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return refuse["Error.NotFound"];
        }

        if (election.State != ElectionState.Preparing)
        {
            return refuse["Error.ElectionStarted"];
        }

        var candidate = new ElectionCandidate { ElectionId = electionId, CreatedAt = access.UtcNow };
        if (election.ElectsInstitutions)
        {
            if (!await db.Institutions.AnyAsync(i => i.Id == candidateId && i.Status != MembershipStatus.Withdrawn, ct))
            {
                return refuse["Error.InstitutionNotMember"];
            }

            candidate.InstitutionId = candidateId;
        }
        else
        {
            if (!await db.Users.AnyAsync(u => u.Id == candidateId && u.IsActive, ct))
            {
                return refuse["Error.PersonInactive"];
            }

            candidate.PersonId = candidateId;
        }

        if (await db.Set<ElectionCandidate>().AnyAsync(c => c.ElectionId == electionId && (c.PersonId == candidateId || c.InstitutionId == candidateId), ct))
        {
            return refuse["Error.CandidateExists"];
        }

        db.Add(candidate);
        // Touching the election raises its version: a round opened meanwhile makes this save fail.
        db.Entry(election).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(candidate.Id);
    }

    /// <summary>Removes a candidate before the first round, or leaves them out of the further rounds between two rounds.</summary>
    public async Task<Outcome<Guid>> WithdrawCandidateAsync(ClaimsPrincipal caller, Guid candidateId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidate = await db.Set<ElectionCandidate>().SingleOrDefaultAsync(c => c.Id == candidateId, ct);
        var election = candidate is null ? null : await db.Set<SessionElection>().SingleAsync(e => e.Id == candidate.ElectionId, ct);
        if (candidate is null || election is null)
        {
            return refuse["Error.NotFound"];
        }

        if (election.State is not (ElectionState.Preparing or ElectionState.BetweenRounds) || !candidate.IsStanding)
        {
            return refuse["Error.CandidateFixed"];
        }

        if (election.State == ElectionState.Preparing)
        {
            db.Remove(candidate);
        }
        else
        {
            candidate.WithdrawnAfterRound = election.Rounds;
        }

        db.Entry(election).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(candidateId);
    }

    /// <summary>Opens the first or a further round for the seats left, with the quorum at its opening frozen on it.</summary>
    public async Task<Outcome<Guid>> OpenRoundAsync(ClaimsPrincipal caller, Guid electionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var election = await db.Set<SessionElection>().SingleOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return refuse["Error.NotFound"];
        }

        if (election.State is not (ElectionState.Preparing or ElectionState.BetweenRounds))
        {
            return refuse[election.State == ElectionState.RoundOpen ? "Error.RoundOpen" : "Error.ElectionDecided"];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == election.SessionId, ct);
        if (session.State != SessionState.Open)
        {
            return refuse["Error.SessionNotOpen"];
        }

        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == electionId).ToListAsync(ct);
        if (!candidates.Any(c => c.IsStanding))
        {
            return refuse["Error.NoCandidates"];
        }

        var quorum = await AttendanceService.QuorumAsync(db, session, ct);
        var number = election.Rounds + 1;
        var round = new ElectionRound
        {
            ElectionId = electionId,
            Number = number,
            Seats = election.Seats - candidates.Count(c => c.ElectedInRound is not null),
            Absolute = number <= election.AbsoluteRounds,
            MembersAtOpening = quorum.Members,
            PresentAtOpening = quorum.Present,
            RepresentedAtOpening = quorum.Represented,
            QuorumRequiredAtOpening = quorum.Required,
            QuorumReachedAtOpening = quorum.Reached,
            OpenedAt = access.UtcNow,
            OpenedById = SessionsAccess.UserId(caller),
        };
        election.Rounds = number;
        election.State = ElectionState.RoundOpen;
        db.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The election's version, or the unique (election, number): another node opened this round first.
            return refuse["Error.Concurrent"];
        }

        logger.LogInformation("Election {ElectionId} round {Round} opened", electionId, number);
        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(round.Id);
    }

    /// <summary>
    /// Casts <paramref name="institutionId"/>'s ballot in an open round: up to the round's seats among the standing
    /// candidates, or none (blank). Who may cast is the same as for votes (<see cref="VotingRights"/>).
    /// </summary>
    public async Task<Outcome<Guid>> CastAsync(ClaimsPrincipal caller, Guid roundId, Guid institutionId, IReadOnlyCollection<Guid> candidateIds, CancellationToken ct)
    {
        await access.EnsureMemberAsync(caller);
        ArgumentNullException.ThrowIfNull(candidateIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<ElectionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return refuse["Error.NoOpenVote"];
        }

        if (round.State != ElectionRoundState.Open)
        {
            return refuse["Error.VoteClosed"];
        }

        var election = await db.Set<SessionElection>().AsNoTracking().SingleAsync(e => e.Id == round.ElectionId, ct);
        var standing = (await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == election.Id).ToListAsync(ct))
            .Where(c => c.IsStanding).Select(c => c.Id).ToHashSet();
        if (ElectionRules.ChoiceError(candidateIds, standing, round.Seats) is { } choiceError)
        {
            return refuse[choiceError];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == election.SessionId, ct);
        if (await AttendanceService.VotingErrorAsync(db, session, institutionId, ct) is { } votingError)
        {
            return refuse[votingError];
        }

        if (await VotingRights.MandateErrorAsync(db, session, SessionsAccess.UserId(caller), institutionId, ct) is { } mandateError)
        {
            return refuse[mandateError];
        }

        if (await VotedAsync(db, election.Ballot, roundId, institutionId, ct))
        {
            return refuse["Error.AlreadyVoted"];
        }

        var choices = ElectionRules.Format(candidateIds);
        try
        {
            // A round's ballots arrive in the same burst as a vote's: the same wait for SQLite's write lock.
            using var writing = await SqliteWriteGate.EnterAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The same serialisation point as votes (ADR 0021): no place in the count once the round is closed.
            var claimed = await db.Set<ElectionRound>()
                .Where(r => r.Id == roundId && r.State == ElectionRoundState.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Participations, r => r.Participations + 1), ct);
            if (claimed == 0)
            {
                return refuse["Error.VoteClosed"];
            }

            if (election.Ballot == BallotKind.Secret)
            {
                db.Add(new ElectionParticipation { RoundId = roundId, InstitutionId = institutionId });
                db.Add(new ElectionBallot { Id = Guid.NewGuid(), RoundId = roundId, Choices = choices });
            }
            else
            {
                db.Add(new OpenElectionChoice { RoundId = roundId, InstitutionId = institutionId, Choices = choices, CastById = SessionsAccess.UserId(caller)!.Value, CastAt = access.UtcNow });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The primary key (round, institution): a duplicate that reached another node at the same instant.
            if (await VotedAsync(election.Ballot, roundId, institutionId, ct))
            {
                return refuse["Error.AlreadyVoted"];
            }

            throw;
        }

        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(roundId);
    }

    /// <summary>
    /// Closes the round: counts reconcile, the round is decided by the rule, the winners are elected; when every seat
    /// is filled the result is written into the bodies in the same transaction (or left to <see cref="ApplyAsync"/>
    /// when a position in force conflicts).
    /// </summary>
    public async Task<Outcome<Guid>> CloseRoundAsync(ClaimsPrincipal caller, Guid roundId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var writing = await SqliteWriteGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<ElectionRound>()
            .Where(r => r.Id == roundId && r.State == ElectionRoundState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ElectionRoundState.Closed), ct);
        if (claimed == 0)
        {
            return refuse[await db.Set<ElectionRound>().AnyAsync(r => r.Id == roundId, ct) ? "Error.VoteAlreadyClosed" : "Error.NotFound"];
        }

        var round = await db.Set<ElectionRound>().SingleAsync(r => r.Id == roundId, ct);
        var election = await db.Set<SessionElection>().SingleAsync(e => e.Id == round.ElectionId, ct);
        var candidates = await db.Set<ElectionCandidate>().Where(c => c.ElectionId == election.Id).ToListAsync(ct);
        var secret = election.Ballot == BallotKind.Secret;
        var ballots = secret
            ? await db.Set<ElectionBallot>().Where(b => b.RoundId == roundId).Select(b => b.Choices).ToListAsync(ct)
            : await db.Set<OpenElectionChoice>().Where(c => c.RoundId == roundId).Select(c => c.Choices).ToListAsync(ct);
        var participations = secret ? await db.Set<ElectionParticipation>().CountAsync(p => p.RoundId == roundId, ct) : ballots.Count;
        if (participations != ballots.Count || participations != round.Participations)
        {
            throw new InvalidOperationException($"Election round {roundId} does not reconcile: {participations} participations, {ballots.Count} ballots, {round.Participations} counted.");
        }

        var standing = candidates.Where(c => c.IsStanding).ToList();
        var (votes, blank) = ElectionRules.Count(ballots, standing.Select(c => c.Id));
        var decision = Election.DecideRound(votes, ballots.Count, round.Seats, round.Number, election.AbsoluteRounds);
        foreach (var candidate in standing)
        {
            db.Add(new ElectionTally { RoundId = roundId, CandidateId = candidate.Id, Votes = votes[candidate.Id] });
            if (decision.Elected.Contains(candidate.Id))
            {
                candidate.ElectedInRound = round.Number;
            }
        }

        (round.BallotsCast, round.Blank, round.ElectedCount, round.Tied) = (ballots.Count, blank, decision.Elected.Count, decision.Tied.Count > 0);
        round.ClosedWithoutQuorum = !round.QuorumReachedAtOpening;
        round.ClosedAt = access.UtcNow;
        round.ClosedById = SessionsAccess.UserId(caller);
        election.State = decision.NeedsAnotherRound ? ElectionState.BetweenRounds : ElectionState.Decided;
        if (secret)
        {
            await ShuffleBallotsAsync(db, roundId, ct);
        }

        await db.SaveChangesAsync(ct);
        if (election.State == ElectionState.Decided)
        {
            // A savepoint, so a result that conflicts with a position in force leaves the round closed and decided, and nothing half-applied.
            await transaction.CreateSavepointAsync("apply", ct);
            if (await ApplyCoreAsync(db, election, candidates, ct) is null)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await transaction.RollbackToSavepointAsync("apply", ct);
            }
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Election {ElectionId} round {Round} closed with {Count} participations", election.Id, round.Number, participations);
        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(roundId);
    }

    /// <summary>Writes a decided election's result into the bodies, when closing its last round could not (a position in force conflicted).</summary>
    public async Task<Outcome<Guid>> ApplyAsync(ClaimsPrincipal caller, Guid electionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var election = await db.Set<SessionElection>().SingleOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return refuse["Error.NotFound"];
        }

        if (election.State != ElectionState.Decided)
        {
            return refuse[election.State == ElectionState.Applied ? "Error.ElectionApplied" : "Error.ElectionNotDecided"];
        }

        var candidates = await db.Set<ElectionCandidate>().Where(c => c.ElectionId == electionId).ToListAsync(ct);
        if (await ApplyCoreAsync(db, election, candidates, ct) is { } error)
        {
            return refuse[error];
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await transaction.CommitAsync(ct);
        await live.ChangedAsync(election.SessionId, SessionEvents.Election);
        return Outcome<Guid>.Done(electionId);
    }

    /// <summary>The elections of a session with candidates' names and, for closed rounds only, the counts and, when the ballot is open, who chose whom.</summary>
    public async Task<IReadOnlyList<ElectionView>> ListAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ViewsAsync(db, sessionId, ct);
    }

    /// <summary>
    /// The one read of a session's elections, for the screens and the minutes. Names per institution come only from
    /// <see cref="OpenElectionChoice"/> of closed rounds of open elections: a secret round has nothing that names a voter.
    /// </summary>
    public static async Task<IReadOnlyList<ElectionView>> ViewsAsync(NoressDbContext db, Guid sessionId, CancellationToken ct)
    {
        var elections = await db.Set<SessionElection>().AsNoTracking().Where(e => e.SessionId == sessionId).ToListAsync(ct);
        var ids = elections.Select(e => e.Id).ToList();
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => ids.Contains(c.ElectionId)).ToListAsync(ct);
        var rounds = await db.Set<ElectionRound>().AsNoTracking().Where(r => ids.Contains(r.ElectionId)).ToListAsync(ct);
        var roundIds = rounds.Where(r => r.State == ElectionRoundState.Closed).Select(r => r.Id).ToList();
        var tallies = await db.Set<ElectionTally>().AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct);
        var openIds = elections.Where(e => e.Ballot == BallotKind.Open).Select(e => e.Id).ToHashSet();
        var namedRoundIds = rounds.Where(r => r.State == ElectionRoundState.Closed && openIds.Contains(r.ElectionId)).Select(r => r.Id).ToList();
        var choices = namedRoundIds.Count == 0
            ? []
            : await (from c in db.Set<OpenElectionChoice>().AsNoTracking()
                     join i in db.Institutions.AsNoTracking() on c.InstitutionId equals i.Id
                     where namedRoundIds.Contains(c.RoundId)
                     select new { c.RoundId, i.Acronym, c.Choices }).ToListAsync(ct);
        var names = await NamesAsync(db, candidates, ct);
        var committees = await db.Committees.AsNoTracking().Where(c => elections.Select(e => e.CommitteeId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. elections.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => new ElectionView(
            e,
            e.CommitteeId is { } c && committees.TryGetValue(c, out var committee) ? committee : null,
            [.. candidates.Where(c => c.ElectionId == e.Id).Select(c => new CandidateView(c, names[c.Id])).OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            [.. rounds.Where(r => r.ElectionId == e.Id).OrderBy(r => r.Number).Select(r => new RoundView(r,
                tallies.Where(t => t.RoundId == r.Id).ToDictionary(t => t.CandidateId, t => t.Votes),
                [.. choices.Where(n => n.RoundId == r.Id).OrderBy(n => n.Acronym, StringComparer.Ordinal).Select(n => new RoundName(n.Acronym, ElectionRules.Parse(n.Choices)))]))]))];
    }

    /// <summary>What a member's ballot card shows: each open round, and per institution they may cast for whether it has voted.</summary>
    public async Task<IReadOnlyList<BallotCardView>> BallotCardsAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(caller);
        if (SessionsAccess.UserId(caller) is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return [];
        }

        var open = await (from r in db.Set<ElectionRound>().AsNoTracking()
                          join e in db.Set<SessionElection>().AsNoTracking() on r.ElectionId equals e.Id
                          where e.SessionId == sessionId && r.State == ElectionRoundState.Open
                          select new { Round = r, Election = e }).ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }

        var institutionIds = await VotingRights.InstitutionsForAsync(db, session, userId, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
        var electionIds = open.Select(o => o.Election.Id).ToList();
        var candidates = (await db.Set<ElectionCandidate>().AsNoTracking().Where(c => electionIds.Contains(c.ElectionId)).ToListAsync(ct)).Where(c => c.IsStanding).ToList();
        var names = await NamesAsync(db, candidates, ct);
        var cards = new List<BallotCardView>();
        foreach (var o in open.OrderBy(o => o.Election.CreatedAt))
        {
            var voters = new List<BallotVoter>();
            foreach (var institutionId in institutionIds)
            {
                voters.Add(new BallotVoter(institutionId, institutions.GetValueOrDefault(institutionId, string.Empty), await VotedAsync(db, o.Election.Ballot, o.Round.Id, institutionId, ct)));
            }

            cards.Add(new BallotCardView(o.Election, o.Round,
                [.. candidates.Where(c => c.ElectionId == o.Election.Id).Select(c => new CandidateView(c, names[c.Id])).OrderBy(c => c.Name, StringComparer.CurrentCulture)],
                [.. voters.OrderBy(v => v.Institution, StringComparer.Ordinal)]));
        }

        return cards;
    }

    /// <summary>Who may stand: active people, or member institutions for committee seats (the panel's pick list).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EligibleAsync(ClaimsPrincipal caller, Guid electionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var election = await db.Set<SessionElection>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return [];
        }

        if (election.ElectsInstitutions)
        {
            var institutions = await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn).Select(i => new { i.Id, i.Acronym }).ToListAsync(ct);
            return [.. institutions.OrderBy(i => i.Acronym, StringComparer.Ordinal).Select(i => (i.Id, i.Acronym))];
        }

        var people = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        return [.. people.OrderBy(p => p.FullName, StringComparer.CurrentCulture).Select(p => (p.Id, p.FullName))];
    }

    /// <summary>What the panel's form offers: the session's election items and the committees.</summary>
    public async Task<(IReadOnlyList<AgendaItem> Items, IReadOnlyList<Committee> Committees)> FormChoicesAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.SessionId == sessionId && a.Kind == AgendaItemKind.Election).OrderBy(a => a.Position).ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        return (items, committees);
    }

    /// <summary>Null when the result is written (not yet saved), else why it cannot be (a SessionsText key).</summary>
    private async Task<string?> ApplyCoreAsync(NoressDbContext db, SessionElection election, IReadOnlyList<ElectionCandidate> candidates, CancellationToken ct)
    {
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == election.SessionId, ct);
        var date = AttendanceService.SessionDate(session);
        var now = access.UtcNow;
        var single = ElectionRules.IsSingleHolder(election.Kind, election.CommitteeRole, election.SecretariatPosition);
        foreach (var elected in candidates.Where(c => c.ElectedInRound is not null).OrderBy(c => c.ElectedInRound))
        {
            var error = election.Kind switch
            {
                ElectionKind.CommitteeSeats => await SeatAsync(db, election.CommitteeId!.Value, elected.InstitutionId!.Value, date, now, ct),
                ElectionKind.CommitteePosition => await AppointAsync(db, election.CommitteeId!.Value, elected.PersonId!.Value, election.CommitteeRole!.Value, single, date, now, ct),
                _ => await MandateAsync(db, election, elected.PersonId!.Value, single, date, now, ct),
            };
            if (error is not null)
            {
                return error;
            }
        }

        election.State = ElectionState.Applied;
        election.AppliedAt = now;
        return null;
    }

    private static async Task<string?> SeatAsync(NoressDbContext db, Guid committeeId, Guid institutionId, DateOnly date, DateTime now, CancellationToken ct)
    {
        // Already seated on that date: the designation confirms the seat.
        if ((await CommitteeService.SeatedInstitutionsAsync(db, committeeId, date, ct)).Contains(institutionId))
        {
            return null;
        }

        return (await CommitteeService.SeatAsync(db, committeeId, institutionId, date, null, now, ct)).Error;
    }

    /// <summary>The elected person takes the position from the session's date; the holder in force (and the person's own other position there) end the day before.</summary>
    private static async Task<string?> AppointAsync(NoressDbContext db, Guid committeeId, Guid personId, CommitteeRole role, bool single, DateOnly date, DateTime now, CancellationToken ct)
    {
        var ending = await db.Set<CommitteePosition>()
            .Where(p => p.CommitteeId == committeeId && (p.UserId == personId || (single && p.Role == role)) && p.StartsOn <= date && (p.EndsOn == null || p.EndsOn >= date))
            .ToListAsync(ct);
        if (ending.Any(p => p.UserId == personId && p.Role == role))
        {
            return null;
        }

        if (ending.Any(p => p.StartsOn >= date))
        {
            return "Error.PositionTaken";
        }

        foreach (var position in ending)
        {
            position.EndsOn = date.AddDays(-1);
        }

        await db.SaveChangesAsync(ct);
        return (await CommitteeService.AppointAsync(db, committeeId, personId, role, date, null, now, ct)).Error;
    }

    private static async Task<string?> MandateAsync(NoressDbContext db, SessionElection election, Guid personId, bool single, DateOnly date, DateTime now, CancellationToken ct)
    {
        var position = election.SecretariatPosition!.Value;
        var inForce = await db.Set<SecretariatMandate>()
            .Where(m => m.Position == position && m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date))
            .ToListAsync(ct);
        if (inForce.Any(m => m.UserId == personId))
        {
            return null;
        }

        if (single)
        {
            if (inForce.Any(m => m.StartsOn >= date))
            {
                return "Error.PositionTaken";
            }

            foreach (var mandate in inForce)
            {
                mandate.EndsOn = date.AddDays(-1);
            }
        }

        db.Add(new SecretariatMandate { UserId = personId, Position = position, StartsOn = date, ElectionId = election.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(NoressDbContext db, IReadOnlyCollection<ElectionCandidate> candidates, CancellationToken ct)
    {
        var personIds = candidates.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        var institutionIds = candidates.Where(c => c.InstitutionId is not null).Select(c => c.InstitutionId!.Value).ToList();
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
        return candidates.ToDictionary(c => c.Id, c => c.PersonId is { } p ? people.GetValueOrDefault(p, string.Empty) : institutions.GetValueOrDefault(c.InstitutionId!.Value, string.Empty));
    }

    private static Task<bool> VotedAsync(NoressDbContext db, BallotKind ballot, Guid roundId, Guid institutionId, CancellationToken ct) =>
        ballot == BallotKind.Secret
            ? db.Set<ElectionParticipation>().AnyAsync(p => p.RoundId == roundId && p.InstitutionId == institutionId, ct)
            : db.Set<OpenElectionChoice>().AnyAsync(c => c.RoundId == roundId && c.InstitutionId == institutionId, ct);

    private async Task<bool> VotedAsync(BallotKind ballot, Guid roundId, Guid institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VotedAsync(db, ballot, roundId, institutionId, ct);
    }

    /// <summary>Rewrites the closed round's ballots in a random order under new random ids (ADR 0021).</summary>
    private static async Task ShuffleBallotsAsync(NoressDbContext db, Guid roundId, CancellationToken ct)
    {
        var ballots = await db.Set<ElectionBallot>().Where(b => b.RoundId == roundId).ToListAsync(ct);
        db.RemoveRange(ballots);
        await db.SaveChangesAsync(ct);
        var shuffled = ballots.Select(b => b.Choices).ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        db.AddRange(shuffled.Select(choices => new ElectionBallot { Id = Guid.NewGuid(), RoundId = roundId, Choices = choices }));
    }
}

/// <summary>A candidate with the name shown (the person's full name, or the institution's acronym).</summary>
public sealed record CandidateView(ElectionCandidate Candidate, string Name);

/// <summary>A round; <paramref name="Votes"/> per candidate only once it is closed.</summary>
/// <param name="Round">The round.</param>
/// <param name="Votes">Votes per candidate, once closed.</param>
/// <param name="Names">Open ballot, once closed: each institution and the candidates it chose (none: blank). Always empty for a secret ballot.</param>
public sealed record RoundView(ElectionRound Round, IReadOnlyDictionary<Guid, int> Votes, IReadOnlyList<RoundName> Names);

/// <summary>One institution's ballot in a closed round of an open election.</summary>
/// <param name="Institution">Its acronym.</param>
/// <param name="Candidates">The candidates it chose; empty for a blank ballot.</param>
public sealed record RoundName(string Institution, IReadOnlyList<Guid> Candidates);

public sealed record ElectionView(SessionElection Election, Committee? Committee, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<RoundView> Rounds)
{
    public IEnumerable<CandidateView> Elected => Candidates.Where(c => c.Candidate.ElectedInRound is not null).OrderBy(c => c.Candidate.ElectedInRound);

    public RoundView? LastRound => Rounds.Count == 0 ? null : Rounds[^1];
}

/// <summary>One institution a member may cast for, and whether it has voted in the round.</summary>
public sealed record BallotVoter(Guid InstitutionId, string Institution, bool Voted);

public sealed record BallotCardView(SessionElection Election, ElectionRound Round, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<BallotVoter> Voters);
