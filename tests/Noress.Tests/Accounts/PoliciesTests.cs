using System.Security.Claims;
using Noress.App.Accounts;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Accounts;

/// <summary>Which roles satisfy which policy, through the app's own registration (Policies.Configure).</summary>
public sealed class PoliciesTests
{
    [Theory]
    [InlineData(Roles.Member, new[] { Policies.Member })]
    [InlineData(Roles.Secretariat, new[] { Policies.Member, Policies.Secretariat })]
    [InlineData(Roles.Administrator, new[] { Policies.Member, Policies.Secretariat, Policies.Administrator })]
    public async Task SatisfiedBy_OneRole_GrantsExactlyTheExpectedPolicies(string role, string[] expected)
    {
        var satisfied = await AppPolicies.SatisfiedByAsync(AppPolicies.Person(role));

        Assert.Equal(expected.Order(), satisfied.Order());
    }

    [Fact]
    public async Task SatisfiedBy_SignedInWithoutRole_GrantsNothing() =>
        Assert.Empty(await AppPolicies.SatisfiedByAsync(AppPolicies.Person()));

    [Fact]
    public async Task SatisfiedBy_UnknownRole_GrantsNothing() =>
        Assert.Empty(await AppPolicies.SatisfiedByAsync(AppPolicies.Person("Guest")));

    [Fact]
    public async Task SatisfiedBy_AnonymousWithAdministratorRoleClaim_GrantsNothing()
    {
        // A principal whose identity is not authenticated must not pass on a role claim alone.
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)]));

        Assert.Empty(await AppPolicies.SatisfiedByAsync(anonymous));
    }

    [Fact]
    public void All_ListsTheThreePolicies() =>
        Assert.Equal([Policies.Administrator, Policies.Member, Policies.Secretariat], AppPolicies.All.Order());
}
