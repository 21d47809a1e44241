namespace Noress.App.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Seeds the demo institutions and accounts on first start (never in Production).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>With the demo data, seeds the action plans and replays a past plenary (decisions, an election, approved minutes printed by Chromium).</summary>
    public bool SeedDemoRecords { get; set; } = true;

    /// <summary>Applies pending migrations at start-up; off when a DBA applies the SQL scripts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>PRAGMA synchronous</c> in write-ahead-log mode. FULL (default) syncs the log on every commit,
    /// so an acknowledged edit survives a power cut; NORMAL syncs at checkpoints only (survives a crash of the app,
    /// not of the machine) and commits several times faster.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";
}
