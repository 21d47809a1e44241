namespace Noress.App.Audit;

/// <summary>
/// One append-only row of the audit trail. <see cref="Hash"/> covers this row's content and
/// <see cref="PreviousHash"/>, so editing or deleting any row breaks the chain after it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1-based, unique: two writers racing for the same slot cannot both win.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object: property name to { "old": ..., "new": ... }.</summary>
    public required string Changes { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
