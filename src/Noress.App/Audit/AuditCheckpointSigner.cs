using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Noress.App.Audit;

/// <summary>
/// Signs and checks checkpoints with a key the database does not hold: an HMAC key from configuration when one is
/// set, otherwise ASP.NET Data Protection (authenticated encryption of the payload, checked by decrypting it).
/// Once a key is configured only HMAC signatures are accepted, so a Data Protection key read from the database
/// cannot be used to forge a checkpoint.
/// </summary>
public sealed class AuditCheckpointSigner
{
    public const int MaxSignatureLength = 1024;

    private const string HmacPrefix = "hmac-sha256:";
    private const string DataProtectionPrefix = "dp:";

    private readonly byte[]? key;
    private readonly IReadOnlyList<byte[]> acceptedKeys;
    private readonly IDataProtector protector;

    public AuditCheckpointSigner(IOptions<AuditOptions> options, IDataProtectionProvider dataProtection)
    {
        var settings = options.Value;
        if (settings.Validate() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        key = AuditOptions.DecodeKey(settings.CheckpointKey);
        acceptedKeys = key is null ? [] : [key, .. settings.RetiredCheckpointKeys.Select(k => AuditOptions.DecodeKey(k)!)];
        protector = dataProtection.CreateProtector("Noress.Audit.Checkpoint.v1");
    }

    /// <summary>True when checkpoints are signed with <see cref="AuditOptions.CheckpointKey"/> rather than Data Protection.</summary>
    public bool UsesConfiguredKey => key is not null;

    public string Sign(AuditCheckpoint checkpoint)
    {
        var payload = AuditChain.CheckpointPayload(checkpoint);
        return key is not null
            ? HmacPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)))
            : DataProtectionPrefix + protector.Protect(payload);
    }

    public bool IsValid(AuditCheckpoint checkpoint)
    {
        var payload = AuditChain.CheckpointPayload(checkpoint);
        var signature = checkpoint.Signature;
        if (key is not null)
        {
            if (!signature.StartsWith(HmacPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            var given = signature[HmacPrefix.Length..];
            var data = Encoding.UTF8.GetBytes(payload);
            return acceptedKeys.Any(k => CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(k, data))),
                Encoding.ASCII.GetBytes(given)));
        }

        if (!signature.StartsWith(DataProtectionPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return string.Equals(protector.Unprotect(signature[DataProtectionPrefix.Length..]), payload, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
