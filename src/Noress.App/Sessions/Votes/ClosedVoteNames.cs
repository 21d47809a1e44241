using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// Who voted what in a closed open vote, read once per node however many screens ask at the close: every screen of
/// a plenary reloads at that moment, and 400 reads of the same 350 names held the final tally back (docs/benchmarks.md).
/// A closed vote's choices never change; an entry is read again after <see cref="Lifetime"/> so renamed acronyms show.
/// </summary>
public sealed class ClosedVoteNames(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const int Capacity = 64;

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>The names of <paramref name="voteId"/>; the caller has checked that the vote is closed and open-ballot.</summary>
    public async Task<IReadOnlyList<(string Institution, VoteChoice Choice)>> GetAsync(Guid voteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = entries.AddOrUpdate(
            voteId,
            _ => NewEntry(voteId, now),
            (_, existing) => existing.ReadAt + Lifetime < now || existing.IsFaulted ? NewEntry(voteId, now) : existing);
        if (entries.Count > Capacity)
        {
            foreach (var oldest in entries.OrderBy(e => e.Value.ReadAt).Take(entries.Count - Capacity).ToList())
            {
                entries.TryRemove(oldest);
            }
        }

        // The shared read is not cancelled by one screen going away; each caller only stops waiting.
        return await entry.Names.Value.WaitAsync(ct);
    }

    private Entry NewEntry(Guid voteId, DateTimeOffset now) => new(now, new Lazy<Task<IReadOnlyList<(string, VoteChoice)>>>(() => ReadAsync(voteId)));

    private async Task<IReadOnlyList<(string, VoteChoice)>> ReadAsync(Guid voteId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var names = await (from c in db.Set<OpenVoteChoice>().AsNoTracking()
                           join i in db.Institutions on c.InstitutionId equals i.Id
                           where c.VoteId == voteId
                           orderby i.Acronym
                           select new { i.Acronym, c.Choice }).ToListAsync();
        return [.. names.Select(n => (n.Acronym, n.Choice))];
    }

    private sealed record Entry(DateTimeOffset ReadAt, Lazy<Task<IReadOnlyList<(string, VoteChoice)>>> Names)
    {
        public bool IsFaulted => Names.IsValueCreated && Names.Value.IsFaulted;
    }
}
