using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>An update as a client sends it.</summary>
public sealed record IncomingUpdate(string ClientId, JsonElement Changes);

/// <summary>An accepted update; <see cref="Version"/> is the version it produced.</summary>
public sealed record AcceptedUpdate(int Version, string ClientId, Guid UserId, DateTime At, string ChangesJson, ChangeSet Changes);

public enum PushStatus
{
    Accepted,

    /// <summary>The base version is not current (or another node won the race): pull, rebase, push again.</summary>
    Stale,
    Malformed,
    UpdateTooLarge,
    DocumentTooLarge,
    NotFound,

    /// <summary>The rights the push was judged on changed before it was stored: judge it again (ADR 0056).</summary>
    RightsChanged,
}

/// <summary>
/// The answer to a push. <see cref="Accepted"/> are the updates it stored (to broadcast). <see cref="Since"/> is set
/// when the push was rebased: every update after its base version up to <see cref="Version"/>, its own in their
/// stored form, which the client applies in one go to converge (ADR 0046).
/// </summary>
public sealed record PushOutcome(PushStatus Status, int Version, IReadOnlyList<AcceptedUpdate> Accepted, IReadOnlyList<AcceptedUpdate>? Since = null);

/// <summary>The text and version of a document as the authority holds it.</summary>
public sealed record DocumentHead(int Version, string Text);

