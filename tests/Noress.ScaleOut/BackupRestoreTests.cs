using Noress.ScaleOut.Infrastructure;
using Npgsql;

namespace Noress.ScaleOut;

/// <summary>deploy/scripts/backup.sh and restore.sh on the cluster's PostgreSQL database and shared uploads, and on SQLite.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class BackupRestoreTests(ScaleOutCluster cluster) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("noress-backup-").FullName;

    [Fact]
    public async Task PostgreSqlAndUploads_BackedUpThenRestoredElsewhere_HoldTheSameRowsAndFiles()
    {
        // An upload on the shared folder, as a node stores it.
        var upload = Path.Combine(cluster.StorageRoot, "mou", "scan.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        await File.WriteAllTextAsync(upload, "%PDF-1.7 signed MoU");
        var backup = Path.Combine(work, "backup");
        await Tool.RunAsync("bash", [Script("backup.sh"), "--provider", "postgresql", "--database", LibpqConnection(cluster.ConnectionString), "--files", cluster.StorageRoot, "--out", backup]);

        var restored = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = $"noress_restored_{Guid.NewGuid():N}" }.ToString();
        await ExecuteAsync(cluster.ConnectionString, $"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(restored).Database}\"", onServer: true);
        try
        {
            var files = Path.Combine(work, "files");
            await Tool.RunAsync("bash", [Script("restore.sh"), "--from", backup, "--database", LibpqConnection(restored), "--files", files]);

            const string Counts = "SELECT (SELECT count(*) FROM \"Institutions\") * 1000000 + (SELECT count(*) FROM \"AspNetUsers\") * 1000 + (SELECT count(*) FROM \"__EFMigrationsHistory\")";
            var original = await ScalarAsync(cluster.ConnectionString, Counts);
            Assert.True(original > 1_000_000, "The demo data should be there.");
            Assert.Equal(original, await ScalarAsync(restored, Counts));
            Assert.Equal("%PDF-1.7 signed MoU", await File.ReadAllTextAsync(Path.Combine(files, "mou", "scan.pdf")));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(cluster.ConnectionString, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(restored).Database}\" WITH (FORCE)", onServer: true);
        }
    }

    [Fact]
    public async Task Sqlite_BackedUpThenRestoredOverAChangedFile_IsBackAsItWas()
    {
        var database = Path.Combine(work, "noress.db");
        await Tool.RunAsync("sqlite3", [database, "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);"]);
        var backup = Path.Combine(work, "backup-sqlite");
        await Tool.RunAsync("bash", [Script("backup.sh"), "--provider", "sqlite", "--database", database, "--out", backup]);
        await Tool.RunAsync("sqlite3", [database, "DELETE FROM t;"]);

        await Tool.RunAsync("bash", [Script("restore.sh"), "--from", backup, "--database", database]);

        Assert.Equal("2", (await Tool.RunAsync("sqlite3", [database, "SELECT count(*) FROM t;"])).Trim());
    }

    [Fact]
    public async Task Restore_OfATamperedBackup_IsRefusedBeforeAnythingChanges()
    {
        var database = Path.Combine(work, "tampered.db");
        await Tool.RunAsync("sqlite3", [database, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"]);
        var backup = Path.Combine(work, "backup-tampered");
        await Tool.RunAsync("bash", [Script("backup.sh"), "--provider", "sqlite", "--database", database, "--out", backup]);
        await File.AppendAllTextAsync(Path.Combine(backup, "database.sqlite"), "garbage");
        await Tool.RunAsync("sqlite3", [database, "INSERT INTO t VALUES (2);"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Tool.RunAsync("bash", [Script("restore.sh"), "--from", backup, "--database", database]));
        Assert.Equal("2", (await Tool.RunAsync("sqlite3", [database, "SELECT count(*) FROM t;"])).Trim());
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static string Script(string name) => RepositoryPaths.Deploy("scripts", name);

    private static string LibpqConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}";
    }

    private static async Task ExecuteAsync(string connectionString, string sql, bool onServer = false)
    {
        var target = onServer ? new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ToString() : connectionString;
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
