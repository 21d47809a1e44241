using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

/// <summary>
/// A connected circuit's person is revalidated every minute (deactivation, a new security stamp); the node reads the
/// people of the circuits that ask together in one query (ADR 0057), and every answer is read after it was asked.
/// </summary>
public sealed class CircuitRevalidationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ManyCircuitsAskingAtOnce_AreAnsweredTogether_EachWithItsOwnPerson(DatabaseProvider provider)
    {
        await using var factory = new NoressAppFactory(provider);
        _ = factory.Server;
        var standing = factory.Services.GetRequiredService<AccountStanding>();
        List<(Guid Id, bool Active, string? Stamp)> people;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            people = [.. (await db.Users.AsNoTracking().Select(u => new { u.Id, u.IsActive, u.SecurityStamp }).ToListAsync()).Select(u => (u.Id, u.IsActive, u.SecurityStamp))];
        }

        Assert.True(people.Count >= 3, "the demo data has people");
        var unknown = Guid.NewGuid();
        var before = standing.Queries;

        // Each person asked three times, as three open pages of that person would, and one account that does not exist.
        var asks = people.SelectMany(p => Enumerable.Repeat(p.Id, 3)).Append(unknown).Select(id => (Id: id, Answer: standing.GetAsync(id))).ToList();
        await Task.WhenAll(asks.Select(a => a.Answer));

        foreach (var (id, answer) in asks)
        {
            var row = await answer;
            if (id == unknown)
            {
                Assert.Null(row);
                continue;
            }

            var person = people.Single(p => p.Id == id);
            Assert.NotNull(row);
            Assert.Equal((person.Id, person.Active, person.Stamp), (row.UserId, row.IsActive, row.SecurityStamp));
        }

        Assert.InRange(standing.Queries - before, 1, people.Count - 1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Revalidation_EndsTheCircuit_OfADeactivatedAccountOrAStaleStamp(DatabaseProvider provider)
    {
        await using var factory = new NoressAppFactory(provider);
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>();
        var circuit = (NoressAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        var member = (await users.FindByEmailAsync("member@noress.demo"))!;
        var signedIn = await principals.CreateAsync(member);
        Assert.True(await circuit.IsStillValidAsync(signedIn, default));

        // A new security stamp (a password change elsewhere) ends the sessions signed in before it.
        Assert.True((await users.UpdateSecurityStampAsync(member)).Succeeded);
        Assert.False(await circuit.IsStillValidAsync(signedIn, default));
        var signedInAgain = await principals.CreateAsync(member);
        Assert.True(await circuit.IsStillValidAsync(signedInAgain, default));

        // A deactivated account is signed out, whatever its stamp.
        var rep = (await users.FindByEmailAsync("rep1@noress.demo"))!;
        var repSignedIn = await principals.CreateAsync(rep);
        Assert.True(await circuit.IsStillValidAsync(repSignedIn, default));
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == rep.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        Assert.False(await circuit.IsStillValidAsync(repSignedIn, default));

        // An account that no longer exists, or a principal without a person, is signed out.
        var gone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], IdentityConstants.ApplicationScheme));
        Assert.False(await circuit.IsStillValidAsync(gone, default));
        Assert.False(await circuit.IsStillValidAsync(new ClaimsPrincipal(new ClaimsIdentity()), default));
    }
}