/// <summary>
/// The @codemirror/collab authority: per document, the current text and version in memory, each accepted update stored
/// (unique document and version) before it is acknowledged. A push on the current version is accepted as it is; the
/// editors' pushes on an older version are rebased over what was accepted since (<see cref="UpdateRebase"/>), while
/// the services' pushes (a restore, a form) are refused as stale. Pushes that arrive while a commit is in flight wait
/// at the document's gate and go into the next commit together (one transaction, one sync). Another node may store a
/// version first: the unique key refuses our rows, we load what it stored and rebase again (ADR 0046).
/// </summary>
public sealed partial class DocumentAuthority(
    IDbContextFactory<NoressDbContext> dbFactory,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<DocumentAuthority> logger,
    DocumentCommitLock? commitLock = null)
{
    // Lost races in a row before a commit gives up (each one means another node made progress).
    private const int MaxCommitAttempts = 64;

    // How far back the tie rule looks for who wrote a character.
    private const int MaxAuthorLookBack = 1024;

    private readonly ConcurrentDictionary<Guid, DocumentState> documents = new();
    private readonly DocumentOptions settings = options.Value;

    /// <summary>Accepts <paramref name="updates"/> made on <paramref name="baseVersion"/> only when it is current.</summary>
    /// <remarks>
    /// <c>rightsStamp</c>: the <see cref="DocumentRightsStamp"/> value read before the right to push was judged, when
    /// that judgement is a remembered one: the commit stores the push only if the value is still current (else
    /// <see cref="PushStatus.RightsChanged"/>). Null: judged on the database just now.
    /// </remarks>
    public Task<PushOutcome> PushAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, Guid? rightsStamp, CancellationToken cancellationToken = default) =>
        SubmitAsync(documentId, baseVersion, updates, userId, rebase: false, rightsStamp, cancellationToken);

    /// <summary>As above, judged on the database just now (a service's push).</summary>
    public Task<PushOutcome> PushAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, CancellationToken cancellationToken = default) =>
        SubmitAsync(documentId, baseVersion, updates, userId, rebase: false, rightsStamp: null, cancellationToken);

    /// <summary>
    /// Accepts <paramref name="updates"/> made on <paramref name="baseVersion"/>, rebased over the updates accepted since
    /// (those already accepted from an earlier copy of this push are dropped): the editors' push.
    /// </summary>
    /// <remarks><c>rightsStamp</c> as for <c>PushAsync</c>.</remarks>
    public Task<PushOutcome> PushRebasingAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, Guid? rightsStamp, CancellationToken cancellationToken = default) =>
        SubmitAsync(documentId, baseVersion, updates, userId, rebase: true, rightsStamp, cancellationToken);

    /// <summary>As above, judged on the database just now.</summary>
    public Task<PushOutcome> PushRebasingAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, CancellationToken cancellationToken = default) =>
        SubmitAsync(documentId, baseVersion, updates, userId, rebase: true, rightsStamp: null, cancellationToken);

    private async Task<PushOutcome> SubmitAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, bool rebase, Guid? rightsStamp, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(documentId, cancellationToken);
        if (state is null)
        {
            return new PushOutcome(PushStatus.NotFound, 0, []);
        }

        // What does not depend on the document is checked before queueing.
        var parsed = new ClientUpdate[updates.Count];
        var json = new string[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            if (update.Changes.ValueKind != JsonValueKind.Array || string.IsNullOrEmpty(update.ClientId) || update.ClientId.Length > 64)
            {
                return new PushOutcome(PushStatus.Malformed, state.Version, []);
            }

            json[i] = update.Changes.GetRawText();
            if (json[i].Length > settings.MaxUpdateLength)
            {
                return new PushOutcome(PushStatus.UpdateTooLarge, state.Version, []);
            }

            if (!ChangeSet.TryParse(update.Changes, out var changes))
            {
                return new PushOutcome(PushStatus.Malformed, state.Version, []);
            }

            parsed[i] = new ClientUpdate(update.ClientId, changes);
        }

        var request = new PushRequest(baseVersion, parsed, json, userId, rebase, rightsStamp);
        lock (state.Queue)
        {
            state.Queue.Add(request);
        }

        // Whoever holds the gate commits every queued push; ours may be done by the time we get it.
        try
        {
            await state.Gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (state.Queue)
            {
                // Not taken by a commit yet: it is never stored. Otherwise it is, as if its answer were lost.
                if (state.Queue.Remove(request))
                {
                    throw;
                }
            }

            return await request.Done.Task;
        }

        try
        {
            if (!request.Done.Task.IsCompleted)
            {
                await CommitQueuedAsync(state);
            }
        }
        finally
        {
            state.Gate.Release();
        }

        return await request.Done.Task;
    }

    // Places every queued push on the current version and stores them in one write; the caller holds the gate.
    private async Task CommitQueuedAsync(DocumentState state)
    {
        PushRequest[] group;
        lock (state.Queue)
        {
            group = [.. state.Queue];
            state.Queue.Clear();
        }

        try
        {
            group = await DropStaleRightsAsync(group);
            if (group.Length == 0)
            {
                return;
            }

            // Several nodes: the document's commits are taken in turn (ADR 0064); what the others stored is loaded first.
            await using var turn = commitLock is null ? null : await commitLock.AcquireAsync(state.Id, CancellationToken.None);
            if (turn is not null || group.Any(r => r.BaseVersion > state.Version))
            {
                // A client ahead of us learned a version from another node.
                await CatchUpAsync(state, CancellationToken.None);
            }

            var at = clock.GetUtcNow().UtcDateTime;
            var previousVersion = state.Version;
            for (var attempt = 1; ; attempt++)
            {
                var tentative = new List<AcceptedUpdate>();
                var outcomes = group.Select(r => Place(state, r, tentative, at)).ToArray();
                if (tentative.Count == 0 || await PersistAsync(state, tentative, CancellationToken.None))
                {
                    foreach (var update in tentative)
                    {
                        Apply(state, update);
                    }

                    for (var i = 0; i < group.Length; i++)
                    {
                        group[i].Done.TrySetResult(outcomes[i]);
                    }

                    break;
                }

                // Another node stored some of these versions: PersistAsync loaded its updates; place everything again.
                if (attempt >= MaxCommitAttempts)
                {
                    throw new InvalidOperationException($"Document {state.Id}: {attempt} commits in a row lost the race.");
                }
            }

            await SnapshotIfDueAsync(state, previousVersion, CancellationToken.None);
        }
        catch (Exception exception)
        {
            foreach (var request in group)
            {
                request.Done.TrySetException(exception);
            }
        }
    }

    // Pushes judged on remembered rights are stored only while those rights stand: one read of the stamp per group.
    // A change committed between this read and the write is ordered after the push, as with a check on the database.
    private async Task<PushRequest[]> DropStaleRightsAsync(PushRequest[] group)
    {
        if (!group.Any(r => r.RightsStamp is not null))
        {
            return group;
        }

        Guid current;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            current = await DocumentRightsStamp.ReadAsync(db, CancellationToken.None);
        }

        var kept = new List<PushRequest>(group.Length);
        foreach (var request in group)
        {
            if (request.RightsStamp is { } stamp && stamp != current)
            {
                request.Done.TrySetResult(new PushOutcome(PushStatus.RightsChanged, request.BaseVersion, []));
            }
            else
            {
                kept.Add(request);
            }
        }

        return [.. kept];
    }

    // The outcome of one push placed after the current version and the tentative updates of its group.
    private PushOutcome Place(DocumentState state, PushRequest request, List<AcceptedUpdate> tentative, DateTime at)
    {
        var version = state.Version + tentative.Count;
        var length = tentative.Count > 0 ? tentative[^1].Changes.NewLength : state.Text.Length;
        if (request.BaseVersion > version || (!request.Rebase && request.BaseVersion != version) || request.BaseVersion < state.LogStart)
        {
            // Ahead of every node (or too old to rebase from memory): the client pulls and rebases itself.
            return new PushOutcome(PushStatus.Stale, version, []);
        }

        var since = Since(state, request.BaseVersion, tentative);
        var expected = since.Count > 0 ? since[0].Changes.Length : length;
        foreach (var update in request.Updates)
        {
            // Each update applies to the document of the base version after the ones before it.
            if (update.Changes.Length != expected)
            {
                return new PushOutcome(PushStatus.Malformed, version, []);
            }

            expected = update.Changes.NewLength;
        }

        IReadOnlyList<ChangeSet> placed;
        var skipped = 0;
        if (since.Count == 0)
        {
            placed = [.. request.Updates.Select(u => u.Changes)];
        }
        else if (UpdateRebase.Rebase(request.Updates, since, position => InsertedBy(state, request.BaseVersion, position)) is { } rebased)
        {
            placed = rebased.Rebased;
            skipped = rebased.Skipped;
        }
        else
        {
            return new PushOutcome(PushStatus.Stale, version, []);
        }

        // Validate everything before placing anything: a refused push leaves the document as it was.
        var accepted = new AcceptedUpdate[placed.Count];
        for (var i = 0; i < placed.Count; i++)
        {
            var changes = placed[i];
            if (changes.Length != length)
            {
                return new PushOutcome(PushStatus.Malformed, version, []);
            }

            if (changes.NewLength > settings.MaxDocumentLength && changes.NewLength > length)
            {
                return new PushOutcome(PushStatus.DocumentTooLarge, version, []);
            }

            length = changes.NewLength;
            var source = request.Updates[skipped + i];
            var changesJson = ReferenceEquals(changes, source.Changes) ? request.Json[skipped + i] : changes.ToJson();
            accepted[i] = new AcceptedUpdate(version + i + 1, source.ClientId, request.UserId, at, changesJson, changes);
        }

        tentative.AddRange(accepted);
        var newVersion = version + accepted.Length;
        return since.Count == 0
            ? new PushOutcome(PushStatus.Accepted, newVersion, accepted)
            : new PushOutcome(PushStatus.Accepted, newVersion, accepted, [.. since, .. accepted]);
    }

    // The updates after `baseVersion`: from the in-memory log, then those placed earlier in this group.
    private static List<AcceptedUpdate> Since(DocumentState state, int baseVersion, List<AcceptedUpdate> tentative)
    {
        var since = new List<AcceptedUpdate>((state.Version - baseVersion) + tentative.Count);
        if (baseVersion < state.Version)
        {
            since.AddRange(state.Log.GetRange(baseVersion - state.LogStart, state.Version - baseVersion));
        }

        since.AddRange(tentative);
        return since;
    }

    // The client that inserted the character at `position` of the document at `version`, looked up in the log.
    private static string? InsertedBy(DocumentState state, int version, int position)
    {
        var stop = Math.Max(state.LogStart, version - MaxAuthorLookBack);
        for (var v = version; v > stop; v--)
        {
            var update = state.Log[v - state.LogStart - 1];
            if (!update.Changes.TryMapBack(position, out position))
            {
                return update.ClientId;
            }
        }

        return null;
    }

    /// <summary>Every accepted update after <paramref name="version"/>, in order (empty when the document is unknown).</summary>
    public async Task<IReadOnlyList<AcceptedUpdate>> PullAsync(Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(documentId, cancellationToken);
        if (state is null)
        {
            return [];
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(state, cancellationToken);
            if (version >= state.Version)
            {
                return [];
            }

            if (version >= state.LogStart)
            {
                return state.Log.GetRange(version - state.LogStart, state.Version - version).ToArray();
            }

            // The rows read below must include the batched ones.
            await FlushPendingAsync(state, cancellationToken);
        }
        finally
        {
            state.Gate.Release();
        }

        // Older than what memory keeps: the table has them all.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DocumentUpdates.AsNoTracking()
            .Where(u => u.DocumentId == documentId && u.Version > version)
            .OrderBy(u => u.Version)
            .ToListAsync(cancellationToken);
        return rows.Select(ToAccepted).ToArray();
    }

    /// <summary>The current text and version, caught up with what other nodes accepted; null when the document is unknown.</summary>
    public async Task<DocumentHead?> GetHeadAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(documentId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(state, cancellationToken);
            return new DocumentHead(state.Version, state.Text.ToString());
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Writes every batched row (<see cref="DocumentPersistenceMode.Batched"/>).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var state in documents.Values)
        {
            await state.Gate.WaitAsync(cancellationToken);
            try
            {
                await FlushPendingAsync(state, cancellationToken);
            }
            finally
            {
                state.Gate.Release();
            }
        }
    }

    /// <summary>Forgets the in-memory state (tests, or a deleted document); the next call reloads from the database.</summary>
    public void Evict(Guid documentId) => documents.TryRemove(documentId, out _);

    internal static AcceptedUpdate ToAccepted(DocumentUpdate row) =>
        new(row.Version, row.ClientId, row.UserId, row.At, row.ChangesJson, ChangeSet.Parse(row.ChangesJson));

    private async Task<DocumentState?> GetStateAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var state = documents.GetOrAdd(documentId, _ => new DocumentState());
        if (state.Loaded)
        {
            return state;
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (state.Loaded)
            {
                return state;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var snapshot = await db.DocumentSnapshots.AsNoTracking()
                .Where(s => s.DocumentId == documentId)
                .OrderByDescending(s => s.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (snapshot is null)
            {
                documents.TryRemove(documentId, out _);
                return null;
            }

            state.Id = documentId;
            // No gap until the first edit: a document open in pages where nobody types holds its text alone.
            state.Text = new TextBuffer(snapshot.Text, initialGap: 0);
            state.Version = snapshot.Version;
            state.LogStart = snapshot.Version;
            state.LastSnapshot = snapshot.Version;
            state.Loaded = true;
            await CatchUpAsync(state, cancellationToken);
            return state;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    // Applies what other nodes stored after our version; the caller holds the gate.
    private async Task CatchUpAsync(DocumentState state, CancellationToken cancellationToken)
    {
        if (settings.Persistence == DocumentPersistenceMode.Batched)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DocumentUpdates.AsNoTracking()
            .Where(u => u.DocumentId == state.Id && u.Version > state.Version)
            .OrderBy(u => u.Version)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            Apply(state, ToAccepted(row));
        }
    }

    private void Apply(DocumentState state, AcceptedUpdate update)
    {
        update.Changes.ApplyTo(state.Text);
        state.Version = update.Version;
        state.Log.Add(update);
        if (state.Log.Count > settings.InMemoryUpdates)
        {
            var drop = state.Log.Count / 2;
            state.Log.RemoveRange(0, drop);
            state.LogStart += drop;
        }
    }

    // False when another node stored one of these versions first.
    private async Task<bool> PersistAsync(DocumentState state, List<AcceptedUpdate> accepted, CancellationToken cancellationToken)
    {
        var rows = accepted.Select(u => new DocumentUpdate
        {
            DocumentId = state.Id,
            Version = u.Version,
            ClientId = u.ClientId,
            UserId = u.UserId,
            At = u.At,
            ChangesJson = u.ChangesJson,
        });
        if (settings.Persistence == DocumentPersistenceMode.Batched)
        {
            state.Pending.AddRange(rows);
            if (state.Pending.Count >= settings.BatchSize)
            {
                WriteInBackground(state);
            }

            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            // Committed before the caller acknowledges the push.
            await DocumentUpdateWriter.WriteAsync(db, [.. rows], cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // Most likely the unique (document, version) key: another node won. Load what it stored; when nothing new
            // is there, the failure was something else and it surfaces.
            LogPushLost(logger, state.Id, accepted[0].Version, exception.InnerException?.Message ?? exception.Message);
            var before = state.Version;
            await CatchUpAsync(state, cancellationToken);
            if (state.Version == before)
            {
                throw;
            }

            return false;
        }
    }

    // Hands a full batch to a writer that runs beside the next pushes (batched mode: a second core stores while the
    // first applies); batches are written one after another, in version order. The caller holds the gate.
    private void WriteInBackground(DocumentState state)
    {
        var rows = state.Pending.ToArray();
        var snapshots = state.PendingSnapshots.ToArray();
        state.Pending.Clear();
        state.PendingSnapshots.Clear();
        var previous = state.Writing;
        state.Writing = Task.Run(async () =>
        {
            await previous;
            await WriteRowsAsync(rows, snapshots, CancellationToken.None);
        });
    }

    // Waits for the background writes, then stores what is still pending; their failure surfaces here.
    private async Task FlushPendingAsync(DocumentState state, CancellationToken cancellationToken)
    {
        await state.Writing;
        if (state.Pending.Count == 0 && state.PendingSnapshots.Count == 0)
        {
            return;
        }

        await WriteRowsAsync(state.Pending, state.PendingSnapshots, cancellationToken);
        state.Pending.Clear();
        state.PendingSnapshots.Clear();
    }

    private async Task WriteRowsAsync(IReadOnlyList<DocumentUpdate> rows, IReadOnlyList<DocumentSnapshot> snapshots, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await DocumentUpdateWriter.WriteAsync(db, rows, cancellationToken);
        if (snapshots.Count > 0)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.DocumentSnapshots.AddRange(snapshots);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task SnapshotIfDueAsync(DocumentState state, int previousVersion, CancellationToken cancellationToken)
    {
        var interval = settings.SnapshotInterval;
        if (interval <= 0 || state.Version / interval == previousVersion / interval)
        {
            return;
        }

        var snapshot = new DocumentSnapshot { DocumentId = state.Id, Version = state.Version, Text = state.Text.ToString() };
        state.LastSnapshot = state.Version;
        if (settings.Persistence == DocumentPersistenceMode.Batched)
        {
            state.PendingSnapshots.Add(snapshot);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.DocumentSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var version = state.Version;
            await db.Documents.Where(d => d.Id == state.Id && d.CurrentVersion < version)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CurrentVersion, version), cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // A snapshot only speeds loading up; the updates are already stored.
            LogSnapshotFailed(logger, state.Id, state.Version, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push on document {DocumentId} for version {Version} lost the race: {Reason}")]
    private static partial void LogPushLost(ILogger logger, Guid documentId, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of document {DocumentId} at version {Version} failed: {Reason}")]
    private static partial void LogSnapshotFailed(ILogger logger, Guid documentId, int version, string reason);

    private sealed class PushRequest(int baseVersion, ClientUpdate[] updates, string[] json, Guid userId, bool rebase, Guid? rightsStamp)
    {
        public Guid? RightsStamp { get; } = rightsStamp;

        public int BaseVersion { get; } = baseVersion;

        public ClientUpdate[] Updates { get; } = updates;

        public string[] Json { get; } = json;

        public Guid UserId { get; } = userId;

        public bool Rebase { get; } = rebase;

        public TaskCompletionSource<PushOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class DocumentState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile bool Loaded;

        public Guid Id { get; set; }

        public TextBuffer Text { get; set; } = new(string.Empty);

        public int Version { get; set; }

        /// <summary>The version before the first update in <see cref="Log"/>.</summary>
        public int LogStart { get; set; }

        public int LastSnapshot { get; set; }

        public List<AcceptedUpdate> Log { get; } = [];

        public List<DocumentUpdate> Pending { get; } = [];

        public List<DocumentSnapshot> PendingSnapshots { get; } = [];

        /// <summary>Pushes waiting for the next commit (group commit).</summary>
        public List<PushRequest> Queue { get; } = [];

        /// <summary>The background writes of full batches (batched mode), chained in version order.</summary>
        public Task Writing { get; set; } = Task.CompletedTask;
    }
}
