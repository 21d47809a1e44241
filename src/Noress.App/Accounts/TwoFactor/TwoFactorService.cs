using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Authenticator enrolment for the signed-in person. Every change refreshes the sign-in cookie so
/// the two-factor claim, and the security stamp it carries, stay current.
/// </summary>
public sealed partial class TwoFactorService(
    UserManager<NoressUser> users,
    SignInManager<NoressUser> signIn,
    ILogger<TwoFactorService> logger)
{
    public const string Issuer = "NORESS";

    private const int RecoveryCodeCount = 10;

    public async Task<TwoFactorState> GetStateAsync(NoressUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        return new TwoFactorState(
            user.TwoFactorEnabled,
            key,
            TwoFactorRules.AuthenticatorUri(Issuer, user.Email ?? user.UserName ?? user.Id.ToString(), key),
            await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>Enables two-factor when the code matches; returns the recovery codes to show once, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(NoressUser user, string code)
    {
        var cleaned = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            LogEnrolmentCodeRejected(logger, user.Id);
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        LogEnabled(logger, user.Id);
        return codes;
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(NoressUser user)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        LogRecoveryCodesRegenerated(logger, user.Id);
        return codes;
    }

    public async Task DisableAsync(NoressUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        LogDisabled(logger, user.Id);
    }

    /// <summary>New key (the old authenticator stops working) and enrolment starts over.</summary>
    public async Task ResetAsync(NoressUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        LogReset(logger, user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor enabled for user {UserId}")]
    private static partial void LogEnabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Two-factor enrolment code rejected for user {UserId}")]
    private static partial void LogEnrolmentCodeRejected(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery codes regenerated for user {UserId}")]
    private static partial void LogRecoveryCodesRegenerated(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor disabled for user {UserId}")]
    private static partial void LogDisabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authenticator reset for user {UserId}")]
    private static partial void LogReset(ILogger logger, Guid userId);
}

public sealed record TwoFactorState(bool Enabled, string SharedKey, string AuthenticatorUri, int RecoveryCodesLeft);
