using Noress.App.Calls;
using Noress.App.Calls.Evaluation;
using Noress.App.Calls.Workflow;
using ScoreSheet = Noress.App.Calls.Evaluation.ScoreSheet;

namespace Noress.Tests.Calls;

/// <summary>The rules composed as a service would: conflicts, assignment, sheets, aggregation, ranking, then selection within the envelope.</summary>
public sealed class CallsEngineScenarioTests
{
    private static Guid Id(string prefix, int n) => new($"{prefix}0000000-0000-0000-0000-{n:D12}");

    [Fact]
    public void AmiEdition_FromConflictsToTheEnvelope()
    {
        var institutions = Enumerable.Range(1, 4).Select(n => Id("a", n)).ToList();
        var applications = Enumerable.Range(1, 4)
            .Select(n => new ConflictEntry(Id("b", n), institutions[n - 1], n == 1 ? [institutions[3]] : [], []))
            .ToList();
        var jurors = Enumerable.Range(1, 4).Select(n => Id("c", n)).ToList();

        // Juror 1 works at institution 1 (applicant of entry 1); juror 4 used to work at institution 4 (entry 4, partner of entry 1).
        var conflicts = JuryConflicts.Compute(applications, jurors, [new(jurors[0], institutions[0]), new(jurors[3], institutions[3])], []);
        var assignment = JuryAssignment.Assign(new AssignmentInput(applications.Select(a => a.ApplicationId).ToList(), jurors, conflicts.Pairs, [], 2, 2026));

        Assert.Empty(assignment.Shortfalls);
        Assert.DoesNotContain(assignment.Assignments, a => conflicts.IsConflicted(a.ApplicationId, a.JurorId));
        Assert.True(assignment.Loads.Values.Max() - assignment.Loads.Values.Min() <= 1);

        // Each assigned juror scores: entry n gets 10 + 2n from everyone, so entry 4 leads and entry 1 trails.
        var grid = new EvaluationGrid([new GridCriterion(1, 3m, 0m, 20m), new GridCriterion(2, 1m, 0m, 20m)], 20m);
        var sheets = assignment.Assignments
            .Select(a => new ScoreSheet(a.ApplicationId, a.JurorId, true, false, new Dictionary<int, decimal>
            {
                [1] = 10 + (2 * (applications.FindIndex(x => x.ApplicationId == a.ApplicationId) + 1)),
                [2] = 10,
            }))
            .ToList();

        // Juror 1 also left a sheet on entry 1 before the conflict was known: it must weigh nothing.
        sheets.Add(new ScoreSheet(applications[0].ApplicationId, jurors[0], true, conflicts.IsConflicted(applications[0].ApplicationId, jurors[0]), new Dictionary<int, decimal> { [1] = 20, [2] = 20 }));
        var aggregates = JuryAggregation.Aggregate(
            grid,
            applications.Select(a => new EvaluatedApplication(a.ApplicationId, null)).ToList(),
            sheets,
            new AggregationOptions(MinimumJurors: 2)).Applications;
        var ranking = JuryRanking.Rank(aggregates, RankingOptions.Default);

        Assert.Equal(applications.Select(a => a.ApplicationId).Reverse(), ranking.Entries.Select(e => e.Aggregate.ApplicationId));
        Assert.Equal(2, ranking.Entries.Last().Aggregate.JurorCount);

        // The first edition's envelope: two projects of 40,000 MAD. The third selection is refused.
        var lines = new List<EnvelopeLine>();
        var deadline = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);
        foreach (var entry in ranking.Entries.Take(3))
        {
            var step = CallWorkflow.Check(new TransitionRequest(CallKind.Ami, ApplicationState.Deliberation, ApplicationState.Selected, CallActor.JuryChair, deadline.AddDays(20), deadline));
            Assert.Null(step);
            var code = CallEnvelope.CheckSelection(CallEnvelope.Status(80_000m, 2, lines), 40_000m);
            lines.Add(new EnvelopeLine(entry.Aggregate.ApplicationId, code is null ? ApplicationState.Selected : ApplicationState.Reserve, 40_000m));
            Assert.Equal(lines.Count <= 2 ? null : CallsEngineCodes.EnvelopeProjectsExceeded, code);
        }

        Assert.Equal(0m, CallEnvelope.Status(80_000m, 2, lines).AvailableAmount);
    }
}
