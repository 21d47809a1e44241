using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

/// <summary>The app on a database and a storage folder of its own, with helpers to act as a demo person.</summary>
public sealed class MembersTestHost : IAsyncDisposable
{
    public MembersTestHost(long maxScanBytes = 10 * 1024 * 1024, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        StorageRoot = Path.Combine(Path.GetTempPath(), $"noress-files-{Guid.NewGuid():N}");
        Factory = new NoressAppFactory(provider).With("Storage:Root", StorageRoot).With("Storage:MaxScanBytes", maxScanBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public NoressAppFactory Factory { get; }

    public string StorageRoot { get; }

    /// <summary>Runs <paramref name="action"/> with a service of the app, in a scope of its own.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<NoressDbContext> DbAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();

    /// <summary>The principal a sign-in of <paramref name="email"/> would produce (id and roles).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var roles = await users.GetRolesAsync(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            IdentityConstants.ApplicationScheme));
    }

    public async Task<Guid> InstitutionIdAsync(string acronym)
    {
        await using var db = await DbAsync();
        return await db.Institutions.Where(i => i.Acronym == acronym).Select(i => i.Id).SingleAsync();
    }

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static InstitutionInput NewInstitution(string acronym) => new()
    {
        Acronym = acronym,
        NameFr = "Institution de test",
        NameAr = "مؤسسة الاختبار",
        Category = InstitutionCategory.Association,
        City = "Tanger",
        Email = "contact@test.noress.demo",
        Website = "https://example.org",
    };

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }
}
