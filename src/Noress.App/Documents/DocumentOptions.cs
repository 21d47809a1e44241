namespace Noress.App.Documents;

public enum DocumentPersistenceMode
{
    /// <summary>Every accepted push is stored before it is acknowledged (the app).</summary>
    Immediate,

    /// <summary>Rows are written in batches (<see cref="DocumentOptions.BatchSize"/>) or on flush: replay and benchmarks only.</summary>
    Batched,
}

/// <summary>The <c>Documents</c> configuration section: limits, connection timing and persistence (ADR 0010).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Maximum document length in UTF-16 code units (about 1 MB).</summary>
    public int MaxDocumentLength { get; set; } = 1_000_000;

    /// <summary>
    /// Maximum size of one update's ChangeSet JSON, in characters: a paste as long as the longest document, plus
    /// the JSON's quotes and line splits.
    /// </summary>
    public int MaxUpdateLength { get; set; } = 1_200_000;

    /// <summary>
    /// Largest message the document hub reads, in bytes (SignalR's MaximumReceiveMessageSize for that hub only). It
    /// must hold the largest update (up to 3 UTF-8 bytes per character) with the call around it.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most updates in one push; the editor sends a longer backlog in several pushes.</summary>
    public int MaxUpdatesPerPush { get; set; } = 100;

    /// <summary>Pushes (and suggestions) per second per person (token bucket refill); bursts up to twice as many.</summary>
    public int PushesPerSecond { get; set; } = 20;

    /// <summary>
    /// Bytes of changes per second per person; bursts up to twice as many. A push is let through while the person's
    /// allowance is positive, so one large paste always goes (and the next pushes wait for it to be paid back).
    /// </summary>
    public int PushBytesPerSecond { get; set; } = 512 * 1024;

    /// <summary>How often the hub pings an idle connection, in seconds; the editor's server timeout is three times this.</summary>
    public int KeepAliveSeconds { get; set; } = 10;

    /// <summary>How long the hub waits without hearing from an editor before closing its connection, in seconds.</summary>
    public int ClientTimeoutSeconds { get; set; } = 30;

    /// <summary>A snapshot of the whole text is stored every this many versions.</summary>
    public int SnapshotInterval { get; set; } = 100;

    /// <summary>Accepted updates kept in memory per document for pulls and anchor mapping.</summary>
    public int InMemoryUpdates { get; set; } = 4096;

    /// <summary>
    /// How long accepted updates wait to be sent together to the document's editors, in milliseconds: one message
    /// per tick per editor instead of one per push (0: each push's updates are sent at once, in their own message).
    /// </summary>
    public int BroadcastTickMilliseconds { get; set; } = 5;

    /// <summary>
    /// The tick grows by one <see cref="BroadcastTickMilliseconds"/> per this many editors of the document on the
    /// node (0: a fixed tick), so that the messages a node sends per second stay bounded as the room grows (ADR 0060).
    /// </summary>
    public int BroadcastEditorsPerTick { get; set; } = 50;

    /// <summary>
    /// The editors' pushes on an old version are rebased by the authority (ADR 0046). False answers them stale, the
    /// protocol before it: kept only to compare the two in the benchmark on the same machine.
    /// </summary>
    public bool RebaseStalePushes { get; set; } = true;

    public DocumentPersistenceMode Persistence { get; set; } = DocumentPersistenceMode.Immediate;

    public int BatchSize { get; set; } = 1000;

    /// <summary>The editor's server timeout: three keep-alives may be lost before it calls the connection dead.</summary>
    public int ServerTimeoutSeconds => KeepAliveSeconds * 3;

    /// <summary>Why these settings cannot work together, or null.</summary>
    public string? Problem()
    {
        if (MaxDocumentLength <= 0 || MaxUpdateLength <= 0 || MaxUpdatesPerPush <= 0 || PushesPerSecond <= 0 || PushBytesPerSecond <= 0)
        {
            return "Documents: lengths, MaxUpdatesPerPush, PushesPerSecond and PushBytesPerSecond must be positive.";
        }

        if (MaxMessageBytes < (3L * MaxUpdateLength) + MessageEnvelopeBytes)
        {
            return $"Documents:MaxMessageBytes ({MaxMessageBytes}) must hold the largest update: at least 3 × MaxUpdateLength + {MessageEnvelopeBytes}.";
        }

        if (BroadcastTickMilliseconds is < 0 or > 1000)
        {
            return "Documents:BroadcastTickMilliseconds must be between 0 and 1000.";
        }

        if (BroadcastEditorsPerTick < 0)
        {
            return "Documents:BroadcastEditorsPerTick must be 0 or more.";
        }

        if (KeepAliveSeconds <= 0 || ClientTimeoutSeconds < 2 * KeepAliveSeconds)
        {
            return "Documents:ClientTimeoutSeconds must be at least twice Documents:KeepAliveSeconds (and both positive).";
        }

        return null;
    }

    /// <summary>Room for the call around the updates (method name, ids, version, client ids) in one message.</summary>
    public const int MessageEnvelopeBytes = 16 * 1024;
}
