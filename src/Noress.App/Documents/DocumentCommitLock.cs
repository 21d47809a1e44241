using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>
/// Several nodes: one document's commits are taken in turn across the nodes, under a lock the database keeps for the
/// document (PostgreSQL's advisory lock, SQL Server's application lock, both held by one connection for one commit).
/// The node that holds it first loads what the others stored, so it never loses the race on the unique (document,
/// version) key; without it, the node that was behind lost again and again (ADR 0064). One node needs no lock and
/// does not register this; SQLite (one file, one node) takes none.
/// </summary>
public sealed class DocumentCommitLock(IDbContextFactory<NoressDbContext> dbFactory)
{
    /// <summary>Waits for the document's lock; disposing the result releases it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var (take, release, value) =
                db.Database.IsNpgsql() ? ("SELECT pg_advisory_lock(@p)", "SELECT pg_advisory_unlock(@p)", (object)Key(documentId))
                : db.Database.IsSqlServer() ? (
                    "EXEC sp_getapplock @Resource = @p, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
                    "EXEC sp_releaseapplock @Resource = @p, @LockOwner = 'Session'",
                    (object)$"noress-document-{documentId:N}")
                : (null, null, null);
            if (take is null)
            {
                // No connection kept for a provider that takes no lock.
                return db;
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync(connection, take, value!, cancellationToken);
            return new Held(db, connection, release!, value!);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    // The advisory lock's key: the document id's first 8 bytes (two documents sharing one only wait for each other).
    private static long Key(Guid documentId) => BitConverter.ToInt64(documentId.ToByteArray(), 0);

    private static async Task ExecuteAsync(DbConnection connection, string sql, object value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Held(NoressDbContext db, DbConnection connection, string release, object value) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(connection, release, value, CancellationToken.None);
            }
            finally
            {
                // A connection that could not release it is broken: closing it ends the session and the lock.
                await db.DisposeAsync();
            }
        }
    }
}
