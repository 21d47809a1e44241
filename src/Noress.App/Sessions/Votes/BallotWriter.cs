using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.Votes;

/// <summary>A ballot that passed the checks, on its way to the database.</summary>
/// <param name="VoteId">The vote.</param>
/// <param name="SessionId">The vote's session (for the live signal).</param>
/// <param name="Ballot">Open or secret: which rows it becomes.</param>
/// <param name="InstitutionId">The institution whose vote it is.</param>
/// <param name="Choice">For, against or abstain.</param>
/// <param name="CastById">The person who cast it (named on open votes only).</param>
/// <param name="CastAt">When it was cast (stored on open votes only).</param>
/// <param name="RightsStamp">
/// The <see cref="VotingRightsStamp"/> value of the snapshot that judged it; null when it was judged on the database itself.
/// </param>
internal sealed record BallotToWrite(Guid VoteId, Guid SessionId, BallotKind Ballot, Guid InstitutionId, VoteChoice Choice, Guid CastById, DateTime CastAt, Guid? RightsStamp = null);

/// <summary>
/// Group commit of ballots (ADR 0029). Ballots that arrive while a commit is in flight wait and go into the next
/// commit together: one transaction (one log flush, one hand-over of the write lock) per batch instead of per ballot.
/// Inside the batch each ballot is judged on its own (closed vote, already voted, a second one of the same batch), so a
/// bad ballot refuses only itself; if the database still refuses the batch, each of its ballots is written alone.
/// Every caller is answered only after the commit that holds its ballot, and the live count is announced before.
/// </summary>
public sealed class BallotWriter(IDbContextFactory<NoressDbContext> dbFactory, SessionLive live, ILogger<BallotWriter> logger)
{
    /// <summary>At most this many ballots per transaction (a plenary has a few hundred members).</summary>
    internal const int MaxBatch = 500;

    /// <summary>
    /// Not written: the ballot was judged on a snapshot whose stamp is no longer the database's (a right changed since);
    /// never shown, the caller judges it again on the database (ADR 0052).
    /// </summary>
    internal const string StaleRights = "StaleRights";

    /// <summary>The application name of the batches' own connections (visible to the database server's activity views).</summary>
    internal const string PoolName = "noress-ballots";

    private readonly Lock sync = new();
    private List<Pending> waiting = [];
    private bool running;
    private (string? Shared, string? Own) pools;

