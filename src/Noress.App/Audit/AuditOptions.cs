namespace Noress.App.Audit;

/// <summary>The audit section: how checkpoints are signed and how often the chain is checked (ADR 0011).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Minimum length of <see cref="CheckpointKey"/> once decoded.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Base64 HMAC-SHA256 key that signs checkpoints, from a secret store or the environment, never the database.
    /// When empty, checkpoints are signed with ASP.NET Data Protection instead.
    /// </summary>
    public string? CheckpointKey { get; set; }

    /// <summary>Keys used before a rotation: checkpoints they signed still verify, new ones use <see cref="CheckpointKey"/>.</summary>
    public List<string> RetiredCheckpointKeys { get; set; } = [];

    /// <summary>Cron (Casablanca time) of the quick check: the entries after the latest checkpoint, then a new checkpoint. Empty: off.</summary>
    public string CheckpointSchedule { get; set; } = "*/5 * * * *";

    /// <summary>Cron (Casablanca time) of the full walk from the first entry. Empty: off.</summary>
    public string VerifySchedule { get; set; } = "17 * * * *";

    internal static byte[]? DecodeKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var length) && length >= MinimumKeyBytes ? bytes[..length] : null;
    }

    /// <summary>Null when valid; otherwise the reason, shown when the app refuses to start.</summary>
    internal string? Validate()
    {
        if (!string.IsNullOrWhiteSpace(CheckpointKey) && DecodeKey(CheckpointKey) is null)
        {
            return $"Audit:CheckpointKey must be base64 of at least {MinimumKeyBytes} random bytes (e.g. `openssl rand -base64 32`).";
        }

        return RetiredCheckpointKeys.Any(k => DecodeKey(k) is null)
            ? $"Every Audit:RetiredCheckpointKeys entry must be base64 of at least {MinimumKeyBytes} bytes."
            : null;
    }
}
