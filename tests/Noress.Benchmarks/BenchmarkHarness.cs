extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;

namespace Noress.Benchmarks;

/// <summary>What the benchmarks that run the app in process share: options, the content root, timing and principals.</summary>
internal static class Bench
{
    /// <summary>The database of `--provider sqlite|postgres` (SQLite when absent).</summary>
    public static DatabaseProvider Provider(string[] args) => Option(args, "--provider", "sqlite") switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
        var other => throw new ArgumentException($"Unknown provider {other}: sqlite or postgres."),
    };

    /// <summary>Three forced, compacting full collections, finalizers run between them: what is left is live.</summary>
    public static void CollectFully()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static void FindContentRoot()
    {
        // This project is no test project, so WebApplicationFactory finds no content root by itself.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var web = Path.Combine(directory.FullName, "src", "Noress.Web");
            if (Directory.Exists(web))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NORESS_WEB", web);
                return;
            }
        }
    }

    public static async Task<bool> WithinAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static ClaimsPrincipal Principal(Guid id, string email, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            IdentityConstants.ApplicationScheme));

    /// <summary>The 1-minute load average (Linux), to say how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(1)) : "?";
}

/// <summary>Process CPU time, working set (sampled every 20 ms for the peak) and, when given, the database server's CPU.</summary>
internal sealed class Sampler
{
    private readonly CancellationTokenSource stop = new();

    public long PeakWorkingSet { get; private set; }

    public async Task RunAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                PeakWorkingSet = Math.Max(PeakWorkingSet, WorkingSet());
                await Task.Delay(20, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    public async Task StopAsync(Task running)
    {
        await stop.CancelAsync();
        await running;
        PeakWorkingSet = Math.Max(PeakWorkingSet, WorkingSet());
        stop.Dispose();
    }

    public static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>User and system time of the postmaster and its backends (Linux /proc), in seconds; NaN when not asked for.</summary>
    public static double DatabaseCpu()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("NORESS_BENCH_POSTGRES_PID"), CultureInfo.InvariantCulture, out var root))
        {
            return double.NaN;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Fields after the command name, which is in parentheses and may contain spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture);
                if (pid == root || int.Parse(fields[1], CultureInfo.InvariantCulture) == root)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                // Not a process, or it ended meanwhile.
            }
        }

        return ticks / 100.0;
    }
}

/// <summary>A throwaway database: a temporary SQLite file, or a fresh database on the PostgreSQL server of NORESS_BENCH_POSTGRES.</summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"noress-bench-mail-{Guid.NewGuid():N}");

    public static BenchDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new BenchDatabase(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"noress-votes-{Guid.NewGuid():N}.db")}");
        }

        var server = Environment.GetEnvironmentVariable("NORESS_BENCH_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("NORESS_BENCH_POSTGRES (a server connection string) is needed for --provider postgres.");
        var name = $"noress_bench_{Guid.NewGuid():N}";
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new BenchDatabase(provider, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public void Drop()
    {
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        Npgsql.NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>One app node on the benchmark's database; with a Redis channel, joined to the other node by the Redis bus.</summary>
internal sealed class BenchNode(BenchDatabase database, string? redisChannel, Action<IServiceCollection>? services = null) : WebApplicationFactory<web::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Noress", database.ConnectionString);
        builder.UseSetting("Email:PickupDirectory", database.MailDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A refused duplicate is logged by EF as a failed command with its stack: dozens per vote would bury the results.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        if (redisChannel is not null)
        {
            var redis = Environment.GetEnvironmentVariable("NORESS_BENCH_REDIS") is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException("NORESS_BENCH_REDIS (host:port) is needed for --nodes 2.");
            builder.UseSetting("RealTime:Bus", "Redis");
            builder.UseSetting("RealTime:Redis", redis);
            builder.UseSetting("RealTime:ChannelPrefix", redisChannel);
        }
    }
}
