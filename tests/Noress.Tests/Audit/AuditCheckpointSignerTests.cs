using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Noress.App.Audit;

namespace Noress.Tests.Audit;

public sealed class AuditCheckpointSignerTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private readonly EphemeralDataProtectionProvider dataProtection = new();

    [Fact]
    public void Sign_WithConfiguredKey_VerifiesAndIsAnHmac()
    {
        var signer = Signer(Key);
        var checkpoint = Signed(signer);

        Assert.True(signer.UsesConfiguredKey);
        Assert.StartsWith("hmac-sha256:", checkpoint.Signature, StringComparison.Ordinal);
        Assert.True(signer.IsValid(checkpoint));
    }

    [Theory]
    [InlineData("Sequence")]
    [InlineData("Hash")]
    [InlineData("Id")]
    [InlineData("CreatedAt")]
    public void IsValid_FieldChangedAfterSigning_IsFalse(string field)
    {
        var signer = Signer(Key);
        var checkpoint = Signed(signer);

        switch (field)
        {
            case "Sequence":
                checkpoint.Sequence--;
                break;
            case "Hash":
                checkpoint.Hash = new string('a', 64);
                break;
            case "Id":
                checkpoint.Id++;
                break;
            case "CreatedAt":
                checkpoint.CreatedAt = checkpoint.CreatedAt.AddMinutes(1);
                break;
        }

        Assert.False(signer.IsValid(checkpoint));
    }

    [Fact]
    public void IsValid_SignedWithAnotherKey_IsFalse()
    {
        var forged = Signed(Signer(OtherKey));

        Assert.False(Signer(Key).IsValid(forged));
    }

    [Fact]
    public void IsValid_SignedWithARetiredKey_IsTrue()
    {
        var old = Signed(Signer(OtherKey));

        Assert.True(Signer(Key, retired: OtherKey).IsValid(old));
    }

    [Fact]
    public void IsValid_KeyConfigured_RefusesADataProtectionSignature()
    {
        // Data Protection keys live in the database here: once a key is configured, they must not be enough to forge.
        var withDataProtection = Signed(Signer(null));

        Assert.False(Signer(Key).IsValid(withDataProtection));
    }

    [Fact]
    public void Sign_WithoutKey_UsesDataProtectionAndVerifies()
    {
        var signer = Signer(null);
        var checkpoint = Signed(signer);

        Assert.False(signer.UsesConfiguredKey);
        Assert.StartsWith("dp:", checkpoint.Signature, StringComparison.Ordinal);
        Assert.True(signer.IsValid(checkpoint));
        Assert.True(checkpoint.Signature.Length <= AuditCheckpointSigner.MaxSignatureLength);
        checkpoint.Sequence++;
        Assert.False(signer.IsValid(checkpoint));
    }

    [Theory]
    [InlineData("dp:not-a-protected-payload")]
    [InlineData("hmac-sha256:00")]
    [InlineData("")]
    public void IsValid_GarbageSignature_IsFalse(string signature)
    {
        var checkpoint = Checkpoint();
        checkpoint.Signature = signature;

        Assert.False(Signer(null).IsValid(checkpoint));
        Assert.False(Signer(Key).IsValid(checkpoint));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Constructor_KeyTooShortOrNotBase64_Throws(string key)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Signer(key));
        Assert.Contains("Audit:CheckpointKey", exception.Message, StringComparison.Ordinal);
    }

    private AuditCheckpointSigner Signer(string? key, string? retired = null) =>
        new(Options.Create(new AuditOptions { CheckpointKey = key, RetiredCheckpointKeys = retired is null ? [] : [retired] }), dataProtection);

    private static AuditCheckpoint Signed(AuditCheckpointSigner signer)
    {
        var checkpoint = Checkpoint();
        checkpoint.Signature = signer.Sign(checkpoint);
        return checkpoint;
    }

    private static AuditCheckpoint Checkpoint() => new()
    {
        Id = 3,
        Sequence = 1_204,
        Hash = Convert.ToHexStringLower(SHA256.HashData("head"u8)),
        CreatedAt = new DateTime(2026, 3, 18, 10, 0, 0, DateTimeKind.Utc),
        Signature = string.Empty,
    };
}
