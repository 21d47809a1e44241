using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;
using Npgsql;

namespace Noress.IntegrationTests.Data;

/// <summary>Each provider's migrations project matches the model and applies on a real database.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=model-check.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=noress;Integrated Security=true;TrustServerCertificate=true")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=noress")]
    public void Migrations_OfEachProvider_MatchTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = CreateContext(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: run deploy/scripts/add-migration.sh.");
    }

    [Fact]
    public async Task MigrateAsync_OnFreshSqliteFile_AppliesEveryMigration()
    {
        var connectionString = TestSqlite.CreateDatabase();
        try
        {
            await using var db = CreateContext(DatabaseProvider.Sqlite, connectionString);

            await db.Database.MigrateAsync();

            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            TestSqlite.DeleteDatabase(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_OnPostgreSql_AppliesEveryMigration()
    {
        var connectionString = TestPostgres.CreateDatabase();
        try
        {
            await using var db = CreateContext(DatabaseProvider.PostgreSql, connectionString);

            await db.Database.MigrateAsync();

            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(connectionString);
        }
    }

    /// <summary>The same script deploy/scripts/sql-scripts.sh writes; operators may run it on a database already up to date.</summary>
    [Fact]
    public async Task IdempotentScript_RunTwiceOnPostgreSql_AppliesEveryMigrationOnce()
    {
        var connectionString = TestPostgres.CreateDatabase();
        try
        {
            await using var db = CreateContext(DatabaseProvider.PostgreSql, connectionString);
            var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                for (var run = 0; run < 2; run++)
                {
                    await using var command = new NpgsqlCommand(script, connection);
                    await command.ExecuteNonQueryAsync();
                }
            }

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(connectionString);
        }
    }

    private static NoressDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<NoressDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, provider, connectionString);
        return new NoressDbContext(builder.Options);
    }
}
