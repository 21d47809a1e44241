using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Noress.App.Data;

/// <summary>
/// Puts the embedded SQLite database in write-ahead-log mode on every connection EF opens: a commit appends to
/// the log instead of writing and deleting a rollback journal, and readers no longer wait for the writer. Each
/// document push is committed before it is acknowledged, so the commit is on the co-editing hot path (ADR 0007).
/// </summary>
public sealed class SqliteWalInterceptor(string synchronous) : DbConnectionInterceptor
{
    // busy_timeout: a writer that finds the lock taken waits in SQLite's own handler (steps of 1 to 100 ms) instead of
    // Microsoft.Data.Sqlite's fixed 150 ms sleeps, which put 150 and 300 ms steps in the calls' p99 (docs/benchmarks.md).
    private readonly string pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
