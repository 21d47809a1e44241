namespace Noress.App.Calls.Workflow;

/// <summary>Who takes a step on an application.</summary>
public enum CallActor
{
    /// <summary>The applicant's representative (for a member institution) or the registered initiative's account.</summary>
    Applicant = 0,

    /// <summary>The network's permanent secretariat, which runs the call.</summary>
    Secretariat = 1,

    /// <summary>The chair of the evaluation committee or jury, who records the deliberation's decisions.</summary>
    JuryChair = 2,

    /// <summary>A scheduled job (the deadline closing, the end of evaluation), never a person.</summary>
    System = 3,
}

/// <summary>When, relative to the call's deadline, a step may be taken.</summary>
public enum DeadlineRule
{
    Any = 0,

    /// <summary>Strictly before the deadline: at the exact deadline it is already too late.</summary>
    BeforeDeadline = 1,

    /// <summary>At or after the deadline (screening starts once nothing can change any more).</summary>
    AfterDeadline = 2,
}

/// <param name="Kind">The kind of call the step exists for.</param>
/// <param name="From">The state the application must be in.</param>
/// <param name="To">The state it ends in.</param>
/// <param name="Actor">Who may take it (one row per actor).</param>
/// <param name="NeedsReason">A written reason is required (it goes into the notification and the audit trail).</param>
/// <param name="Deadline">When, relative to the deadline, the step may be taken.</param>
/// <param name="NeedsPrizeRank">The step awards a prize and needs its rank (competition only).</param>
public sealed record ApplicationTransition(
    CallKind Kind,
    ApplicationState From,
    ApplicationState To,
    CallActor Actor,
    bool NeedsReason = false,
    DeadlineRule Deadline = DeadlineRule.Any,
    bool NeedsPrizeRank = false);

/// <summary>A step someone asks for, with what the check needs to judge it.</summary>
/// <param name="Kind">The call's kind.</param>
/// <param name="From">The application's current state (as read in the same transaction that will save the step).</param>
/// <param name="To">The state asked for.</param>
/// <param name="Actor">Who asks.</param>
/// <param name="Now">The server's clock at the moment of the request.</param>
/// <param name="Deadline">The call's deadline.</param>
/// <param name="Reason">The written reason, when one is given.</param>
/// <param name="PrizeRank">The prize's rank, when a prize is awarded.</param>
public sealed record TransitionRequest(
    CallKind Kind,
    ApplicationState From,
    ApplicationState To,
    CallActor Actor,
    DateTimeOffset Now,
    DateTimeOffset Deadline,
    string? Reason = null,
    int? PrizeRank = null);

/// <summary>
/// The applications' workflow as data (issue 12 §6): every allowed step per kind of call, who may take it, whether
/// it needs a reason, and when relative to the deadline. The pages' buttons come from <see cref="Available"/> and
/// the server refuses anything else through <see cref="Check"/>.
/// </summary>
public static class CallWorkflow
{
    /// <summary>The shortest reason accepted: a few words, not a single letter typed to get past the check.</summary>
    public const int MinimumReasonLength = 5;

    public static readonly IReadOnlyList<ApplicationTransition> Transitions = Build();

    /// <summary>States nothing leaves, for the kind: the application's story is over.</summary>
    public static bool IsTerminal(CallKind kind, ApplicationState state) =>
        !Transitions.Any(t => t.Kind == kind && t.From == state);

    /// <summary>
    /// Whether nothing can happen to the application any more, now or later: a terminal state, or one whose only ways
    /// out close at the deadline once it has passed (a draft never submitted, a withdrawn application).
    /// </summary>
    public static bool IsFinal(CallKind kind, ApplicationState state, DateTimeOffset now, DateTimeOffset deadline) =>
        !Transitions.Any(t => t.Kind == kind && t.From == state && (t.Deadline != DeadlineRule.BeforeDeadline || IsBeforeDeadline(now, deadline)));

    /// <summary>Whether <paramref name="now"/> is before the deadline: the deadline itself is already too late.</summary>
    public static bool IsBeforeDeadline(DateTimeOffset now, DateTimeOffset deadline) => now < deadline;

    /// <summary>The steps <paramref name="actor"/> may take now from <paramref name="from"/>: what the page offers as buttons.</summary>
    public static IReadOnlyList<ApplicationTransition> Available(
        CallKind kind, ApplicationState from, CallActor actor, DateTimeOffset now, DateTimeOffset deadline) =>
        Transitions.Where(t => t.Kind == kind && t.From == from && t.Actor == actor && DeadlineAllows(t.Deadline, now, deadline)).ToList();

