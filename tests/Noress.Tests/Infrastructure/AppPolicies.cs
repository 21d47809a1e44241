using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;

namespace Noress.Tests.Infrastructure;

/// <summary>The app's real policy registration, evaluated outside a web host.</summary>
public static class AppPolicies
{
    /// <summary>Every policy name declared on <see cref="Policies"/>.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        .. typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static readonly Lazy<IAuthorizationService> Service = new(() =>
        new ServiceCollection().AddLogging().AddAuthorization(Policies.Configure)
            .BuildServiceProvider().GetRequiredService<IAuthorizationService>());

    public static IAuthorizationService AuthorizationService => Service.Value;

    /// <summary>A signed-in person (cookie authentication type) holding <paramref name="roles"/>.</summary>
    public static ClaimsPrincipal Person(params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "someone@noress.test"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Identity.Application"));

    /// <summary>The policies that <paramref name="user"/> satisfies.</summary>
    public static async Task<IReadOnlyList<string>> SatisfiedByAsync(ClaimsPrincipal user)
    {
        var satisfied = new List<string>();
        foreach (var policy in All)
        {
            if ((await AuthorizationService.AuthorizeAsync(user, policy)).Succeeded)
            {
                satisfied.Add(policy);
            }
        }

        return satisfied;
    }
}
