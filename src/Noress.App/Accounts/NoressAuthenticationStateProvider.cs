using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts;

/// <summary>
/// Revalidates a connected circuit's user every minute: a changed security stamp, a
/// deactivated account or missing required two-factor ends the interactive session.
/// The node reads the people of many circuits in one query (<see cref="AccountStanding"/>).
/// </summary>
internal sealed class NoressAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        AccountStanding standing,
        IOptions<IdentityOptions> options,
        IOptionsMonitor<AccountOptions> accountOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether a circuit's person may go on: the account exists and is active, its stamp is the principal's, staff have two-factor.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var claims = options.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId)
            || await standing.GetAsync(userId).WaitAsync(cancellationToken) is not { IsActive: true } user)
        {
            return false;
        }

        // Staff whose two-factor was switched off since the circuit started must enrol again first.
        if (accountOptions.CurrentValue.RequireTwoFactorForStaff && TwoFactor.TwoFactorRules.IsStaff(principal) && !user.TwoFactorEnabled)
        {
            return false;
        }

        return principal.FindFirstValue(claims.SecurityStampClaimType) == user.SecurityStamp;
    }
}