    /// <summary>Null when the step is allowed, else the refusal code (a key of CallsEngineText).</summary>
    public static string? Check(TransitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = Transitions.Where(t => t.Kind == request.Kind && t.From == request.From && t.To == request.To).ToList();
        if (rows.Count == 0)
        {
            return CallsEngineCodes.TransitionNotAllowed;
        }

        var row = rows.FirstOrDefault(t => t.Actor == request.Actor);
        if (row is null)
        {
            return CallsEngineCodes.TransitionActorNotAllowed;
        }

        if (!DeadlineAllows(row.Deadline, request.Now, request.Deadline))
        {
            return row.Deadline == DeadlineRule.BeforeDeadline ? CallsEngineCodes.DeadlinePassed : CallsEngineCodes.DeadlineNotReached;
        }

        if (row.NeedsReason && (request.Reason?.Trim().Length ?? 0) < MinimumReasonLength)
        {
            return CallsEngineCodes.ReasonRequired;
        }

        if (row.NeedsPrizeRank && request.PrizeRank is null)
        {
            return CallsEngineCodes.PrizeRankRequired;
        }

        if (!row.NeedsPrizeRank && request.PrizeRank is not null)
        {
            return CallsEngineCodes.PrizeRankUnexpected;
        }

        return null;
    }

    private static bool DeadlineAllows(DeadlineRule rule, DateTimeOffset now, DateTimeOffset deadline) => rule switch
    {
        DeadlineRule.BeforeDeadline => IsBeforeDeadline(now, deadline),
        DeadlineRule.AfterDeadline => !IsBeforeDeadline(now, deadline),
        _ => true,
    };

    private static List<ApplicationTransition> Build()
    {
        var rows = new List<ApplicationTransition>();
        foreach (var kind in Enum.GetValues<CallKind>())
        {
            void Add(ApplicationState from, ApplicationState to, CallActor[] actors, bool reason = false, DeadlineRule deadline = DeadlineRule.Any, bool prize = false) =>
                rows.AddRange(actors.Select(a => new ApplicationTransition(kind, from, to, a, reason, deadline, prize)));

            CallActor[] applicant = [CallActor.Applicant];
            CallActor[] secretariat = [CallActor.Secretariat];
            CallActor[] chair = [CallActor.JuryChair];

            // Applying: only before the deadline, judged by the server's clock; a withdrawn application can be reopened and resubmitted.
            Add(ApplicationState.Draft, ApplicationState.Submitted, applicant, deadline: DeadlineRule.BeforeDeadline);
            Add(ApplicationState.Submitted, ApplicationState.Withdrawn, applicant, deadline: DeadlineRule.BeforeDeadline);
            Add(ApplicationState.Withdrawn, ApplicationState.Draft, applicant, deadline: DeadlineRule.BeforeDeadline);

            // Screening starts once the deadline has passed: by the closing job, or by the secretariat if the job has not run yet.
            Add(ApplicationState.Submitted, ApplicationState.Screening, [CallActor.System, CallActor.Secretariat], deadline: DeadlineRule.AfterDeadline);
            Add(ApplicationState.Screening, ApplicationState.Ineligible, secretariat, reason: true);
            Add(ApplicationState.Screening, ApplicationState.InformationRequested, secretariat, reason: true);
            Add(ApplicationState.InformationRequested, ApplicationState.Screening, applicant);
            Add(ApplicationState.InformationRequested, ApplicationState.Ineligible, secretariat, reason: true);
            Add(ApplicationState.Screening, ApplicationState.UnderEvaluation, secretariat);

            // Evaluation ends by the secretariat, the chair, or the end-of-evaluation job.
            Add(ApplicationState.UnderEvaluation, ApplicationState.Deliberation, [CallActor.Secretariat, CallActor.JuryChair, CallActor.System]);

            if (kind == CallKind.Ami)
            {
                Add(ApplicationState.Deliberation, ApplicationState.Selected, chair);
                Add(ApplicationState.Deliberation, ApplicationState.Reserve, chair);
                Add(ApplicationState.Deliberation, ApplicationState.Rejected, chair, reason: true);

                // A reserve project moves up when a selected one falls through; the rest are rejected when the list closes.
                Add(ApplicationState.Reserve, ApplicationState.Selected, chair);
                Add(ApplicationState.Reserve, ApplicationState.Rejected, chair, reason: true);

                Add(ApplicationState.Selected, ApplicationState.AgreementSigned, secretariat);
                Add(ApplicationState.AgreementSigned, ApplicationState.InstalmentsPaid, secretariat);
                Add(ApplicationState.InstalmentsPaid, ApplicationState.Reporting, secretariat);
                Add(ApplicationState.Reporting, ApplicationState.Closed, secretariat);
            }
            else
            {
                Add(ApplicationState.Deliberation, ApplicationState.Awarded, chair, prize: true);
                Add(ApplicationState.Deliberation, ApplicationState.HonourableMention, chair);
                Add(ApplicationState.Deliberation, ApplicationState.NotAwarded, chair);
            }
        }

        return rows;
    }
}
