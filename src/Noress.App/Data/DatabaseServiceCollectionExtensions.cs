using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Audit;

namespace Noress.App.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Noress";

    /// <summary>Registers the <see cref="NoressDbContext"/> factory for the configured provider.</summary>
    public static IServiceCollection AddNoressDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(configuration, options.Provider, contentRoot);

        services.AddSingleton<VersionInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Sessions.Votes.VotingRightsStampInterceptor>();
        services.AddSingleton<Documents.DocumentRightsStampInterceptor>();
        services.AddDbContextFactory<NoressDbContext>((sp, builder) =>
        {
            Configure(builder, options.Provider, connectionString);
            builder.AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
            // Before the ballots' snapshots trust what they read: any change to who may vote moves the stamp (ADR 0052).
            builder.AddInterceptors(sp.GetRequiredService<Sessions.Votes.VotingRightsStampInterceptor>());
            // The document hub's remembered rights likewise (ADR 0056).
            builder.AddInterceptors(sp.GetRequiredService<Documents.DocumentRightsStampInterceptor>());
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                builder.AddInterceptors(new SqliteWalInterceptor(SqliteSynchronousLevel(options.SqliteSynchronous)));
            }
        });
        return services;
    }

    /// <summary>
    /// The configured connection string; a relative SQLite file is placed under the content root
    /// so the embedded database does not depend on the shell's working directory.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured.");
        if (provider != DatabaseProvider.Sqlite)
        {
            return connectionString;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        return builder.ToString();
    }

    /// <summary>Points <paramref name="builder"/> at a provider and that provider's migrations assembly.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>Validates the configured level: it is spliced into a PRAGMA, so only the four SQLite names pass.</summary>
    public static string SqliteSynchronousLevel(string? level) =>
        level?.Trim().ToUpperInvariant() switch
        {
            "OFF" or "NORMAL" or "FULL" or "EXTRA" => level.Trim().ToUpperInvariant(),
            _ => throw new InvalidOperationException($"Database:SqliteSynchronous must be OFF, NORMAL, FULL or EXTRA, not '{level}'."),
        };

    public static string MigrationsAssembly(DatabaseProvider provider) => $"Noress.Migrations.{provider}";
}
