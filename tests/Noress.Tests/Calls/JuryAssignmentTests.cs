using Noress.App.Calls.Evaluation;

namespace Noress.Tests.Calls;

public sealed class JuryAssignmentTests
{
    private static Guid Entry(int n) => new($"00000000-0000-0000-0001-{n:D12}");

    private static Guid Juror(int n) => new($"00000000-0000-0000-0002-{n:D12}");

    private static List<Guid> Entries(int count) => Enumerable.Range(1, count).Select(Entry).ToList();

    private static List<Guid> Jurors(int count) => Enumerable.Range(1, count).Select(Juror).ToList();

    private static AssignmentInput Input(int entries, int jurors, int k, int seed = 7, HashSet<(Guid, Guid)>? conflicts = null, List<AssignmentPair>? manual = null) =>
        new(Entries(entries), Jurors(jurors), conflicts ?? [], manual ?? [], k, seed);

    [Fact]
    public void Assign_TwelveEntriesFourJurorsTwoEach_GivesEveryoneSix()
    {
        var result = JuryAssignment.Assign(Input(12, 4, 2));

        Assert.Equal(24, result.Assignments.Count);
        Assert.All(result.Assignments.GroupBy(a => a.ApplicationId), g => Assert.Equal(2, g.Select(a => a.JurorId).Distinct().Count()));
        Assert.All(result.Loads.Values, l => Assert.Equal(6, l));
        Assert.Empty(result.Shortfalls);
    }

    [Fact]
    public void Assign_NeverGivesAConflictedJurorAnEntry_AndReportsWhatCannotReachK()
    {
        // Entry 1 is conflicted with jurors 1 and 2 of three: it can have only juror 3.
        var conflicts = new HashSet<(Guid, Guid)> { (Entry(1), Juror(1)), (Entry(1), Juror(2)) };
        var result = JuryAssignment.Assign(Input(3, 3, 2, conflicts: conflicts));

        Assert.Equal([Juror(3)], result.Assignments.Where(a => a.ApplicationId == Entry(1)).Select(a => a.JurorId));
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(new AssignmentShortfall(Entry(1), 1, 1), shortfall);
    }

    [Fact]
    public void Assign_KeepsManualAssignments_CountsThemTowardsKAndLoad()
    {
        var manual = new List<AssignmentPair> { new(Entry(1), Juror(1)), new(Entry(1), Juror(2)), new(Entry(2), Juror(1)) };
        var result = JuryAssignment.Assign(Input(4, 3, 2, manual: manual));

        Assert.Equal([Juror(1), Juror(2)], result.Assignments.Where(a => a.ApplicationId == Entry(1)).Select(a => a.JurorId));
        Assert.All(result.Assignments.Where(a => a.ApplicationId == Entry(1)), a => Assert.True(a.Manual));
        Assert.Contains(new JurorAssignment(Entry(2), Juror(1), true), result.Assignments);
        Assert.Equal(3, result.Assignments.Count(a => a.Manual));
        Assert.True(result.Loads.Values.Max() - result.Loads.Values.Min() <= 1);
    }

    [Fact]
    public void Assign_ConflictedManualAssignment_IsDroppedAndReported()
    {
        var conflicts = new HashSet<(Guid, Guid)> { (Entry(1), Juror(1)) };
        var result = JuryAssignment.Assign(Input(2, 3, 1, conflicts: conflicts, manual: [new(Entry(1), Juror(1))]));

        Assert.Equal([new AssignmentPair(Entry(1), Juror(1))], result.ConflictedManual);
        Assert.DoesNotContain(result.Assignments, a => a.ApplicationId == Entry(1) && a.JurorId == Juror(1));
        Assert.Single(result.Assignments, a => a.ApplicationId == Entry(1));
    }

