namespace Noress.App.Audit;

/// <summary>
/// A signed record of the chain's head (its sequence and hash) at one moment, kept outside the audit table.
/// The signing key is not in the database, so someone who deletes the newest audit rows cannot write a
/// checkpoint that matches the shorter chain (ADR 0011).
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>1-based and app-assigned: two nodes writing a checkpoint at once cannot both win the same number.</summary>
    public long Id { get; set; }

    /// <summary>The chain's head sequence when the checkpoint was written (0 for an empty chain).</summary>
    public long Sequence { get; set; }

    /// <summary>The hash of the entry at <see cref="Sequence"/>.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Over <see cref="AuditChain.CheckpointPayload"/>; see <see cref="AuditCheckpointSigner"/>.</summary>
    public required string Signature { get; set; }
}

/// <summary>
/// The outcome of the latest verification and which break administrators were told about; a single row
/// (<see cref="SingletonId"/>), so every node reads the same status and one conditional update decides who alerts.
/// </summary>
public sealed class AuditWatch
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public DateTime? LastRunAt { get; set; }

    /// <summary>Whether the last run walked the whole chain or only what followed the latest checkpoint.</summary>
    public bool LastRunWasFull { get; set; }

    /// <summary>The last sequence the last run found intact.</summary>
    public long LastVerified { get; set; }

    public long? LastBreakSequence { get; set; }

    public AuditChainBreakReason? LastBreakReason { get; set; }

    /// <summary>The sequence of the break administrators were last alerted about; null once the chain is intact.</summary>
    public long? AlertedBreakSequence { get; set; }

    public DateTime? AlertedAt { get; set; }
}