    /// <summary>Null once the ballot is committed; else why it was refused ("Error.AlreadyVoted", "Error.VoteClosed").</summary>
    /// <remarks>Cancellation is not honoured once submitted: the ballot may already be in a commit.</remarks>
    internal Task<string?> WriteAsync(BallotToWrite ballot)
    {
        var pending = new Pending(ballot);
        lock (sync)
        {
            waiting.Add(pending);
            if (!running)
            {
                // One writer loop per node at a time; it ends when nothing waits (decided under this lock, so no ballot is
                // left behind) and answers every ballot itself, failures included, so nothing awaits it.
                running = true;
                _ = Task.Run(DrainAsync);
            }
        }

        return pending.Result.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (sync)
            {
                if (waiting.Count == 0)
                {
                    running = false;
                    return;
                }

                batch = waiting.Count <= MaxBatch ? waiting : waiting[..MaxBatch];
                waiting = waiting.Count <= MaxBatch ? [] : waiting[MaxBatch..];
            }

            await WriteBatchAsync(batch);
        }
    }

    /// <summary>Writes <paramref name="batch"/> in one transaction and answers each of its callers.</summary>
    internal async Task WriteBatchAsync(IReadOnlyList<Pending> batch)
    {
        List<(Guid SessionId, VoteSignal Signal)> signals;
        try
        {
            signals = await CommitAsync(batch);
        }
        catch (DbUpdateException e)
        {
            if (batch.Count > 1)
            {
                // Something the checks inside the batch did not foresee: nothing of the batch was stored (rolled back), so
                // each ballot is written alone and a bad one fails only itself.
                logger.LogWarning(e, "A batch of {Count} ballots was refused by the database; writing them one by one", batch.Count);
                foreach (var pending in batch)
                {
                    await WriteBatchAsync([pending]);
                }
            }
            else if (await AlreadyVotedAsync(batch[0].Ballot))
            {
                // The primary key (vote, institution): a duplicate stored meanwhile by a writer that did not claim the vote first.
                batch[0].Result.TrySetResult("Error.AlreadyVoted");
            }
            else
            {
                batch[0].Result.TrySetException(e);
            }

            return;
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }

            return;
        }

        // Screens keep the highest count they saw, so one signal per vote and batch is enough.
        foreach (var (sessionId, signal) in signals)
        {
            await live.ChangedAsync(sessionId, SessionEvents.Vote, signal.ToPayload());
        }

        foreach (var pending in batch)
        {
            pending.Result.TrySetResult(pending.Refusal);
        }
    }

    private async Task<List<(Guid SessionId, VoteSignal Signal)>> CommitAsync(IReadOnlyList<Pending> batch)
    {
        var ct = CancellationToken.None;
        foreach (var pending in batch)
        {
            pending.Refusal = null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        UseOwnPool(db);
        await db.Database.OpenConnectionAsync(ct);
        var signals = new List<(Guid, VoteSignal)>();
        using var writing = await SqliteWriteGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The one read for the snapshots (ADR 0052): a ballot judged before the last change of voting rights committed is
        // sent back to the full check. A change committed after this read is one the ballot raced, as with the full check.
        var current = batch.Any(p => p.Ballot.RightsStamp is not null)
            ? await db.Set<VotingRightsStamp>().AsNoTracking().Where(s => s.Id == VotingRightsStamp.RowId).Select(s => s.Value).SingleAsync(ct)
            : Guid.Empty;
        foreach (var pending in batch.Where(p => p.Ballot.RightsStamp is { } stamp && stamp != current))
        {
            pending.Refusal = StaleRights;
        }

        foreach (var vote in batch.Where(p => p.Refusal is null).GroupBy(p => p.Ballot.VoteId))
        {
            var first = vote.First().Ballot;
            // A second ballot of the same institution in this batch (two devices, a double click) counts out at once.
            var candidates = new List<Pending>();
            var seen = new HashSet<Guid>();
            foreach (var pending in vote)
            {
                if (seen.Add(pending.Ballot.InstitutionId))
                {
                    candidates.Add(pending);
                }
                else
                {
                    pending.Refusal = "Error.AlreadyVoted";
                }
            }

            // The claim comes first: it refuses every ballot once the vote is closed and, on PostgreSQL and SQL Server, takes
            // the vote's row lock, so no other writer holds uncommitted ballots of this vote while the check below reads.
            var claim = candidates.Count;
            var claimed = await db.Set<Vote>()
                .Where(v => v.Id == first.VoteId && v.State == VoteState.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Participations, v => v.Participations + claim), ct);
            if (claimed == 0)
            {
                candidates.ForEach(p => p.Refusal = "Error.VoteClosed");
                continue;
            }

            var institutions = candidates.Select(p => p.Ballot.InstitutionId).ToList();
            var voted = first.Ballot == BallotKind.Secret
                ? await db.Set<VoteParticipation>().AsNoTracking().Where(p => p.VoteId == first.VoteId && institutions.Contains(p.InstitutionId)).Select(p => p.InstitutionId).ToListAsync(ct)
                : await db.Set<OpenVoteChoice>().AsNoTracking().Where(c => c.VoteId == first.VoteId && institutions.Contains(c.InstitutionId)).Select(c => c.InstitutionId).ToListAsync(ct);
            if (voted.Count > 0)
            {
                var already = voted.ToHashSet();
                candidates.Where(p => already.Contains(p.Ballot.InstitutionId)).ToList().ForEach(p => p.Refusal = "Error.AlreadyVoted");
                candidates.RemoveAll(p => p.Refusal is not null);
                var unclaim = already.Count;
                await db.Set<Vote>().Where(v => v.Id == first.VoteId)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Participations, v => v.Participations - unclaim), ct);
            }

            if (candidates.Count == 0)
            {
                continue;
            }

            var participations = await db.Set<Vote>().Where(v => v.Id == first.VoteId).Select(v => v.Participations).SingleAsync(ct);
            if (first.Ballot == BallotKind.Secret)
            {
                db.AddRange(candidates.Select(p => new VoteParticipation { VoteId = p.Ballot.VoteId, InstitutionId = p.Ballot.InstitutionId }));
                // The batch's ballots in an order of their own: nothing pairs them with the participations written alongside.
                var choices = candidates.Select(p => p.Ballot.Choice).ToArray();
                RandomNumberGenerator.Shuffle(choices.AsSpan());
                db.AddRange(choices.Select(choice => new SecretBallot { Id = Guid.NewGuid(), VoteId = first.VoteId, Choice = choice }));
            }
            else
            {
                db.AddRange(candidates.Select(p => new OpenVoteChoice { VoteId = p.Ballot.VoteId, InstitutionId = p.Ballot.InstitutionId, Choice = p.Ballot.Choice, CastById = p.Ballot.CastById, CastAt = p.Ballot.CastAt }));
            }

            signals.Add((first.SessionId, new VoteSignal(first.VoteId, VoteState.Open, participations)));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return signals;
    }

    /// <summary>
    /// Batches take their connection from a pool of their own (another connection string is another pool for Npgsql and
    /// SqlClient): in a burst, hundreds of ballots' checks hold the shared pool, and a commit queued behind them held every
    /// caller of its batch (docs/benchmarks.md). SQLite has no server connections to wait for.
    /// </summary>
    private void UseOwnPool(NoressDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            return;
        }

        var shared = db.Database.GetConnectionString();
        var pool = pools;
        if (!string.Equals(shared, pool.Shared, StringComparison.Ordinal))
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = shared };
            builder["Application Name"] = PoolName;
            pool = pools = (shared, builder.ConnectionString);
        }

        db.Database.SetConnectionString(pool.Own);
    }

    private async Task<bool> AlreadyVotedAsync(BallotToWrite ballot)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return ballot.Ballot == BallotKind.Secret
            ? await db.Set<VoteParticipation>().AnyAsync(p => p.VoteId == ballot.VoteId && p.InstitutionId == ballot.InstitutionId)
            : await db.Set<OpenVoteChoice>().AnyAsync(c => c.VoteId == ballot.VoteId && c.InstitutionId == ballot.InstitutionId);
    }

    /// <summary>A ballot waiting for its commit, and its caller's answer.</summary>
    internal sealed class Pending(BallotToWrite ballot)
    {
        public BallotToWrite Ballot { get; } = ballot;

        /// <summary>Continuations run elsewhere: answering hundreds of callers must not hold up the next commit.</summary>
        public TaskCompletionSource<string?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Refusal { get; set; }
    }
}
