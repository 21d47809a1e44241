using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Shared.Operations;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Authenticator enrolment (ADR 0023 shape): the signed-in person manages their own, an administrator may reset
/// someone else's (a lost phone). Every change to one's own refreshes the sign-in cookie so the two-factor claim,
/// and the security stamp it carries, stay current; a refused change has written nothing.
/// </summary>
public sealed partial class TwoFactorService(
    UserManager<NoressUser> users,
    SignInManager<NoressUser> signIn,
    NoressDbContext identityDb,
    IOptionsMonitor<AccountOptions> options,
    Refusals<AccountsText> refuse,
    ILogger<TwoFactorService> logger)
{
    public const string Issuer = "NORESS";

    private const int RecoveryCodeCount = 10;

    /// <summary>The caller's enrolment (creating their authenticator key the first time); null when the caller is no active account.</summary>
    public async Task<TwoFactorState?> GetStateAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        cancellationToken.ThrowIfCancellationRequested();
        if (await users.GetUserAsync(caller) is not { IsActive: true } user)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: the cookie is refreshed or the session would end within a minute.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        return new TwoFactorState(
            user.Id,
            user.TwoFactorEnabled,
            key,
            TwoFactorRules.AuthenticatorUri(Issuer, user.Email ?? user.UserName ?? user.Id.ToString(), key),
            await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>Enables two-factor when the code matches the caller's authenticator; done with the recovery codes to show once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(ClaimsPrincipal caller, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var user = await RequireCallerAsync(caller, cancellationToken);
        if (user.TwoFactorEnabled)
        {
            return refuse["TwoFactor.AlreadyEnabled"];
        }

        var cleaned = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            LogEnrolmentCodeRejected(logger, user.Id);
            return refuse["TwoFactor.InvalidCode"];
        }

        // Identity saves once per call: switching on and storing the codes are one transaction.
        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        var codes = enabled.Succeeded ? (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() : null;
        if (codes is null)
        {
            return await ChangedMeanwhileAsync(transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        LogEnabled(logger, user.Id);
        return Outcome<IReadOnlyList<string>>.Done(codes);
    }

    /// <summary>Replaces the caller's recovery codes (the old ones stop working); done with the new ones to show once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var user = await RequireCallerAsync(caller, cancellationToken);
        if (!user.TwoFactorEnabled)
        {
            return refuse["TwoFactor.NotEnabled"];
        }

        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        if ((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() is not { } codes)
        {
            return await ChangedMeanwhileAsync(transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        LogRecoveryCodesRegenerated(logger, user.Id);
        return Outcome<IReadOnlyList<string>>.Done(codes);
    }

    /// <summary>Switches the caller's two-factor off, unless their role requires it.</summary>
    public async Task<Outcome<Guid>> DisableAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var user = await RequireCallerAsync(caller, cancellationToken);
        if (!user.TwoFactorEnabled)
        {
            return refuse["TwoFactor.NotEnabled"];
        }

        if (!TwoFactorRules.MayDisable(caller, options.CurrentValue.RequireTwoFactorForStaff))
        {
            return refuse["TwoFactor.RequiredForRole"];
        }

        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        if (!(await users.SetTwoFactorEnabledAsync(user, false)).Succeeded)
        {
            return await ChangedMeanwhileAsync(transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        LogDisabled(logger, user.Id);
        return Outcome<Guid>.Done(user.Id);
    }

    /// <summary>
    /// New key (the old authenticator stops working) and enrolment starts over. The caller's own, or, for an
    /// administrator, anyone's: that person's sessions end at the next security stamp check and staff enrol again.
    /// </summary>
    public async Task<Outcome<Guid>> ResetAsync(ClaimsPrincipal caller, Guid userId, CancellationToken cancellationToken = default)
    {
        var me = await RequireCallerAsync(caller, cancellationToken);
        var own = me.Id == userId;
        if (!own && !caller.IsInRole(Roles.Administrator))
        {
            throw new UnauthorizedAccessException("Only administrators reset someone else's two-factor.");
        }

        var user = own ? me : await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return refuse["TwoFactor.AccountGone"];
        }

        if (!user.TwoFactorEnabled)
        {
            return refuse["TwoFactor.NotEnabled"];
        }

        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        if (!(await users.SetTwoFactorEnabledAsync(user, false)).Succeeded || !(await users.ResetAuthenticatorKeyAsync(user)).Succeeded)
        {
            return await ChangedMeanwhileAsync(transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        if (own)
        {
            // Only one's own sign-in is refreshed: refreshing here for someone else would sign the administrator in as them.
            await signIn.ForgetTwoFactorClientAsync();
            await signIn.RefreshSignInAsync(user);
            LogReset(logger, user.Id);
        }
        else
        {
            LogResetByAdministrator(logger, user.Id, me.Id);
        }

        return Outcome<Guid>.Done(user.Id);
    }

    private async Task<NoressUser> RequireCallerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        cancellationToken.ThrowIfCancellationRequested();
        return await users.GetUserAsync(caller) is { IsActive: true } user
            ? user
            : throw new UnauthorizedAccessException("Only a signed-in, active person manages two-factor.");
    }

    // Identity reports a concurrency failure when the account changed since it was read (another tab): nothing is
    // kept, and the context forgets the values it had set so the page reads the account afresh.
    private async Task<Refusal> ChangedMeanwhileAsync(IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        identityDb.ChangeTracker.Clear();
        return refuse["TwoFactor.ChangedMeanwhile"];
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authenticator of user {UserId} reset by administrator {AdministratorId}")]
    private static partial void LogResetByAdministrator(ILogger logger, Guid userId, Guid administratorId);
}

/// <summary>The caller's enrolment as the page shows it.</summary>
public sealed record TwoFactorState(Guid UserId, bool Enabled, string SharedKey, string AuthenticatorUri, int RecoveryCodesLeft);
