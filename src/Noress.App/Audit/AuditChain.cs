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
}

/// <summary>
/// Verifies the chain one entry at a time, so a long trail can be read in batches. Feed entries in
/// sequence order starting from the first; the first break found is returned.
/// </summary>
public sealed class AuditChainVerifier
{
    private string expectedPrevious = AuditChain.GenesisHash;
    private long expectedSequence = 1;

    /// <summary>How many entries have been found intact so far.</summary>
    public long Verified => expectedSequence - 1;

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
}

public sealed record AuditChainBreak(long Sequence, AuditChainBreakReason Reason);