    [Fact]
    public void Assign_ManualEntryOrJurorNotInTheInput_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => JuryAssignment.Assign(Input(2, 2, 1, manual: [new(Entry(9), Juror(1))])));

    [Fact]
    public void Assign_MovesAlongAChain_WhenNoDirectMoveBalances()
    {
        // Entries 1 and 2 cannot go to juror 3, entry 3 cannot go to juror 1. Some seeds' first pass leaves juror 1 with
        // two and juror 3 with none: only a chain (entry 3 from juror 2 to juror 3, then one of juror 1's to juror 2) balances it.
        var conflicts = new HashSet<(Guid, Guid)> { (Entry(1), Juror(3)), (Entry(2), Juror(3)), (Entry(3), Juror(1)) };
        for (var seed = 0; seed < 64; seed++)
        {
            var result = JuryAssignment.Assign(Input(3, 3, 1, seed, conflicts));
            Assert.All(result.Loads.Values, l => Assert.Equal(1, l));
        }
    }

    [Fact]
    public void Assign_SameInputAndSeed_SameAssignment_WhateverTheOrder()
    {
        var input = Input(20, 7, 3, seed: 42);
        var again = input with { Entries = input.Entries.Reverse().ToList(), Jurors = input.Jurors.Reverse().ToList() };

        Assert.Equal(JuryAssignment.Assign(input).Assignments, JuryAssignment.Assign(again).Assignments);
    }

    [Fact]
    public void Assign_OtherSeeds_ChooseOtherwise()
    {
        var results = Enumerable.Range(0, 8).Select(seed => JuryAssignment.Assign(Input(5, 7, 2, seed)).Assignments).ToList();
        Assert.Contains(results.Skip(1), r => !r.SequenceEqual(results[0]));
    }

    [Fact]
    public void Assign_NoJurors_EveryEntryIsShort()
    {
        var result = JuryAssignment.Assign(Input(2, 0, 2));
        Assert.Empty(result.Assignments);
        Assert.All(result.Shortfalls, s => Assert.Equal(2, s.Missing));
    }

    /// <summary>Property: without conflicts every entry gets k distinct jurors and the loads differ by at most one.</summary>
    [Fact]
    public void Assign_RandomWithoutConflicts_ExactKAndBalanced()
    {
        var random = new Random(71205);
        for (var round = 0; round < 300; round++)
        {
            var jurors = random.Next(1, 11);
            var k = random.Next(0, Math.Min(jurors, 4) + 1);
            var result = JuryAssignment.Assign(Input(random.Next(1, 31), jurors, k, random.Next()));

            Assert.All(result.Assignments.GroupBy(a => a.ApplicationId), g => Assert.Equal(k, g.Select(a => a.JurorId).Distinct().Count()));
            Assert.Empty(result.Shortfalls);
            Assert.True(result.Loads.Values.Max() - result.Loads.Values.Min() <= 1);
        }
    }

    /// <summary>
    /// Property, with random conflicts and manual assignments: nothing conflicted, manual ones kept, each entry as close to k
    /// as its non-conflicted jurors allow, shortfalls exactly the entries below k, and no juror could directly hand an
    /// automatic entry to one with two fewer (the balancing's end condition, checked independently).
    /// </summary>
    [Fact]
    public void Assign_RandomWithConflictsAndManual_InvariantsHold()
    {
        var random = new Random(120526);
        for (var round = 0; round < 300; round++)
        {
            var entries = Entries(random.Next(1, 25));
            var jurors = Jurors(random.Next(1, 9));
            var k = random.Next(1, 4);
            var conflicts = new HashSet<(Guid, Guid)>();
            var manual = new List<AssignmentPair>();
            foreach (var e in entries)
            {
                foreach (var j in jurors)
                {
                    var roll = random.Next(100);
                    if (roll < 20)
                    {
                        conflicts.Add((e, j));
                    }
                    else if (roll < 25)
                    {
                        manual.Add(new AssignmentPair(e, j));
                    }
                }
            }

            // A few manual assignments on conflicted pairs, which must be dropped.
            manual.AddRange(conflicts.Take(2).Select(c => new AssignmentPair(c.Item1, c.Item2)));
            var result = JuryAssignment.Assign(new AssignmentInput(entries, jurors, conflicts, manual, k, random.Next()));
            var byEntry = result.Assignments.ToLookup(a => a.ApplicationId, a => a.JurorId);

            Assert.DoesNotContain(result.Assignments, a => conflicts.Contains((a.ApplicationId, a.JurorId)));
            Assert.All(manual.Where(m => !conflicts.Contains((m.ApplicationId, m.JurorId))), m => Assert.Contains(new JurorAssignment(m.ApplicationId, m.JurorId, true), result.Assignments));
            Assert.All(manual.Where(m => conflicts.Contains((m.ApplicationId, m.JurorId))), m => Assert.Contains(m, result.ConflictedManual));
            foreach (var e in entries)
            {
                var eligible = jurors.Count(j => !conflicts.Contains((e, j)));
                var manualCount = manual.Count(m => m.ApplicationId == e && !conflicts.Contains((e, m.JurorId)));
                Assert.Equal(Math.Max(manualCount, Math.Min(k, eligible)), byEntry[e].Count());
                Assert.Equal(byEntry[e].Count() < k, result.Shortfalls.Any(s => s.ApplicationId == e));
            }

            Assert.Equal(jurors.ToDictionary(j => j, j => result.Assignments.Count(a => a.JurorId == j)), result.Loads);
            foreach (var a in result.Assignments.Where(a => !a.Manual))
            {
                Assert.DoesNotContain(jurors, j => result.Loads[j] <= result.Loads[a.JurorId] - 2 && !conflicts.Contains((a.ApplicationId, j)) && !byEntry[a.ApplicationId].Contains(j));
            }
        }
    }

    /// <summary>Property: with at most one conflict per entry and no manual assignment, balance is always reachable and reached.</summary>
    [Fact]
    public void Assign_RandomSparseConflicts_Balanced()
    {
        var random = new Random(2026);
        for (var round = 0; round < 300; round++)
        {
            var entries = Entries(random.Next(1, 30));
            var jurors = Jurors(random.Next(3, 9));
            var conflicts = entries.Where(_ => random.Next(3) == 0).Select(e => (e, jurors[random.Next(jurors.Count)])).ToHashSet();
            var result = JuryAssignment.Assign(new AssignmentInput(entries, jurors, conflicts, [], 2, random.Next()));

            Assert.Empty(result.Shortfalls);
            Assert.True(result.Loads.Values.Max() - result.Loads.Values.Min() <= 1, string.Join(",", result.Loads.Values));
        }
    }
}
