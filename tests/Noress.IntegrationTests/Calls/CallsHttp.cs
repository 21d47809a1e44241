using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Calls;

/// <summary>Signs the calls tests' people in over HTTP, as a browser would, in the language given.</summary>
public static class CallsHttp
{
    /// <summary>A client signed in as <paramref name="person"/> (a password and the member role given if the host's row lacks them).</summary>
    public static async Task<HttpClient> SignInAsync(SessionsTestHost host, ClaimsPrincipal person, string culture = "fr")
    {
        var email = person.FindFirstValue(ClaimTypes.Name)!;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
            if (!await users.IsInRoleAsync(user, Roles.Member) && !person.IsInRole(Roles.Secretariat))
            {
                Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            }

            if (!await users.HasPasswordAsync(user))
            {
                Assert.True((await users.AddPasswordAsync(user, AuthenticatedClient.DemoPassword)).Succeeded);
            }
        }

        return await host.Factory.CreateSignedInClientAsync(email);
    }
}
