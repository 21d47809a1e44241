using Microsoft.AspNetCore.Authorization;

namespace Noress.App.Accounts;

/// <summary>Named authorization policies, used by pages and checked again inside services.</summary>
public static class Policies
{
    /// <summary>Any signed-in, active person.</summary>
    public const string Member = nameof(Member);

    /// <summary>The permanent secretariat (and administrators).</summary>
    public const string Secretariat = nameof(Secretariat);

    /// <summary>Platform administrators only.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>An outside initiative's account, and nothing else: its own area (ADR 0038).</summary>
    public const string OutsideApplicant = nameof(OutsideApplicant);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Secretariat, p => p.RequireAuthenticatedUser().RequireRole(Roles.Secretariat, Roles.Administrator));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(OutsideApplicant, p => p.RequireAuthenticatedUser().RequireRole(Roles.OutsideApplicant));
    }
}
