using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;

using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Votes;

/// <summary>What anyone may see of a vote: while it is open only how many have voted; once closed, the result.</summary>
/// <param name="Vote">The vote row (result fields are null while open).</param>
/// <param name="Names">Open votes once closed: each institution's acronym and choice.</param>
public sealed record VoteView(Vote Vote, IReadOnlyList<(string Institution, VoteChoice Choice)> Names);

/// <summary>
/// Opens, receives and closes votes. One vote per institution is the database's rule (primary keys), so a
/// duplicate from any node counts once; a secret ballot's content and its participation are written in one
/// transaction and cannot be joined afterwards (ADR 0021).
/// </summary>
public sealed class VoteService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, SessionLive live, ILogger<VoteService> logger, Refusals<SessionsText> refuse, IEnumerable<IVerdictListener> listeners, BallotWriter writer, ClosedVoteNames closedNames, VotingSnapshots snapshots)
{
    public async Task<Outcome<Guid>> OpenAsync(ClaimsPrincipal user, Guid sessionId, Guid? agendaItemId, string question, BallotKind? ballot, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        question = (question ?? string.Empty).Trim();
        if (question.Length is 0 or > 500)
        {
            return refuse["Error.Question"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (session.State != SessionState.Open)
        {
            return refuse["Error.SessionNotOpen"];
        }

        var kind = AgendaItemKind.Deliberation;
        if (agendaItemId is { } itemId)
        {
            var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId && a.SessionId == sessionId, ct);
            if (item is null)
            {
                return refuse["Error.NotFound"];
            }

            kind = item.Kind;
        }

        var rules = await RuleParameterService.InForceAsync(db, AttendanceService.SessionDate(session), ct);
        var majority = rules.MajorityFor(kind);
        var quorum = await AttendanceService.QuorumAsync(db, session, ct);
        var vote = new Vote
        {
            SessionId = sessionId,
            AgendaItemId = agendaItemId,
            Question = question,
            Ballot = ballot ?? (kind == AgendaItemKind.Election ? rules.ElectionBallot : BallotKind.Open),
            MajorityKind = majority.Kind,
            MajorityBase = majority.Base,
            AbstentionsCount = rules.AbstentionsCount,
            MajorityArticle = rules.Article(kind switch
            {
                AgendaItemKind.RulesAmendment => RuleKey.AmendmentMajority,
                AgendaItemKind.Election => RuleKey.ElectionMajority,
                _ => RuleKey.DeliberationMajority,
            }),
            MembersAtOpening = quorum.Members,
            PresentAtOpening = quorum.Present,
            RepresentedAtOpening = quorum.Represented,
            QuorumRequiredAtOpening = quorum.Required,
            QuorumReachedAtOpening = quorum.Reached,
            OpenedAt = access.UtcNow,
            OpenedById = SessionsAccess.UserId(user),
        };
        db.Add(vote);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Vote {VoteId} opened in session {SessionId}", vote.Id, sessionId);
        await live.ChangedAsync(sessionId, SessionEvents.Vote, new VoteSignal(vote.Id, VoteState.Open, 0).ToPayload());
        await snapshots.WarmAsync(sessionId);
        return Outcome<Guid>.Done(vote.Id);
    }

    /// <summary>
    /// Casts <paramref name="institutionId"/>'s vote: by its titular or alternate representative when it is
    /// checked in, or by a representative of a checked-in institution holding its validated proxy.
    /// </summary>
    public async Task<Outcome<Guid>> CastAsync(ClaimsPrincipal user, Guid voteId, Guid institutionId, VoteChoice choice, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        if (!Enum.IsDefined(choice))
        {
            return refuse["Error.Choice"];
        }

        // Judged from the node's snapshot of the session's voting rights (ADR 0052); the group commit checks in its own
        // transaction that nothing changed since the snapshot was read, else the ballot takes the full check below.
        var userId = SessionsAccess.UserId(user);
        if (await snapshots.JudgeAsync(voteId, institutionId, userId, ct) is { } judged)
        {
            if (judged.Refusal is { } refusal)
            {
                return refuse[refusal];
            }

            var fast = new BallotToWrite(voteId, judged.SessionId, judged.Ballot, institutionId, choice, userId!.Value, access.UtcNow, judged.Stamp);
            switch (await writer.WriteAsync(fast))
            {
                case null:
                    return Outcome<Guid>.Done(voteId);
                case BallotWriter.StaleRights:
                    snapshots.Forget(judged.SessionId, judged.Stamp);
                    break;
                case "Error.VoteClosed":
                    snapshots.Closed(voteId);
                    return refuse["Error.VoteClosed"];
                case var other:
                    return refuse[other];
            }
        }

        return await CastFullyCheckedAsync(user, voteId, institutionId, choice, ct);
    }

    /// <summary>The ballot judged on the database alone (the rights changed since the snapshot, or memory could not say).</summary>
    private async Task<Outcome<Guid>> CastFullyCheckedAsync(ClaimsPrincipal user, Guid voteId, Guid institutionId, VoteChoice choice, CancellationToken ct)
    {
        // Two statements on one connection judge a ballot (the vote, its session, the institution's standing, presence and
        // participation; then its representatives), nothing tracked; the write goes to the node's group commit (ADR 0029).
        BallotToWrite ballot;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            var target = await (from v in db.Set<Vote>().AsNoTracking()
                                join s in db.Set<Session>().AsNoTracking() on v.SessionId equals s.Id
                                join i in db.Institutions.AsNoTracking() on institutionId equals i.Id into institutions
                                from i in institutions.DefaultIfEmpty()
                                join m in db.Set<MouSignature>().AsNoTracking() on i.Id equals m.InstitutionId into signatures
                                from m in signatures.DefaultIfEmpty()
                                where v.Id == voteId
                                select new
                                {
                                    v.State,
                                    v.Ballot,
                                    Session = s,
                                    Standing = i == null ? null : new StandingFacts(i.Status, i.SuspendedOn, i.WithdrawnOn, m == null ? null : m.Status, m == null ? null : m.SignedOn, m == null ? null : m.ExpiresOn),
                                    Present = db.Set<SessionAttendance>().Any(a => a.SessionId == s.Id && a.Convocation == s.Convocation && a.InstitutionId == institutionId),
                                    Voted = db.Set<VoteParticipation>().Any(p => p.VoteId == v.Id && p.InstitutionId == institutionId)
                                        || db.Set<OpenVoteChoice>().Any(c => c.VoteId == v.Id && c.InstitutionId == institutionId),
                                }).SingleOrDefaultAsync(ct);
            if (target is null)
            {
                return refuse["Error.NoOpenVote"];
            }

            if (target.State != VoteState.Open)
            {
                return refuse["Error.VoteClosed"];
            }

            if (await SessionBodies.VotingErrorAsync(db, target.Session, institutionId, target.Standing, ct) is { } votingError)
            {
                return refuse[votingError];
            }

            if (SessionsAccess.UserId(user) is not { } userId)
            {
                return refuse["Error.NotRepresentative"];
            }

            var own = (await SessionBodies.RepresentativesAsync(db, [institutionId], AttendanceService.SessionDate(target.Session), ct))[institutionId];
            if (await VotingRights.MandateErrorAsync(db, target.Session, userId, institutionId, own, target.Present, ct) is { } mandateError)
            {
                return refuse[mandateError];
            }

            if (target.Voted)
            {
                return refuse["Error.AlreadyVoted"];
            }

            ballot = new BallotToWrite(voteId, target.Session.Id, target.Ballot, institutionId, choice, userId, access.UtcNow);
        }

        // Answered once the commit holding this ballot is durable; a duplicate that got there first, or a close, refuses it.
        return await writer.WriteAsync(ballot) is { } refusal ? refuse[refusal] : Outcome<Guid>.Done(voteId);
    }

