using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Adds the two-factor claim, so enforcement needs no database read per request; the security
/// stamp validator rebuilds the principal every minute, and enrolment refreshes the sign-in.
/// </summary>
public sealed class NoressClaimsPrincipalFactory(
    UserManager<NoressUser> userManager,
    RoleManager<NoressRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NoressUser, NoressRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NoressUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorRules.EnabledClaim, "true"));
        }

        return identity;
    }
}
