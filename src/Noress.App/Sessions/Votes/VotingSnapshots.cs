using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Votes;

/// <summary>How a ballot was judged from memory: refused, or passed on a snapshot whose stamp the group commit checks.</summary>
/// <param name="Refusal">Why it is refused (a SessionsText key), or null.</param>
/// <param name="SessionId">The vote's session.</param>
/// <param name="Ballot">Open or secret.</param>
/// <param name="Stamp">The snapshot's <see cref="VotingRightsStamp"/> value.</param>
internal sealed record SnapshotJudgement(string? Refusal, Guid SessionId, BallotKind Ballot, Guid Stamp);

/// <summary>
/// The node's <see cref="VotingSnapshot"/> per session with a vote, taken when a vote opens or on the first ballot, and
/// the open votes' session and kind (ADR 0052). Memory is only trusted as far as its stamp: the group commit checks it
/// against the database in the ballot's own transaction. The session's events (check-ins, proxies, state, across nodes
/// over the bus) drop a snapshot at once so the next ballot reads a fresh one instead of paying the stale round trip.
/// </summary>
public sealed class VotingSnapshots(IDbContextFactory<NoressDbContext> dbFactory, IEventBus bus, ILogger<VotingSnapshots> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<VotingSnapshot?>>> sessions = new();
    private readonly ConcurrentDictionary<Guid, OpenVote> votes = new();
    private readonly ConcurrentDictionary<Guid, IDisposable> subscriptions = new();

    /// <summary>
    /// Judges <paramref name="institutionId"/>'s ballot by <paramref name="userId"/> as <c>VoteService.CastAsync</c>'s full
    /// check does, in the same order, except "already voted", which the group commit answers. Null when memory cannot say
    /// (the vote's session is gone): the caller runs the full check.
    /// </summary>
    internal async Task<SnapshotJudgement?> JudgeAsync(Guid voteId, Guid institutionId, Guid? userId, CancellationToken ct)
    {
        if (!votes.TryGetValue(voteId, out var vote))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = await db.Set<Vote>().AsNoTracking().Where(v => v.Id == voteId)
                .Select(v => new { v.SessionId, v.Ballot, v.State }).SingleOrDefaultAsync(ct);
            if (row is null)
            {
                return new SnapshotJudgement("Error.NoOpenVote", Guid.Empty, BallotKind.Open, Guid.Empty);
            }

            if (row.State != VoteState.Open)
            {
                return new SnapshotJudgement("Error.VoteClosed", row.SessionId, row.Ballot, Guid.Empty);
            }

            vote = votes.GetOrAdd(voteId, new OpenVote(row.SessionId, row.Ballot));
        }

        if (vote.Closed)
        {
            return new SnapshotJudgement("Error.VoteClosed", vote.SessionId, vote.Ballot, Guid.Empty);
        }

        var snapshot = await GetAsync(vote.SessionId);
        if (snapshot is null)
        {
            return null;
        }

        var refusal = snapshot.VotingError(institutionId)
            ?? (userId is { } id ? snapshot.MandateError(id, institutionId) : "Error.NotRepresentative");
        return new SnapshotJudgement(refusal, vote.SessionId, vote.Ballot, snapshot.Stamp);
    }

    /// <summary>Takes <paramref name="sessionId"/>'s snapshot now (a vote opened), so the first ballots find it ready.</summary>
    public async Task WarmAsync(Guid sessionId)
    {
        try
        {
            await GetAsync(sessionId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first ballot will try again; the vote is open whatever happens here.
            logger.LogWarning(e, "The voting snapshot of session {SessionId} could not be taken", sessionId);
        }
    }

    /// <summary>Drops <paramref name="sessionId"/>'s snapshot if it is still the one stamped <paramref name="stamp"/> (found stale).</summary>
    internal void Forget(Guid sessionId, Guid stamp)
    {
        if (sessions.TryGetValue(sessionId, out var current)
            && current.IsValueCreated && current.Value.IsCompletedSuccessfully && current.Value.Result?.Stamp == stamp)
        {
            sessions.TryRemove(KeyValuePair.Create(sessionId, current));
        }
    }

    /// <summary>The vote is closed: memory refuses its ballots as the full check would (the commit refuses them anyway).</summary>
    internal void Closed(Guid voteId)
    {
        if (votes.TryGetValue(voteId, out var vote))
        {
            vote.Closed = true;
        }
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions.Values)
        {
            subscription.Dispose();
        }

        subscriptions.Clear();
    }

    private async Task<VotingSnapshot?> GetAsync(Guid sessionId)
    {
        Follow(sessionId);
        var lazy = sessions.GetOrAdd(sessionId, id => new Lazy<Task<VotingSnapshot?>>(() => LoadAsync(id)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed read is not kept: the next ballot tries again.
            sessions.TryRemove(KeyValuePair.Create(sessionId, lazy));
            throw;
        }
    }

    private async Task<VotingSnapshot?> LoadAsync(Guid sessionId)
    {
        // Shared by every ballot waiting for it, so no caller's cancellation applies.
        await using var db = await dbFactory.CreateDbContextAsync();
        return await VotingSnapshot.LoadAsync(db, sessionId, CancellationToken.None);
    }

    // Subscribed once per session and node: check-ins, proxies and state changes drop the snapshot; a closed vote is marked.
    private void Follow(Guid sessionId)
    {
        if (subscriptions.ContainsKey(sessionId))
        {
            return;
        }

        var subscription = bus.Subscribe(Topics.Session(sessionId), message =>
        {
            switch (message.Kind)
            {
                case SessionEvents.Attendance or SessionEvents.State:
                    sessions.TryRemove(sessionId, out _);
                    break;
                case SessionEvents.Vote when VoteSignal.Parse(message.Payload) is { State: VoteState.Closed } signal:
                    Closed(signal.VoteId);
                    break;
            }

            return Task.CompletedTask;
        });
        if (!subscriptions.TryAdd(sessionId, subscription))
        {
            subscription.Dispose();
        }
    }

    private sealed class OpenVote(Guid sessionId, BallotKind ballot)
    {
        public Guid SessionId { get; } = sessionId;

        public BallotKind Ballot { get; } = ballot;

        private volatile bool closed;

        public bool Closed
        {
            get => closed;
            set => closed = value;
        }
    }
}
