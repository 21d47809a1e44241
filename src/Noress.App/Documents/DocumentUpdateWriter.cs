using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Noress.App.Data;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Noress.App.Documents;

/// <summary>
/// Stores DocumentUpdate rows in bulk, bypassing EF change tracking (the rows are audit-exempt and insert-only):
/// a prepared multi-row INSERT reused inside one transaction on SQLite, binary COPY on PostgreSQL, SqlBulkCopy on
/// SQL Server. All rows are stored or none; a duplicate (document, version) throws the provider's DbException.
/// </summary>
internal static class DocumentUpdateWriter
{
    // Rows per SQLite statement: 6 parameters each, far below SQLite's 32,766 limit; larger gains nothing measurable.
    private const int SqliteRowsPerStatement = 64;

    public static async Task WriteAsync(NoressDbContext db, IReadOnlyList<DocumentUpdate> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableInfo.Of(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            switch (db.Database.GetDbConnection())
            {
                case SqliteConnection sqlite:
                    await WriteSqliteAsync(sqlite, table, rows, cancellationToken);
                    break;
                case NpgsqlConnection postgres:
                    await WritePostgresAsync(postgres, table, rows, cancellationToken);
                    break;
                case SqlConnection sqlServer:
                    await WriteSqlServerAsync(sqlServer, table, rows, cancellationToken);
                    break;
                default:
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    db.DocumentUpdates.AddRange(rows);
                    await db.SaveChangesAsync(cancellationToken);
                    break;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Straight through SQLitePCL on Microsoft.Data.Sqlite's own handle: binding pre-encoded UTF-8 skips the
    // per-parameter type inference and string conversion of SqliteParameter, which cost more than the inserts.
    private static async Task WriteSqliteAsync(SqliteConnection connection, TableInfo table, IReadOnlyList<DocumentUpdate> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var handle = connection.Handle!;
        sqlite3_stmt? full = null;
        sqlite3_stmt? single = null;
        try
        {
            // EF Core's SQLite mapping stores GUIDs as upper-case text and DateTime as ISO text; consecutive rows
            // share their document, mostly their author, and often their time.
            var guids = new Dictionary<Guid, byte[]>();
            var times = new Dictionary<DateTime, byte[]>();
            byte[] Utf8Guid(Guid value) => guids.TryGetValue(value, out var bytes) ? bytes : guids[value] = Encoding.UTF8.GetBytes(value.ToString().ToUpperInvariant());
            byte[] Utf8Time(DateTime value)
            {
                if (!times.TryGetValue(value, out var bytes))
                {
                    if (times.Count > 1024)
                    {
                        times.Clear();
                    }

                    bytes = times[value] = Encoding.UTF8.GetBytes(value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                }

                return bytes;
            }

            var index = 0;
            while (index < rows.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = rows.Count - index >= SqliteRowsPerStatement ? SqliteRowsPerStatement : 1;
                var statement = count == SqliteRowsPerStatement
                    ? full ??= PrepareSqlite(handle, table, SqliteRowsPerStatement)
                    : single ??= PrepareSqlite(handle, table, 1);
                for (var r = 0; r < count; r++)
                {
                    var row = rows[index + r];
                    var p = r * 6;
                    Check(handle, raw.sqlite3_bind_text(statement, p + 1, Utf8Guid(row.DocumentId)));
                    Check(handle, raw.sqlite3_bind_int(statement, p + 2, row.Version));
                    Check(handle, raw.sqlite3_bind_text16(statement, p + 3, row.ClientId.AsSpan()));
                    Check(handle, raw.sqlite3_bind_text(statement, p + 4, Utf8Guid(row.UserId)));
                    Check(handle, raw.sqlite3_bind_text(statement, p + 5, Utf8Time(row.At)));
                    Check(handle, raw.sqlite3_bind_text16(statement, p + 6, row.ChangesJson.AsSpan()));
                }

                var step = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (step != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(step, handle);
                }

                index += count;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            full?.Dispose();
            single?.Dispose();
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static sqlite3_stmt PrepareSqlite(sqlite3 handle, TableInfo table, int rowCount)
    {
        var sql = new StringBuilder(table.InsertPrefix('"', '"'));
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
        }

        Check(handle, raw.sqlite3_prepare_v2(handle, sql.ToString(), out var statement));
        return statement;
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, TableInfo table, IReadOnlyList<DocumentUpdate> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY {table.Quoted('"', '"')} ({table.ColumnList('"', '"')}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(row.DocumentId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(row.Version, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(row.ClientId, NpgsqlDbType.Varchar, cancellationToken);
                await import.WriteAsync(row.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(DateTime.SpecifyKind(row.At, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken);
                await import.WriteAsync(row.ChangesJson, NpgsqlDbType.Text, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteSqlServerAsync(SqlConnection connection, TableInfo table, IReadOnlyList<DocumentUpdate> rows, CancellationToken cancellationToken)
    {
        using var data = new DataTable();
        data.Columns.Add(table.Columns[0], typeof(Guid));
        data.Columns.Add(table.Columns[1], typeof(int));
        data.Columns.Add(table.Columns[2], typeof(string));
        data.Columns.Add(table.Columns[3], typeof(Guid));
        data.Columns.Add(table.Columns[4], typeof(DateTime));
        data.Columns.Add(table.Columns[5], typeof(string));
        foreach (var row in rows)
        {
            data.Rows.Add(row.DocumentId, row.Version, row.ClientId, row.UserId, row.At, row.ChangesJson);
        }

        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction))
        {
            bulk.DestinationTableName = table.Quoted('[', ']');
            bulk.BatchSize = 0;
            foreach (var column in table.Columns)
            {
                bulk.ColumnMappings.Add(column, column);
            }

            await bulk.WriteToServerAsync(data, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Table and column names as the EF model maps them, in the order the writers use.</summary>
    private sealed record TableInfo(string? Schema, string Name, string[] Columns)
    {
        public static TableInfo Of(DbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(DocumentUpdate))!;
            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            string Column(string property) => entity.FindProperty(property)!.GetColumnName(store)!;
            return new TableInfo(entity.GetSchema(), name,
            [
                Column(nameof(DocumentUpdate.DocumentId)),
                Column(nameof(DocumentUpdate.Version)),
                Column(nameof(DocumentUpdate.ClientId)),
                Column(nameof(DocumentUpdate.UserId)),
                Column(nameof(DocumentUpdate.At)),
                Column(nameof(DocumentUpdate.ChangesJson)),
            ]);
        }

        public string Quoted(char open, char close) =>
            Schema is null ? $"{open}{Name}{close}" : $"{open}{Schema}{close}.{open}{Name}{close}";

        public string ColumnList(char open, char close) => string.Join(", ", Columns.Select(c => $"{open}{c}{close}"));

        public string InsertPrefix(char open, char close) => $"INSERT INTO {Quoted(open, close)} ({ColumnList(open, close)}) VALUES ";
    }
}
