using Noress.App.Audit;

namespace Noress.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void ComputeHash_SameContent_IsStableAcrossCallsAndRuns()
    {
        var entry = Entry(1, AuditChain.GenesisHash);

        // Fixed value: a change to the canonical form would silently invalidate every stored chain.
        Assert.Equal(AuditChain.ComputeHash(entry), AuditChain.ComputeHash(Entry(1, AuditChain.GenesisHash)));
        Assert.Equal(KnownHash, AuditChain.ComputeHash(entry));
    }

    [Theory]
    [InlineData("Changes")]
    [InlineData("UserName")]
    [InlineData("OccurredAt")]
    [InlineData("EntityId")]
    [InlineData("Action")]
    public void ComputeHash_AnyFieldChanged_ChangesTheHash(string field)
    {
        var entry = Entry(1, AuditChain.GenesisHash);
        var original = AuditChain.ComputeHash(entry);

        switch (field)
        {
            case "Changes":
                entry.Changes = "{}";
                break;
            case "UserName":
                entry.UserName = "someone-else";
                break;
            case "OccurredAt":
                entry.OccurredAt = entry.OccurredAt.AddTicks(10);
                break;
            case "EntityId":
                entry.EntityId = "other";
                break;
            case "Action":
                entry.Action = AuditAction.Delete;
                break;
        }

        Assert.NotEqual(original, AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void Verify_IntactChain_ReturnsNull()
    {
        Assert.Null(AuditChain.Verify(Chain(5)));
    }

    [Fact]
    public void Verify_EmptyChain_ReturnsNull()
    {
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Verify_ContentAltered_NamesThatEntry()
    {
        var chain = Chain(5);
        chain[2].Changes = "{\"Name\":{\"old\":\"a\",\"new\":\"forged\"}}";

        Assert.Equal(new AuditChainBreak(3, AuditChainBreakReason.ContentAltered), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EntryRemoved_NamesTheMissingSequence()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(new AuditChainBreak(2, AuditChainBreakReason.MissingEntry), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EntryRehashedAfterEdit_BreaksAtTheNextLink()
    {
        var chain = Chain(5);
        chain[1].Changes = "{}";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);

        Assert.Equal(new AuditChainBreak(3, AuditChainBreakReason.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verifier_CountsIntactEntriesBeforeTheBreak()
    {
        var chain = Chain(4);
        chain[3].UserName = "intruder";
        var verifier = new AuditChainVerifier();

        var breaks = chain.Select(verifier.Check).ToList();

        Assert.Equal(3, verifier.Verified);
        Assert.Equal(new AuditChainBreak(4, AuditChainBreakReason.ContentAltered), breaks[3]);
    }

    [Fact]
    public void Verify_NewestEntriesRemoved_IsIntactWithoutAnAnchor()
    {
        // Why checkpoints exist: a shorter chain is a perfectly valid chain.
        var chain = Chain(5);
        chain.RemoveRange(3, 2);

        Assert.Null(AuditChain.Verify(chain));
    }

    [Fact]
    public void CheckAnchor_ChainEndsBeforeTheCheckpoint_ReportsTruncated()
    {
        var chain = Chain(5);
        var checkpoint = Checkpoint(chain[4]);

        var broken = AuditChain.CheckAnchor(checkpoint, signatureValid: true, verifiedHead: 3, hashAtCheckpoint: null);

        Assert.Equal(new AuditChainBreak(5, AuditChainBreakReason.Truncated), broken);
    }

    [Fact]
    public void CheckAnchor_TailRewrittenPastTheCheckpoint_ReportsMismatch()
    {
        var chain = Chain(5);
        var checkpoint = Checkpoint(chain[3]);
        var rewritten = Entry(4, chain[2].Hash);
        rewritten.EntityId = "forged";
        rewritten.Hash = AuditChain.ComputeHash(rewritten);

        var broken = AuditChain.CheckAnchor(checkpoint, signatureValid: true, verifiedHead: 6, hashAtCheckpoint: rewritten.Hash);

        Assert.Equal(new AuditChainBreak(4, AuditChainBreakReason.CheckpointMismatch), broken);
    }

    [Fact]
    public void CheckAnchor_InvalidSignature_ReportsForgedBeforeAnythingElse()
    {
        var chain = Chain(3);

        var broken = AuditChain.CheckAnchor(Checkpoint(chain[2]), signatureValid: false, verifiedHead: 3, hashAtCheckpoint: chain[2].Hash);

        Assert.Equal(new AuditChainBreak(3, AuditChainBreakReason.CheckpointForged), broken);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void CheckAnchor_ChainAtOrBeyondTheCheckpointWithItsHash_IsIntact(long head)
    {
        var chain = Chain(3);

        Assert.Null(AuditChain.CheckAnchor(Checkpoint(chain[2]), signatureValid: true, verifiedHead: head, hashAtCheckpoint: chain[2].Hash));
    }

    [Fact]
    public void Verifier_FromACheckpoint_ChecksOnlyWhatFollows()
    {
        var chain = Chain(6);
        var verifier = new AuditChainVerifier(3, chain[2].Hash);

        var breaks = chain.Skip(3).Select(verifier.Check).ToList();

        Assert.All(breaks, Assert.Null);
        Assert.Equal(6, verifier.Verified);
        Assert.Equal(chain[5].Hash, verifier.LastHash);
    }

    [Fact]
    public void Verifier_FromACheckpoint_EntryChainedToAnotherHead_IsABreak()
    {
        var chain = Chain(6);
        var verifier = new AuditChainVerifier(3, new string('f', 64));

        Assert.Equal(new AuditChainBreak(4, AuditChainBreakReason.PreviousHashMismatch), verifier.Check(chain[3]));
    }

    [Fact]
    public void CheckpointPayload_CoversEveryFieldButTheSignature()
    {
        var checkpoint = Checkpoint(Chain(2)[1]);
        var payload = AuditChain.CheckpointPayload(checkpoint);

        checkpoint.Signature = "anything";
        Assert.Equal(payload, AuditChain.CheckpointPayload(checkpoint));
        Assert.NotEqual(payload, AuditChain.CheckpointPayload(Checkpoint(Chain(2)[1], id: 8)));
        Assert.NotEqual(payload, AuditChain.CheckpointPayload(Checkpoint(Chain(3)[2])));
        var later = Checkpoint(Chain(2)[1]);
        later.CreatedAt = later.CreatedAt.AddTicks(10);
        Assert.NotEqual(payload, AuditChain.CheckpointPayload(later));
    }

    internal static AuditCheckpoint Checkpoint(AuditEntry head, long id = 7) => new()
    {
        Id = id,
        Sequence = head.Sequence,
        Hash = head.Hash,
        CreatedAt = new DateTime(2026, 3, 18, 10, 0, 0, DateTimeKind.Utc),
        Signature = string.Empty,
    };

    private const string KnownHash = "7d5cbaff0e698e871ae7894cdc8f5728e68070611b075e65b9c15b0b9ecf4394";

    internal static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var entry = Entry(sequence, previous);
            chain.Add(entry);
            previous = entry.Hash;
        }

        return chain;
    }

    private static AuditEntry Entry(long sequence, string previousHash)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = new DateTime(2026, 3, 18, 9, 30, 0, DateTimeKind.Utc).AddMinutes(sequence),
            UserId = new Guid("5f2b9c1e-0000-4000-8000-000000000001"),
            UserName = "secretariat@noress.demo",
            EntityType = "Institution",
            EntityId = $"id-{sequence}",
            Action = AuditAction.Update,
            Changes = "{\"Name\":{\"old\":\"a\",\"new\":\"b\"}}",
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        return entry;
    }
}
