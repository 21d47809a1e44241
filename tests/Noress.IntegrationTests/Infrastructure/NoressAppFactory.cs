using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Noress.App.Data;
using Npgsql;

namespace Noress.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts the real app on a database of its own: a temporary SQLite file, or a fresh database on the
/// throwaway PostgreSQL server that <c>test.sh</c> starts (connection in <c>NORESS_TEST_POSTGRES</c>).
/// </summary>
public class NoressAppFactory : WebApplicationFactory<Program>
{
    private readonly string? sqliteFile;
    private readonly Dictionary<string, string?> settings = [];

    public NoressAppFactory()
        : this(DatabaseProvider.Sqlite)
    {
    }

    public NoressAppFactory(DatabaseProvider provider, string environment = "Development")
    {
        Provider = provider;
        Environment = environment;
        ConnectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={sqliteFile = Path.Combine(Path.GetTempPath(), $"noress-test-{Guid.NewGuid():N}.db")}",
            DatabaseProvider.PostgreSql => TestPostgres.CreateDatabase(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQL Server cannot run on this machine."),
        };
        settings["Database:Provider"] = provider.ToString();
        settings["Database:SeedDemoData"] = "true";
        settings["ConnectionStrings:Noress"] = ConnectionString;

        // Mail goes to a folder of this factory's own; tests that sign in often must not hit the login rate limit.
        MailDirectory = Path.Combine(Path.GetTempPath(), $"noress-mail-{Guid.NewGuid():N}");
        settings["Email:PickupDirectory"] = MailDirectory;
        settings["RateLimiting:PermitLimit"] = "100000";
    }

    /// <summary>Where the app writes its e-mails as .eml files.</summary>
    public string MailDirectory { get; }

    public DatabaseProvider Provider { get; }

    public string Environment { get; }

    public string ConnectionString { get; }

    /// <summary>Overrides one configuration value; call before the first client is created.</summary>
    public NoressAppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        else if (Provider == DatabaseProvider.PostgreSql)
        {
            TestPostgres.DropDatabase(ConnectionString);
        }
    }
}

/// <summary>The throwaway PostgreSQL server of the test run; each factory gets a database of its own.</summary>
public static class TestPostgres
{
    public const string Variable = "NORESS_TEST_POSTGRES";

    public static string ServerConnectionString =>
        System.Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server.");

    public static string CreateDatabase()
    {
        var name = $"noress_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
