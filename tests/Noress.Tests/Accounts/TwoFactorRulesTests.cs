using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Noress.App.Accounts;
using Noress.App.Accounts.TwoFactor;

namespace Noress.Tests.Accounts;

public sealed class TwoFactorRulesTests
{
    [Theory]
    [InlineData(Roles.Administrator, false, true, true)]
    [InlineData(Roles.Secretariat, false, true, true)]
    [InlineData(Roles.Secretariat, true, true, false)]
    [InlineData(Roles.Secretariat, false, false, false)]
    [InlineData(Roles.Member, false, true, false)]
    public void MustEnrol_OnlyStaffWithoutTwoFactorWhenRequired(string role, bool enrolled, bool required, bool expected)
    {
        Assert.Equal(expected, TwoFactorRules.MustEnrol(Principal(role, enrolled), required));
    }

    [Fact]
    public void MustEnrol_Anonymous_IsFalse()
    {
        Assert.False(TwoFactorRules.MustEnrol(new ClaimsPrincipal(new ClaimsIdentity()), requireForStaff: true));
    }

    [Theory]
    [InlineData(Roles.Secretariat, true, false)]
    [InlineData(Roles.Secretariat, false, true)]
    [InlineData(Roles.Member, true, true)]
    public void MayDisable_NotStaffWhileRequired(string role, bool required, bool expected)
    {
        Assert.Equal(expected, TwoFactorRules.MayDisable(Principal(role, enrolled: true), required));
    }

    [Fact]
    public void FormatKey_GroupsByFourInLowercase()
    {
        Assert.Equal("abcd efgh ij", TwoFactorRules.FormatKey("ABCDEFGHIJ"));
    }

    [Fact]
    public void AuthenticatorUri_IsAnOtpauthTotpUri()
    {
        Assert.Equal(
            "otpauth://totp/NORESS:a%40b.ma?secret=KEY234&issuer=NORESS&digits=6",
            TwoFactorRules.AuthenticatorUri("NORESS", "a@b.ma", "KEY234"));
    }

    [Fact]
    public void EnforcementMiddleware_AllowsOnlyMarkedEndpointsAndStaticAssets()
    {
        static Endpoint With(params object[] metadata) => new(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test");

        Assert.True(TwoFactorEnforcementMiddleware.IsAllowed(With(new AllowBeforeTwoFactorEnrolmentAttribute())));
        Assert.True(TwoFactorEnforcementMiddleware.IsAllowed(With(new Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor { Route = "app.css", AssetPath = "app.css" })));
        Assert.False(TwoFactorEnforcementMiddleware.IsAllowed(With()));
        Assert.False(TwoFactorEnforcementMiddleware.IsAllowed(null));
    }

    private static ClaimsPrincipal Principal(string role, bool enrolled)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], "test");
        if (enrolled)
        {
            identity.AddClaim(new Claim(TwoFactorRules.EnabledClaim, "true"));
        }

        return new ClaimsPrincipal(identity);
    }
}
