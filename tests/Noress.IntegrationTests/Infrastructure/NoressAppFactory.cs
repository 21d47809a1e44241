using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly bool ownsDatabase;
    private readonly Dictionary<string, string?> settings = [];
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    public NoressAppFactory()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>Hosts the app on a fresh database of its own, removed on dispose.</summary>
    public NoressAppFactory(DatabaseProvider provider, string environment = "Development")
        : this(provider, provider switch
        {
            DatabaseProvider.Sqlite => TestSqlite.CreateDatabase(),
            DatabaseProvider.PostgreSql => TestPostgres.CreateDatabase(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQL Server cannot run on this machine."),
        }, environment, ownsDatabase: true)
    {
    }

    private NoressAppFactory(DatabaseProvider provider, string connectionString, string environment, bool ownsDatabase)
    {
        this.ownsDatabase = ownsDatabase;
        Provider = provider;
        Environment = environment;
        ConnectionString = connectionString;
        settings["Database:Provider"] = provider.ToString();
        settings["Database:SeedDemoData"] = "true";
        // The past plenary of the demo prints two PDFs with Chromium: only the tests of the demo records ask for it.
        settings["Database:SeedDemoRecords"] = "false";
        settings["ConnectionStrings:Noress"] = ConnectionString;
        // Mail goes to a folder of this factory's own; tests that sign in often must not hit the login rate limit.
        MailDirectory = Path.Combine(Path.GetTempPath(), $"noress-mail-{Guid.NewGuid():N}");
        settings["Email:PickupDirectory"] = MailDirectory;
        settings["RateLimiting:PermitLimit"] = "100000";
        // Dozens of hosts start per run: keep the console to warnings so failures stand out.
        settings["Logging:LogLevel:Default"] = "Warning";
    }

    /// <summary>
    /// Hosts the app on an existing database that outlives this factory: a restarted node, or a second node
    /// beside another factory. Whoever created the database removes it.
    /// </summary>
    public static NoressAppFactory OnExistingDatabase(DatabaseProvider provider, string connectionString, string environment = "Development") =>
        new(provider, connectionString, environment, ownsDatabase: false);

    /// <summary>
    /// A Production node with everything its start-up checks ask for (an SMTP host, file storage outside the
    /// application folder, keys accepted unencrypted on purpose), so a test changes exactly what it examines.
    /// </summary>
    public static NoressAppFactory Production(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var factory = new NoressAppFactory(provider, "Production");
        factory.StorageRoot = Path.Combine(Path.GetTempPath(), $"noress-files-{Guid.NewGuid():N}");
        return factory
            .With("Email:Host", "smtp.invalid")
            .With("Email:PickupDirectory", null)
            .With("Storage:Root", factory.StorageRoot)
            .With("Security:DataProtection:AllowUnprotectedKeys", "true");
    }

    /// <summary>The file storage root this factory created (Production hosts), removed on dispose.</summary>
    public string? StorageRoot { get; private set; }

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

    /// <summary>Replaces services after the app registered its own (e.g. a fake clock for one component); call before the first client.</summary>
    public NoressAppFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => serviceOverrides.ForEach(configure => configure(services)));
    }

    /// <summary>Carries live events between factories over the Redis server of the test run, on channels of their own.</summary>
    public NoressAppFactory WithRedisBus(string channelPrefix) =>
        With("RealTime:Bus", "Redis").With("RealTime:Redis", TestRedis.ConnectionString).With("RealTime:ChannelPrefix", channelPrefix);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        if (StorageRoot is not null && Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }

        if (!ownsDatabase)
        {
            return;
        }

        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                TestSqlite.DeleteDatabase(ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                TestPostgres.DropDatabase(ConnectionString);
                break;
        }
    }
}

/// <summary>Temporary SQLite files, one per test database.</summary>
public static class TestSqlite
{
    public static string CreateDatabase() => $"Data Source={Path.Combine(Path.GetTempPath(), $"noress-test-{Guid.NewGuid():N}.db")}";

    public static void DeleteDatabase(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>The throwaway Redis server of the test run.</summary>
public static class TestRedis
{
    public const string Variable = "NORESS_TEST_REDIS";

    public static string ConnectionString =>
        System.Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway Redis server.");
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

/// <summary>The throwaway clamd of the test run, whose only signature detects the EICAR test string.</summary>
public static class TestClamAv
{
    public const string Variable = "NORESS_TEST_CLAMAV";

    /// <summary>The standard antivirus test string: harmless, detected by every scanner (here by test.sh's local signature).</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public static string Address =>
        System.Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway clamd.");

    /// <summary>A loopback address where nothing listens: a scanner that is configured but down.</summary>
    public static string DeadAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"tcp://127.0.0.1:{port}";
    }
}
