using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;

namespace Noress.Tests.Accounts;

public sealed class PoliciesTests
{
    private readonly IAuthorizationService authorization = new ServiceCollection()
        .AddLogging()
        .AddAuthorization(Policies.Configure)
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    [Theory]
    [InlineData(Policies.Member, Roles.Member, true)]
    [InlineData(Policies.Secretariat, Roles.Member, false)]
    [InlineData(Policies.Secretariat, Roles.Secretariat, true)]
    [InlineData(Policies.Secretariat, Roles.Administrator, true)]
    [InlineData(Policies.Administrator, Roles.Secretariat, false)]
    [InlineData(Policies.Administrator, Roles.Administrator, true)]
    public async Task Policy_GrantsByRole(string policy, string role, bool expected)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(expected, (await authorization.AuthorizeAsync(principal, policy)).Succeeded);
    }

    [Theory]
    [InlineData(Policies.Member)]
    [InlineData(Policies.Secretariat)]
    public async Task Policy_RefusesAnonymous(string policy)
    {
        Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), policy)).Succeeded);
    }
}
