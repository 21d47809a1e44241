using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Members;

namespace Noress.Tests.Infrastructure;

/// <summary>An in-memory SQLite database with the app's model and interceptors, alive while the connection is open.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    private TestDatabase()
    {
    }

    public IDbContextFactory<NoressDbContext> Factory { get; private set; } = default!;

    /// <summary>Opens the database, creates the schema and registers the context factory in <paramref name="services"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(IServiceCollection services, TimeProvider clock)
    {
        var database = new TestDatabase();
        await database.connection.OpenAsync();
        var options = new DbContextOptionsBuilder<NoressDbContext>()
            .UseSqlite(database.connection)
            .AddInterceptors(new VersionInterceptor(), new AuditInterceptor(clock))
            .Options;
        database.Factory = new PooledDbContextFactory<NoressDbContext>(options);
        services.AddSingleton(database.Factory);
        await using var db = await database.Factory.CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        return database;
    }

    /// <summary>Adds an institution and one active person with <paramref name="userId"/> in it.</summary>
    public async Task<NoressUser> AddPersonAsync(Guid userId, string fullName, string acronym = "ODCO")
    {
        await using var db = await Factory.CreateDbContextAsync();
        var institution = new Institution { Acronym = acronym, NameFr = "Office du développement de la coopération", NameAr = "مكتب تنمية التعاون", IsDemo = true };
        var user = new NoressUser
        {
            Id = userId,
            FullName = fullName,
            UserName = $"{acronym.ToLowerInvariant()}@noress.test",
            Email = $"{acronym.ToLowerInvariant()}@noress.test",
            InstitutionId = institution.Id,
        };
        db.Institutions.Add(institution);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
