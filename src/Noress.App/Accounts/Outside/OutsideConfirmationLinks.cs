using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Noress.App.Accounts.Outside;

/// <summary>
/// The e-mail confirmation token: the account, its address and an expiry, sealed by Data Protection (authenticated
/// encryption with the platform's shared keys), so it can be neither forged nor altered nor read. The expiry is
/// judged by the injected clock, not by Data Protection's, so tests can move time (ADR 0038).
/// </summary>
public sealed class OutsideConfirmationLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a confirmation link stays good.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    public const string Path = "Account/ConfirmInitiative";

    private readonly IDataProtector protector = protection.CreateProtector("Noress.Accounts.Outside.Confirmation.v1");

    public string Issue(Guid userId, string normalizedEmail)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        return protector.Protect(string.Join('|', userId.ToString("N"), normalizedEmail, expires.Ticks.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>What a token says, or why it is refused.</summary>
    public ConfirmationToken Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return ConfirmationToken.Invalid;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return ConfirmationToken.Invalid;
        }
        catch (FormatException)
        {
            return ConfirmationToken.Invalid;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return ConfirmationToken.Invalid;
        }

        var expired = clock.GetUtcNow().UtcDateTime >= new DateTime(ticks, DateTimeKind.Utc);
        return new ConfirmationToken(expired ? ConfirmationTokenState.Expired : ConfirmationTokenState.Valid, userId, parts[1]);
    }
}

public enum ConfirmationTokenState
{
    Invalid,
    Expired,
    Valid,
}

public sealed record ConfirmationToken(ConfirmationTokenState State, Guid UserId, string NormalizedEmail)
{
    public static readonly ConfirmationToken Invalid = new(ConfirmationTokenState.Invalid, Guid.Empty, string.Empty);
}
