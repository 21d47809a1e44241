using System.Security.Claims;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>Who must enrol an authenticator before using the platform.</summary>
public static class TwoFactorRules
{
    /// <summary>Claim present (value "true") on the principal of a person whose account has two-factor enabled.</summary>
    public const string EnabledClaim = "noress:2fa";

    public static bool IsStaff(ClaimsPrincipal principal) =>
        principal.IsInRole(Roles.Administrator) || principal.IsInRole(Roles.Secretariat);

    public static bool IsEnrolled(ClaimsPrincipal principal) => principal.HasClaim(EnabledClaim, "true");

    /// <summary>True when a signed-in person must enrol before going anywhere but the account pages.</summary>
    public static bool MustEnrol(ClaimsPrincipal principal, bool requireForStaff) =>
        requireForStaff
        && principal.Identity?.IsAuthenticated == true
        && IsStaff(principal)
        && !IsEnrolled(principal);

    /// <summary>Staff may not switch two-factor off while it is required of them.</summary>
    public static bool MayDisable(ClaimsPrincipal principal, bool requireForStaff) =>
        !(requireForStaff && IsStaff(principal));

    /// <summary>Groups the base32 key by four so it can be typed into an authenticator app.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    public static string AuthenticatorUri(string issuer, string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
}