    /// <summary>Closes the vote: counts, checks that participations and ballots reconcile, computes and freezes the verdict.</summary>
    public async Task<Outcome<Guid>> CloseAsync(ClaimsPrincipal user, Guid voteId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var writing = await SqliteWriteGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim first: it waits for ballots being written and makes every later one find the vote closed.
        var claimed = await db.Set<Vote>()
            .Where(v => v.Id == voteId && v.State == VoteState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VoteState.Closed), ct);
        if (claimed == 0)
        {
            return refuse[await db.Set<Vote>().AnyAsync(v => v.Id == voteId, ct) ? "Error.VoteAlreadyClosed" : "Error.NotFound"];
        }

        var vote = await db.Set<Vote>().SingleAsync(v => v.Id == voteId, ct);
        var choices = vote.Ballot == BallotKind.Secret
            ? await db.Set<SecretBallot>().Where(b => b.VoteId == voteId).Select(b => b.Choice).ToListAsync(ct)
            : await db.Set<OpenVoteChoice>().Where(c => c.VoteId == voteId).Select(c => c.Choice).ToListAsync(ct);
        var participations = vote.Ballot == BallotKind.Secret
            ? await db.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId, ct)
            : choices.Count;
        if (participations != choices.Count || participations != vote.Participations)
        {
            throw new InvalidOperationException($"Vote {voteId} does not reconcile: {participations} participations, {choices.Count} ballots, {vote.Participations} counted.");
        }

        var tally = new Tally(choices.Count(c => c == VoteChoice.For), choices.Count(c => c == VoteChoice.Against), choices.Count(c => c == VoteChoice.Abstain));
        var outcome = Majority.Decide(new MajorityRule(vote.MajorityKind, vote.MajorityBase), tally, vote.AbstentionsCount,
            vote.PresentAtOpening + vote.RepresentedAtOpening, vote.MembersAtOpening);
        (vote.For, vote.Against, vote.Abstain) = (tally.For, tally.Against, tally.Abstain);
        (vote.BaseCount, vote.RequiredFor) = (outcome.BaseCount, outcome.Required);
        vote.ComputedVerdict = outcome.Verdict;
        vote.Verdict = outcome.Verdict;
        vote.ClosedWithoutQuorum = !vote.QuorumReachedAtOpening;
        vote.ClosedAt = access.UtcNow;
        vote.ClosedById = SessionsAccess.UserId(user);
        if (vote.Ballot == BallotKind.Secret)
        {
            await ShuffleBallotsAsync(db, voteId, ct);
        }

        await NotifyListenersAsync(db, vote, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        snapshots.Closed(voteId);
        logger.LogInformation("Vote {VoteId} closed with {Count} participations", voteId, participations);
        await live.ChangedAsync(vote.SessionId, SessionEvents.Vote, new VoteSignal(voteId, VoteState.Closed, participations).ToPayload());
        await AfterListenersAsync(vote, ct);
        return Outcome<Guid>.Done(voteId);
    }

    /// <summary>Replaces the computed verdict, with a written reason; the change is in the audit chain like every update of a vote.</summary>
    public async Task<Outcome<Guid>> OverrideVerdictAsync(ClaimsPrincipal user, Guid voteId, Verdict verdict, string reason, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        reason = (reason ?? string.Empty).Trim();
        if (reason.Length is < 10 or > 2000)
        {
            return refuse["Error.OverrideReason"];
        }

        if (!Enum.IsDefined(verdict))
        {
            return refuse["Error.Choice"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Set<Vote>().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null)
        {
            return refuse["Error.NotFound"];
        }

        if (vote.State != VoteState.Closed)
        {
            return refuse["Error.VoteNotClosed"];
        }

        vote.Verdict = verdict;
        vote.OverrideReason = reason;
        vote.OverriddenById = SessionsAccess.UserId(user);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await NotifyListenersAsync(db, vote, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(vote.SessionId, SessionEvents.Vote, new VoteSignal(voteId, VoteState.Closed, vote.Participations).ToPayload());
        await AfterListenersAsync(vote, ct);
        return Outcome<Guid>.Done(voteId);
    }

    /// <summary>The vote as members may see it: counts and names only once it is closed.</summary>
    public async Task<VoteView?> GetAsync(ClaimsPrincipal user, Guid voteId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Set<Vote>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null)
        {
            return null;
        }

        if (vote.State != VoteState.Closed || vote.Ballot == BallotKind.Secret)
        {
            return new VoteView(vote, []);
        }

        return new VoteView(vote, await closedNames.GetAsync(voteId, ct));
    }

    /// <summary>Which of <paramref name="institutionIds"/> have voted (a participation, never what the ballot says).</summary>
    public async Task<IReadOnlySet<Guid>> VotedAsync(ClaimsPrincipal user, Guid voteId, IReadOnlyCollection<Guid> institutionIds, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ballot = await db.Set<Vote>().AsNoTracking().Where(v => v.Id == voteId).Select(v => (BallotKind?)v.Ballot).SingleOrDefaultAsync(ct);
        var voted = ballot switch
        {
            BallotKind.Secret => await db.Set<VoteParticipation>().AsNoTracking().Where(p => p.VoteId == voteId && institutionIds.Contains(p.InstitutionId)).Select(p => p.InstitutionId).ToListAsync(ct),
            BallotKind.Open => await db.Set<OpenVoteChoice>().AsNoTracking().Where(c => c.VoteId == voteId && institutionIds.Contains(c.InstitutionId)).Select(c => c.InstitutionId).ToListAsync(ct),
            _ => [],
        };
        return voted.ToHashSet();
    }

    public async Task<IReadOnlyList<Vote>> ListAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var votes = await db.Set<Vote>().AsNoTracking().Where(v => v.SessionId == sessionId).ToListAsync(ct);
        return [.. votes.OrderBy(v => v.OpenedAt)];
    }

    // The decisions register and the minutes follow the verdict in the vote's own transaction (IVerdictListener).
    private async Task NotifyListenersAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            await listener.OnVerdictAsync(db, vote, ct);
        }
    }

    // After the commit: the verdict stands whatever follows, so a follow-up that fails (queuing the minutes' PDFs when the
    // job store is unreachable) is logged for the secretariat's retry button, never reported as a failed close.
    private async Task AfterListenersAsync(Vote vote, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.AfterVerdictAsync(vote, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A follow-up of vote {VoteId}'s verdict failed after its commit ({Listener})", vote.Id, listener.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Rewrites the closed vote's ballots in a random order under new random ids, so that whatever physical
    /// order the storage kept (SQLite rowid, PostgreSQL heap) no longer follows the order of casting.
    /// </summary>
    private static async Task ShuffleBallotsAsync(NoressDbContext db, Guid voteId, CancellationToken ct)
    {
        var ballots = await db.Set<SecretBallot>().Where(b => b.VoteId == voteId).ToListAsync(ct);
        db.RemoveRange(ballots);
        await db.SaveChangesAsync(ct);
        var shuffled = ballots.Select(b => b.Choice).ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        db.AddRange(shuffled.Select(choice => new SecretBallot { Id = Guid.NewGuid(), VoteId = voteId, Choice = choice }));
    }
}
