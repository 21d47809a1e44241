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
}

public sealed record PushOutcome(PushStatus Status, int Version, IReadOnlyList<AcceptedUpdate> Accepted);

/// <summary>The text and version of a document as the authority holds it.</summary>
public sealed record DocumentHead(int Version, string Text);

/// <summary>
/// The @codemirror/collab authority: per document, the current text and version in memory, a push accepted only
/// on the current version, each accepted update stored (unique document and version) before it is acknowledged.
/// Another node may have accepted a version first: the unique key refuses our row, we catch up from the database
/// and the client pulls.
/// </summary>
public sealed partial class DocumentAuthority(
    IDbContextFactory<NoressDbContext> dbFactory,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<DocumentAuthority> logger)
{
    private readonly ConcurrentDictionary<Guid, DocumentState> documents = new();
    private readonly DocumentOptions settings = options.Value;

    /// <summary>Accepts <paramref name="updates"/> made on <paramref name="baseVersion"/> when it is current.</summary>
    public async Task<PushOutcome> PushAsync(Guid documentId, int baseVersion, IReadOnlyList<IncomingUpdate> updates, Guid userId, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(documentId, cancellationToken);
        if (state is null)
        {
            return new PushOutcome(PushStatus.NotFound, 0, []);
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (baseVersion != state.Version)
            {
                return new PushOutcome(PushStatus.Stale, state.Version, []);
            }

            // Validate everything before touching anything: a malformed update leaves the document as it was.
            var parsed = new ChangeSet[updates.Count];
            var json = new string[updates.Count];
            var length = state.Text.Length;
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

                if (!ChangeSet.TryParse(update.Changes, out parsed[i]) || parsed[i].Length != length)
                {
                    return new PushOutcome(PushStatus.Malformed, state.Version, []);
                }

                length = parsed[i].NewLength;
                if (length > settings.MaxDocumentLength && length > state.Text.Length)
                {
                    return new PushOutcome(PushStatus.DocumentTooLarge, state.Version, []);
                }
            }

            var at = clock.GetUtcNow().UtcDateTime;
            var accepted = new AcceptedUpdate[updates.Count];
            for (var i = 0; i < updates.Count; i++)
            {
                accepted[i] = new AcceptedUpdate(state.Version + i + 1, updates[i].ClientId, userId, at, json[i], parsed[i]);
            }

            if (!await PersistAsync(state, accepted, cancellationToken))
            {
                return new PushOutcome(PushStatus.Stale, state.Version, []);
            }

            foreach (var update in accepted)
            {
                Apply(state, update);
            }

            await SnapshotIfDueAsync(state, baseVersion, cancellationToken);
            return new PushOutcome(PushStatus.Accepted, state.Version, accepted);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// The version this node holds in memory, without any database read; null when the document is not loaded. Other
    /// nodes may be ahead, never behind: a push on an older version is surely stale.
    /// </summary>
    public int? LoadedVersion(Guid documentId) =>
        documents.TryGetValue(documentId, out var state) && state.Loaded ? state.Version : null;

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
            state.Text = new TextBuffer(snapshot.Text);
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
    private async Task<bool> PersistAsync(DocumentState state, AcceptedUpdate[] accepted, CancellationToken cancellationToken)
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
            // Most likely the unique (document, version) key: another node won. Catch up so the pull sees its update.
            LogPushLost(logger, state.Id, accepted[0].Version, exception.InnerException?.Message ?? exception.Message);
            await CatchUpAsync(state, cancellationToken);
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

        /// <summary>The background writes of full batches (batched mode), chained in version order.</summary>
        public Task Writing { get; set; } = Task.CompletedTask;
    }
}
