using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// On SQLite, lets one ballot or close transaction of this process at a time ask for the database's write lock. SQLite has
/// one writer anyway, but Microsoft.Data.Sqlite waits for a busy lock by sleeping its thread for 150 ms and trying again:
/// hundreds of ballots at once then block the thread pool in sleeps (seconds of latency, see docs/benchmarks.md). Waiting
/// here is asynchronous and first come, first served. Other providers pass straight through.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<IDisposable> EnterAsync(NoressDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return Released.Instance;
        }

        await Gate.WaitAsync(ct);
        return new Held();
    }

    private sealed class Held : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Gate.Release();
            }
        }
    }

    private sealed class Released : IDisposable
    {
        public static readonly Released Instance = new();

        public void Dispose()
        {
        }
    }
}
