using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Accounts;

/// <summary>What a connected circuit's revalidation needs to know of its person.</summary>
public sealed record AccountStandingRow(Guid UserId, bool IsActive, bool TwoFactorEnabled, string? SecurityStamp);

/// <summary>
/// Reads the standing of the people whose circuits revalidate, in rounds (ADR 0057): every circuit asks once a minute, and
/// the requests that arrive while a read is in flight are answered together by the next one, one query for all of them,
/// instead of a dependency-injection scope, a user manager and a query per circuit. Nothing is cached: each answer is read
/// after it was asked.
/// </summary>
public sealed class AccountStanding(IDbContextFactory<NoressDbContext> dbFactory)
{
    // SQL Server accepts 2,100 parameters in a statement; EF Core may send a list as one each.
    private const int MaxPerQuery = 1000;

    private readonly Lock gate = new();
    private Dictionary<Guid, TaskCompletionSource<AccountStandingRow?>> pending = [];
    private bool reading;
    private long queries;

    /// <summary>The queries made so far (for the tests and the benchmark).</summary>
    public long Queries => Interlocked.Read(ref queries);

    /// <summary>The person's standing now, or null when the account no longer exists.</summary>
    public Task<AccountStandingRow?> GetAsync(Guid userId)
    {
        TaskCompletionSource<AccountStandingRow?>? answer;
        var start = false;
        lock (gate)
        {
            if (!pending.TryGetValue(userId, out answer))
            {
                answer = new TaskCompletionSource<AccountStandingRow?>(TaskCreationOptions.RunContinuationsAsynchronously);
                pending[userId] = answer;
            }

            if (!reading)
            {
                reading = true;
                start = true;
            }
        }

        if (start)
        {
            // Not awaited: the caller waits for its own answer; the loop ends when nobody is waiting.
            _ = Task.Run(ReadLoopAsync);
        }

        return answer.Task;
    }

    private async Task ReadLoopAsync()
    {
        while (true)
        {
            Dictionary<Guid, TaskCompletionSource<AccountStandingRow?>> round;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    reading = false;
                    return;
                }

                round = pending;
                pending = [];
            }

            try
            {
                var found = new Dictionary<Guid, AccountStandingRow>(round.Count);
                await using (var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false))
                {
                    foreach (var ids in round.Keys.Chunk(MaxPerQuery))
                    {
                        Interlocked.Increment(ref queries);
                        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                            .Select(u => new AccountStandingRow(u.Id, u.IsActive, u.TwoFactorEnabled, u.SecurityStamp)).ToListAsync().ConfigureAwait(false);
                        foreach (var row in rows)
                        {
                            found[row.UserId] = row;
                        }
                    }
                }

                foreach (var (id, answer) in round)
                {
                    answer.TrySetResult(found.GetValueOrDefault(id));
                }
            }
            catch (Exception e)
            {
                // The circuits' revalidation logs it and tries again in a minute.
                foreach (var answer in round.Values)
                {
                    answer.TrySetException(e);
                }
            }
        }
    }
}
