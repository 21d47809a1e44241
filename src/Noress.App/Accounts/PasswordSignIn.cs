using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Noress.App.Accounts;

/// <summary>
/// Password sign-in that answers an unknown address, a wrong password and a deactivated account alike:
/// the same result and the same password-hashing work, so neither the message nor the time tells
/// which addresses have an account (ADR 0012).
/// </summary>
public sealed class PasswordSignIn(SignInManager<NoressUser> signInManager, UserManager<NoressUser> users, IPasswordHasher<NoressUser> hasher)
{
    private static readonly NoressUser Nobody = new() { FullName = string.Empty };

    // Made once with the configured hasher, so verifying against it costs what verifying a real hash costs.
    private static string? unknownAccountHash;

    /// <summary>Signs in an active person; <see cref="PasswordSignInOutcome.User"/> is set only on success, a two-factor step or an unconfirmed outside account (whose link is then sent again).</summary>
    public async Task<PasswordSignInOutcome> SignInAsync(string email, string password, bool rememberMe)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            var hash = unknownAccountHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(Nobody, hash, password);
            return new PasswordSignInOutcome(SignInResult.Failed, null);
        }

        if (!user.IsActive)
        {
            // The password is checked (and a wrong one counted towards lockout) before the account's state
            // is looked at; even the right password gets the generic failure.
            var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return new PasswordSignInOutcome(check.IsLockedOut ? SignInResult.LockedOut : SignInResult.Failed, null);
        }

        if (!user.EmailConfirmed && await users.IsInRoleAsync(user, Roles.OutsideApplicant))
        {
            // A self-registered account proves its mailbox first (ADR 0038). Only the right password learns why,
            // so the answer reveals no more than a successful sign-in would.
            var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return check.Succeeded
                ? new PasswordSignInOutcome(SignInResult.NotAllowed, user)
                : new PasswordSignInOutcome(check.IsLockedOut ? SignInResult.LockedOut : SignInResult.Failed, null);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        return new PasswordSignInOutcome(result, result.Succeeded || result.RequiresTwoFactor ? user : null);
    }
}

public sealed record PasswordSignInOutcome(SignInResult Result, NoressUser? User);
