using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Noress.App.Audit;

/// <summary>Pure hashing and verification of the audit chain.</summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.UserId?.ToString() ?? string.Empty,
            entry.UserName ?? string.Empty,
            entry.EntityType,
            entry.EntityId,
            entry.Action.ToString(),
            entry.Changes,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Walks the entries in sequence order and returns the first one that breaks the chain
    /// (wrong hash, wrong previous hash, or a gap in the sequence), or null when intact.
    /// </summary>
    public static AuditChainBreak? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var verifier = new AuditChainVerifier();
        foreach (var entry in entriesInOrder)
        {
            if (verifier.Check(entry) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks the chain's head against the latest signed checkpoint: the checkpoint must be genuine, the chain must
    /// still reach the sequence it vouched for, and the entry there must carry the hash it recorded. Deleting the
    /// newest entries (which leaves an intact, shorter chain) is caught here and nowhere else.
    /// </summary>
    /// <param name="checkpoint">The latest checkpoint.</param>
    /// <param name="signatureValid">Whether its signature verifies with the platform's key.</param>
    /// <param name="verifiedHead">The last sequence found intact by walking the chain.</param>
    /// <param name="hashAtCheckpoint">The stored hash of the entry at the checkpoint's sequence, or null when it is gone.</param>
    public static AuditChainBreak? CheckAnchor(AuditCheckpoint checkpoint, bool signatureValid, long verifiedHead, string? hashAtCheckpoint)
    {
        if (!signatureValid)
        {
            return new AuditChainBreak(checkpoint.Sequence, AuditChainBreakReason.CheckpointForged);
        }

        if (checkpoint.Sequence == 0)
        {
            return null;
        }

        if (verifiedHead < checkpoint.Sequence || hashAtCheckpoint is null)
        {
            return new AuditChainBreak(checkpoint.Sequence, AuditChainBreakReason.Truncated);
        }

        return hashAtCheckpoint == checkpoint.Hash
            ? null
            : new AuditChainBreak(checkpoint.Sequence, AuditChainBreakReason.CheckpointMismatch);
    }

    /// <summary>
    /// The bytes a checkpoint's signature covers: a version tag and every field but the signature, joined with
    /// the unit separator like <see cref="ComputeHash"/>.
    /// </summary>
    public static string CheckpointPayload(AuditCheckpoint checkpoint) =>
        string.Join(
            '\u001f',
            "noress-audit-checkpoint-v1",
            checkpoint.Id.ToString(CultureInfo.InvariantCulture),
            checkpoint.Sequence.ToString(CultureInfo.InvariantCulture),
            checkpoint.Hash,
            checkpoint.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
}

/// <summary>
/// Verifies the chain one entry at a time, so a long trail can be read in batches. Feed entries in
/// sequence order starting from the first; the first break found is returned.
/// </summary>
public sealed class AuditChainVerifier
{
    private string expectedPrevious;
    private long expectedSequence;

    public AuditChainVerifier()
        : this(0, AuditChain.GenesisHash)
    {
    }

    /// <summary>Continues a chain known to be intact up to <paramref name="afterSequence"/>, whose hash is <paramref name="afterHash"/>.</summary>
    public AuditChainVerifier(long afterSequence, string afterHash)
    {
        expectedSequence = afterSequence + 1;
        expectedPrevious = afterHash;
    }

    /// <summary>The last sequence found intact so far (from genesis, the number of intact entries).</summary>
    public long Verified => expectedSequence - 1;

    /// <summary>The hash of the last intact entry, or the genesis hash.</summary>
    public string LastHash => expectedPrevious;

    public AuditChainBreak? Check(AuditEntry entry)
    {
        if (entry.Sequence != expectedSequence)
        {
            return new AuditChainBreak(expectedSequence, AuditChainBreakReason.MissingEntry);
        }

        if (entry.PreviousHash != expectedPrevious)
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.PreviousHashMismatch);
        }

        if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.ContentAltered);
        }

        expectedPrevious = entry.Hash;
        expectedSequence++;
        return null;
    }
}

public enum AuditChainBreakReason
{
    MissingEntry,
    PreviousHashMismatch,
    ContentAltered,

    /// <summary>The chain ends before the sequence a signed checkpoint vouched for: its newest entries were deleted.</summary>
    Truncated,

    /// <summary>The entry at a checkpoint's sequence no longer has the hash the checkpoint recorded (the tail was rewritten).</summary>
    CheckpointMismatch,

    /// <summary>The latest checkpoint's signature does not verify: it was not written by this platform.</summary>
    CheckpointForged,

    /// <summary>A checkpoint this node wrote or saw earlier has disappeared.</summary>
    CheckpointMissing,
}

public sealed record AuditChainBreak(long Sequence, AuditChainBreakReason Reason);
