using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;

namespace Noress.Tests.Data;

public sealed class SqliteWalInterceptorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"noress-wal-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(null, 2)]
    [InlineData("normal", 1)]
    [InlineData("FULL", 2)]
    public async Task EmbeddedDatabase_RunsInWalMode_WithTheConfiguredSynchronousLevel_AndSqlitesOwnBusyWait(string? configured, long expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Noress"] = "Data Source=noress.db",
            ["Database:SqliteSynchronous"] = configured,
        };
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddNoressDatabase(new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build(), folder)
            .BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA busy_timeout";
        var busyTimeout = (long?)await command.ExecuteScalarAsync();
        await db.Database.CloseConnectionAsync();

        Assert.Equal("wal", mode);
        Assert.Equal(expected, synchronous);
        // A writer that finds the lock taken waits in SQLite's own handler, not in the driver's 150 ms sleeps.
        Assert.Equal(5000, busyTimeout);
    }

    [Theory]
    [InlineData("NORMAL; DROP TABLE Documents")]
    [InlineData("fast")]
    [InlineData("")]
    public void SynchronousLevel_OtherThanTheFourSqliteNames_IsRefused(string level) =>
        Assert.Throws<InvalidOperationException>(() => DatabaseServiceCollectionExtensions.SqliteSynchronousLevel(level));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
