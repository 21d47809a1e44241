namespace Noress.App.Calls.Evaluation;

/// <param name="ApplicationId">The entry.</param>
/// <param name="JurorId">The juror.</param>
public sealed record AssignmentPair(Guid ApplicationId, Guid JurorId);

/// <param name="Entries">The entries to review.</param>
/// <param name="Jurors">The jurors available.</param>
/// <param name="Conflicts">Conflicted (entry, juror) pairs, automatic and declared (<see cref="JuryConflicts.Pairs"/>).</param>
/// <param name="Manual">Assignments made by hand, kept as they are (except conflicted ones).</param>
/// <param name="ReviewsPerEntry">k: the reviews each entry should get.</param>
/// <param name="Seed">Chooses among equally good jurors; the same input and seed always give the same assignment.</param>
public sealed record AssignmentInput(
    IReadOnlyList<Guid> Entries,
    IReadOnlyList<Guid> Jurors,
    IReadOnlySet<(Guid ApplicationId, Guid JurorId)> Conflicts,
    IReadOnlyList<AssignmentPair> Manual,
    int ReviewsPerEntry,
    int Seed);

/// <param name="ApplicationId">The entry.</param>
/// <param name="JurorId">The juror.</param>
/// <param name="Manual">Made by hand (kept) rather than by the engine.</param>
public sealed record JurorAssignment(Guid ApplicationId, Guid JurorId, bool Manual);

/// <param name="ApplicationId">The entry that cannot reach k reviews.</param>
/// <param name="Assigned">The jurors it has.</param>
/// <param name="Missing">How many more it would need (not enough non-conflicted jurors).</param>
public sealed record AssignmentShortfall(Guid ApplicationId, int Assigned, int Missing);

/// <param name="Assignments">Every assignment, manual ones included, by entry then juror.</param>
/// <param name="Shortfalls">Entries with fewer than k jurors.</param>
/// <param name="ConflictedManual">Manual assignments dropped because the juror is conflicted.</param>
/// <param name="Loads">Entries per juror (every juror, zero included).</param>
public sealed record AssignmentResult(
    IReadOnlyList<JurorAssignment> Assignments,
    IReadOnlyList<AssignmentShortfall> Shortfalls,
    IReadOnlyList<AssignmentPair> ConflictedManual,
    IReadOnlyDictionary<Guid, int> Loads);

