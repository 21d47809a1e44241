namespace Noress.App.Documents;

public enum DocumentPersistenceMode
{
    /// <summary>Every accepted push is stored before it is acknowledged (the app).</summary>
    Immediate,

    /// <summary>Rows are written in batches (<see cref="DocumentOptions.BatchSize"/>) or on flush: replay and benchmarks only.</summary>
    Batched,
}

/// <summary>The <c>Documents</c> configuration section: limits and persistence.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Maximum document length in UTF-16 code units (about 1 MB).</summary>
    public int MaxDocumentLength { get; set; } = 1_000_000;

    /// <summary>Maximum size of one update's ChangeSet JSON, in characters.</summary>
    public int MaxUpdateLength { get; set; } = 64 * 1024;

    /// <summary>Updates per second per person (token bucket refill); the bucket holds twice as many for bursts.</summary>
    public int UpdatesPerSecond { get; set; } = 20;

    /// <summary>A snapshot of the whole text is stored every this many versions.</summary>
    public int SnapshotInterval { get; set; } = 100;

    /// <summary>Accepted updates kept in memory per document for pulls and anchor mapping.</summary>
    public int InMemoryUpdates { get; set; } = 4096;

    public DocumentPersistenceMode Persistence { get; set; } = DocumentPersistenceMode.Immediate;

    public int BatchSize { get; set; } = 1000;
}
