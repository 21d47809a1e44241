using Noress.App.Calls;
using Noress.App.Calls.Workflow;

namespace Noress.Tests.Calls;

public sealed class CallWorkflowTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 5, 23, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Before = Deadline.AddMilliseconds(-1);
    private static readonly DateTimeOffset After = Deadline.AddMilliseconds(1);

    private static TransitionRequest Request(
        ApplicationState from, ApplicationState to, CallActor actor, DateTimeOffset? now = null, string? reason = null, int? rank = null, CallKind kind = CallKind.Ami) =>
        new(kind, from, to, actor, now ?? After, Deadline, reason, rank);

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, CallsEngineCodes.DeadlinePassed)]
    [InlineData(1, CallsEngineCodes.DeadlinePassed)]
    public void Check_SubmitAroundTheDeadline_IsJudgedToTheMillisecond(int offsetMs, string? expected) =>
        Assert.Equal(expected, CallWorkflow.Check(Request(ApplicationState.Draft, ApplicationState.Submitted, CallActor.Applicant, Deadline.AddMilliseconds(offsetMs))));

    [Fact]
    public void Check_WithdrawAndResubmitBeforeTheDeadline_AreAllowed()
    {
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Submitted, ApplicationState.Withdrawn, CallActor.Applicant, Before)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Withdrawn, ApplicationState.Draft, CallActor.Applicant, Before)));
        Assert.Equal(CallsEngineCodes.DeadlinePassed, CallWorkflow.Check(Request(ApplicationState.Submitted, ApplicationState.Withdrawn, CallActor.Applicant, Deadline)));
    }

    [Fact]
    public void Check_ScreeningBeforeTheDeadline_IsRefused()
    {
        Assert.Equal(CallsEngineCodes.DeadlineNotReached, CallWorkflow.Check(Request(ApplicationState.Submitted, ApplicationState.Screening, CallActor.System, Before)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Submitted, ApplicationState.Screening, CallActor.System, Deadline)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Submitted, ApplicationState.Screening, CallActor.Secretariat, After)));
    }

    [Theory]
    [InlineData(ApplicationState.Screening, ApplicationState.Ineligible)]
    [InlineData(ApplicationState.Screening, ApplicationState.InformationRequested)]
    [InlineData(ApplicationState.InformationRequested, ApplicationState.Ineligible)]
    public void Check_SecretariatDecisionsWithoutReason_AreRefused(ApplicationState from, ApplicationState to)
    {
        Assert.Equal(CallsEngineCodes.ReasonRequired, CallWorkflow.Check(Request(from, to, CallActor.Secretariat)));
        Assert.Equal(CallsEngineCodes.ReasonRequired, CallWorkflow.Check(Request(from, to, CallActor.Secretariat, reason: "   no  ")));
        Assert.Null(CallWorkflow.Check(Request(from, to, CallActor.Secretariat, reason: "Statuts non fournis")));
    }

    [Fact]
    public void Check_RejectionNeedsAReason_SelectionDoesNot()
    {
        Assert.Equal(CallsEngineCodes.ReasonRequired, CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Rejected, CallActor.JuryChair)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Rejected, CallActor.JuryChair, reason: "Budget non réaliste")));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Selected, CallActor.JuryChair)));
    }

    [Fact]
    public void Check_ApplicantAnswersARequestForInformation_BackToScreening()
    {
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.InformationRequested, ApplicationState.Screening, CallActor.Applicant)));
        Assert.Equal(CallsEngineCodes.TransitionActorNotAllowed, CallWorkflow.Check(Request(ApplicationState.Screening, ApplicationState.UnderEvaluation, CallActor.Applicant)));
    }

    [Fact]
    public void Check_TheAmiFollowUp_GoesStepByStepToClosed()
    {
        ApplicationState[] path = [ApplicationState.Selected, ApplicationState.AgreementSigned, ApplicationState.InstalmentsPaid, ApplicationState.Reporting, ApplicationState.Closed];
        for (var i = 0; i < path.Length - 1; i++)
        {
            Assert.Null(CallWorkflow.Check(Request(path[i], path[i + 1], CallActor.Secretariat)));
        }

        Assert.Equal(CallsEngineCodes.TransitionNotAllowed, CallWorkflow.Check(Request(ApplicationState.Selected, ApplicationState.InstalmentsPaid, CallActor.Secretariat)));
        Assert.True(CallWorkflow.IsTerminal(CallKind.Ami, ApplicationState.Closed));
    }

    [Fact]
    public void Check_CompetitionOutcomes_AreNotAmiOutcomes()
    {
        Assert.Equal(CallsEngineCodes.TransitionNotAllowed, CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Selected, CallActor.JuryChair, kind: CallKind.Competition)));
        Assert.Equal(CallsEngineCodes.TransitionNotAllowed, CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Awarded, CallActor.JuryChair, rank: 1)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Awarded, CallActor.JuryChair, rank: 1, kind: CallKind.Competition)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.HonourableMention, CallActor.JuryChair, kind: CallKind.Competition)));
        Assert.Null(CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.NotAwarded, CallActor.JuryChair, kind: CallKind.Competition)));
    }

    [Fact]
    public void Check_PrizeRank_IsRequiredForAPrizeOnly()
    {
        Assert.Equal(CallsEngineCodes.PrizeRankRequired, CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.Awarded, CallActor.JuryChair, kind: CallKind.Competition)));
        Assert.Equal(CallsEngineCodes.PrizeRankUnexpected, CallWorkflow.Check(Request(ApplicationState.Deliberation, ApplicationState.NotAwarded, CallActor.JuryChair, rank: 2, kind: CallKind.Competition)));
    }

    [Fact]
    public void Available_GivesTheButtonsOfEachActor()
    {
        static ApplicationState[] Targets(ApplicationState from, CallActor actor, DateTimeOffset now, CallKind kind = CallKind.Ami) =>
            CallWorkflow.Available(kind, from, actor, now, Deadline).Select(t => t.To).Order().ToArray();

        Assert.Equal([ApplicationState.Submitted], Targets(ApplicationState.Draft, CallActor.Applicant, Before));
        Assert.Empty(Targets(ApplicationState.Draft, CallActor.Applicant, Deadline));
        Assert.Empty(Targets(ApplicationState.Draft, CallActor.Secretariat, Before));
        Assert.Equal([ApplicationState.InformationRequested, ApplicationState.Ineligible, ApplicationState.UnderEvaluation], Targets(ApplicationState.Screening, CallActor.Secretariat, After));
        Assert.Equal([ApplicationState.Selected, ApplicationState.Reserve, ApplicationState.Rejected], Targets(ApplicationState.Deliberation, CallActor.JuryChair, After));
        Assert.Equal([ApplicationState.Awarded, ApplicationState.HonourableMention, ApplicationState.NotAwarded], Targets(ApplicationState.Deliberation, CallActor.JuryChair, After, CallKind.Competition));
        Assert.Empty(Targets(ApplicationState.Deliberation, CallActor.Secretariat, After));
    }

    [Theory]
    [InlineData(CallKind.Ami, ApplicationState.Ineligible)]
    [InlineData(CallKind.Ami, ApplicationState.Rejected)]
    [InlineData(CallKind.Ami, ApplicationState.Closed)]
    [InlineData(CallKind.Competition, ApplicationState.Awarded)]
    [InlineData(CallKind.Competition, ApplicationState.HonourableMention)]
    [InlineData(CallKind.Competition, ApplicationState.NotAwarded)]
    [InlineData(CallKind.Competition, ApplicationState.Ineligible)]
    public void IsTerminal_OutcomesAndClosed(CallKind kind, ApplicationState state) => Assert.True(CallWorkflow.IsTerminal(kind, state));

    [Fact]
    public void IsFinal_DraftsAndWithdrawnApplications_OnceTheDeadlineHasPassed()
    {
        Assert.False(CallWorkflow.IsTerminal(CallKind.Ami, ApplicationState.Withdrawn));
        Assert.False(CallWorkflow.IsFinal(CallKind.Ami, ApplicationState.Withdrawn, Before, Deadline));
        Assert.True(CallWorkflow.IsFinal(CallKind.Ami, ApplicationState.Withdrawn, Deadline, Deadline));
        Assert.True(CallWorkflow.IsFinal(CallKind.Competition, ApplicationState.Draft, After, Deadline));
        Assert.False(CallWorkflow.IsFinal(CallKind.Ami, ApplicationState.Submitted, After, Deadline));
    }

    /// <summary>Every state of the enum has a place: reachable from Draft for some kind (the workflow has no orphan).</summary>
    [Fact]
    public void Transitions_ReachEveryStateFromDraft()
    {
        var reached = new HashSet<ApplicationState> { ApplicationState.Draft };
        var frontier = new Queue<ApplicationState>(reached);
        while (frontier.Count > 0)
        {
            var state = frontier.Dequeue();
            foreach (var t in CallWorkflow.Transitions.Where(t => t.From == state && reached.Add(t.To)))
            {
                frontier.Enqueue(t.To);
            }
        }

        Assert.Equal(Enum.GetValues<ApplicationState>().Order(), reached.Order());
    }

    /// <summary>Property: for random requests, Check allows exactly what Available offers (the buttons and the server agree).</summary>
    [Fact]
    public void Check_AgreesWithAvailable_ForRandomRequests()
    {
        var random = new Random(20261205);
        var states = Enum.GetValues<ApplicationState>();
        var actors = Enum.GetValues<CallActor>();
        for (var i = 0; i < 5000; i++)
        {
            var kind = random.Next(2) == 0 ? CallKind.Ami : CallKind.Competition;
            var from = states[random.Next(states.Length)];
            var to = states[random.Next(states.Length)];
            var actor = actors[random.Next(actors.Length)];
            var now = Deadline.AddMilliseconds(random.Next(-2, 3));
            var row = CallWorkflow.Available(kind, from, actor, now, Deadline).FirstOrDefault(t => t.To == to);
            var request = new TransitionRequest(kind, from, to, actor, now, Deadline, "Motif suffisant", row?.NeedsPrizeRank == true ? 1 : null);
            Assert.Equal(row is not null, CallWorkflow.Check(request) is null);
        }
    }

    /// <summary>No dead end: from every state of a kind's workflow, some path leads to a terminal state.</summary>
    [Theory]
    [InlineData(CallKind.Ami)]
    [InlineData(CallKind.Competition)]
    public void Transitions_EveryStateLeadsToAnEnd(CallKind kind)
    {
        var rows = CallWorkflow.Transitions.Where(t => t.Kind == kind).ToList();
        foreach (var start in rows.Select(t => t.From).Distinct())
        {
            var seen = new HashSet<ApplicationState> { start };
            var queue = new Queue<ApplicationState>(seen);
            var ends = false;
            while (queue.Count > 0 && !ends)
            {
                var state = queue.Dequeue();
                ends = CallWorkflow.IsTerminal(kind, state);
                foreach (var t in rows.Where(t => t.From == state && seen.Add(t.To)))
                {
                    queue.Enqueue(t.To);
                }
            }

            Assert.True(ends, $"{kind}: {start} leads nowhere final");
        }
    }

    [Fact]
    public void Transitions_HaveNoDuplicateRow()
    {
        Assert.Equal(CallWorkflow.Transitions.Count, CallWorkflow.Transitions.Distinct().Count());
        Assert.DoesNotContain(CallWorkflow.Transitions, t => t.From == t.To);
    }
}