/// <summary>
/// Automatic assignment of jurors (issue 12 §7), in the spirit of HotCRP's "ensure k reviews" autoassigner: manual
/// assignments are kept and count towards both k and the load; each entry then gets non-conflicted jurors up to k, the
/// least loaded first, most constrained entries first; finally assignments are moved along chains of jurors (A's entry to B,
/// B's to C...) while one juror has at least two more than another, which reaches max − min ≤ 1 whenever conflicts and
/// manual assignments allow it. Ties are broken by a permutation drawn from the seed, after sorting the input by id, so
/// the result depends on the sets given and the seed, not on their order.
/// </summary>
public static class JuryAssignment
{
    public static AssignmentResult Assign(AssignmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ReviewsPerEntry < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "k cannot be negative.");
        }

        var random = new SplitMix64((ulong)(uint)input.Seed);
        var entries = Shuffle(input.Entries.Distinct().Order().ToList(), random);
        var jurors = Shuffle(input.Jurors.Distinct().Order().ToList(), random);
        var priority = jurors.Select((j, i) => (j, i)).ToDictionary(p => p.j, p => p.i);
        var entrySet = entries.ToHashSet();
        if (input.Manual.Any(m => !entrySet.Contains(m.ApplicationId) || !priority.ContainsKey(m.JurorId)))
        {
            throw new ArgumentException("A manual assignment names an entry or a juror not in the input.", nameof(input));
        }

        bool Conflicted(Guid entry, Guid juror) => input.Conflicts.Contains((entry, juror));

        var assigned = entries.ToDictionary(e => e, _ => new HashSet<Guid>());
        var manual = new HashSet<(Guid, Guid)>();
        var conflictedManual = new List<AssignmentPair>();
        foreach (var m in input.Manual.Distinct().OrderBy(m => m.ApplicationId).ThenBy(m => m.JurorId))
        {
            if (Conflicted(m.ApplicationId, m.JurorId))
            {
                conflictedManual.Add(m);
                continue;
            }

            assigned[m.ApplicationId].Add(m.JurorId);
            manual.Add((m.ApplicationId, m.JurorId));
        }

        var load = jurors.ToDictionary(j => j, j => manual.Count(m => m.Item2 == j));
        var eligible = entries.ToDictionary(e => e, e => jurors.Where(j => !Conflicted(e, j)).ToList());

        // Round by round, so every entry gets its first juror before any gets its second; the most constrained entries choose first.
        var order = entries.OrderBy(e => eligible[e].Count).ToList();
        for (var round = 0; round < input.ReviewsPerEntry; round++)
        {
            foreach (var entry in order.Where(e => assigned[e].Count < input.ReviewsPerEntry))
            {
                var pick = eligible[entry].Where(j => !assigned[entry].Contains(j)).OrderBy(j => load[j]).ThenBy(j => priority[j]).Select(j => (Guid?)j).FirstOrDefault();
                if (pick is { } juror)
                {
                    assigned[entry].Add(juror);
                    load[juror]++;
                }
            }
        }

        Balance(jurors, assigned, manual, load, Conflicted);

        var assignments = assigned
            .SelectMany(a => a.Value.Select(j => new JurorAssignment(a.Key, j, manual.Contains((a.Key, j)))))
            .OrderBy(a => a.ApplicationId).ThenBy(a => a.JurorId)
            .ToList();
        var shortfalls = assigned
            .Where(a => a.Value.Count < input.ReviewsPerEntry)
            .Select(a => new AssignmentShortfall(a.Key, a.Value.Count, input.ReviewsPerEntry - a.Value.Count))
            .OrderBy(s => s.ApplicationId)
            .ToList();
        return new AssignmentResult(assignments, shortfalls, conflictedManual, load);
    }

    /// <summary>
    /// While a path exists from a juror with load L to one with load ≤ L − 2 (each step: a juror hands one of its automatic
    /// entries to the next, who is free and not conflicted for it), shift one entry along it. Each shift lowers Σ load², so
    /// this ends; when no such path remains the loads are as even as the constraints allow.
    /// </summary>
    private static void Balance(
        List<Guid> jurors,
        Dictionary<Guid, HashSet<Guid>> assigned,
        HashSet<(Guid, Guid)> manual,
        Dictionary<Guid, int> load,
        Func<Guid, Guid, bool> conflicted)
    {
        var entryOrder = assigned.Keys.Order().ToList();
        while (true)
        {
            var moved = false;
            foreach (var source in jurors.OrderByDescending(j => load[j]).ToList())
            {
                var path = FindPath(source, jurors, entryOrder, assigned, manual, load, conflicted);
                if (path is null)
                {
                    continue;
                }

                foreach (var (entry, from, to) in path)
                {
                    assigned[entry].Remove(from);
                    assigned[entry].Add(to);
                }

                load[source]--;
                load[path[^1].To]++;
                moved = true;
                break;
            }

            if (!moved)
            {
                return;
            }
        }
    }

    private static List<(Guid Entry, Guid From, Guid To)>? FindPath(
        Guid source,
        List<Guid> jurors,
        List<Guid> entryOrder,
        Dictionary<Guid, HashSet<Guid>> assigned,
        HashSet<(Guid, Guid)> manual,
        Dictionary<Guid, int> load,
        Func<Guid, Guid, bool> conflicted)
    {
        var cameFrom = new Dictionary<Guid, (Guid Entry, Guid From)>();
        var queue = new Queue<Guid>();
        queue.Enqueue(source);
        var visited = new HashSet<Guid> { source };
        while (queue.Count > 0)
        {
            var juror = queue.Dequeue();
            foreach (var entry in entryOrder.Where(e => assigned[e].Contains(juror) && !manual.Contains((e, juror))))
            {
                foreach (var next in jurors.Where(j => !visited.Contains(j) && !assigned[entry].Contains(j) && !conflicted(entry, j)))
                {
                    visited.Add(next);
                    cameFrom[next] = (entry, juror);
                    if (load[next] <= load[source] - 2)
                    {
                        var path = new List<(Guid, Guid, Guid)>();
                        for (var at = next; at != source; at = cameFrom[at].From)
                        {
                            path.Add((cameFrom[at].Entry, cameFrom[at].From, at));
                        }

                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static List<Guid> Shuffle(List<Guid> items, SplitMix64 random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    /// <summary>A tiny generator with a fixed algorithm, so a seed means the same assignment on every runtime version.</summary>
    private sealed class SplitMix64(ulong state)
    {
        public ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
