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
    [InlineData(Roles.OutsideApplicant, new[] { Policies.OutsideApplicant })]
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
    public void All_ListsTheFourPolicies() =>
        Assert.Equal([Policies.Administrator, Policies.Member, Policies.OutsideApplicant, Policies.Secretariat], AppPolicies.All.Order());

    [Fact]
    public void OutsideApplicant_IsNotAPlatformRole()
    {
        // Roles.All is what the Member policy requires: an outside initiative must never be in it (ADR 0038).
        Assert.DoesNotContain(Roles.OutsideApplicant, Roles.All);
    }

    [Fact]
    public async Task SatisfiedBy_MemberRolesPlusOutsideApplicant_StillAMember()
    {
        // The wall is the absence of a member role, not the presence of the outside one.
        var satisfied = await AppPolicies.SatisfiedByAsync(AppPolicies.Person(Roles.OutsideApplicant, Roles.Member));

        Assert.Contains(Policies.Member, satisfied);
    }
}
