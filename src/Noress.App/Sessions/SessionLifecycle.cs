namespace Noress.App.Sessions;

public enum SessionAction
{
    Convene,
    Reconvene,
    Reschedule,
    Open,
    Close,
    ApproveMinutes,
    Cancel,
}

/// <param name="From">The state the session must be in.</param>
/// <param name="Action">The step.</param>
/// <param name="To">The state it ends in.</param>
/// <param name="Actor">Who may take it.</param>
public sealed record SessionTransition(SessionState From, SessionAction Action, SessionState To, SessionActor Actor);

/// <summary>The sessions' lifecycle as data: every allowed step, from where to where, and who may take it.</summary>
public static class SessionLifecycle
{
    public static readonly IReadOnlyList<SessionTransition> Transitions =
    [
        new(SessionState.Draft, SessionAction.Convene, SessionState.Convened, SessionActor.Secretariat),
        new(SessionState.Convened, SessionAction.Reschedule, SessionState.Convened, SessionActor.Secretariat),
        new(SessionState.Convened, SessionAction.Open, SessionState.Open, SessionActor.Secretariat),
        // No quorum at the first convocation: the same session is convened again, with the second quorum.
        new(SessionState.Convened, SessionAction.Reconvene, SessionState.Convened, SessionActor.Secretariat),
        new(SessionState.Open, SessionAction.Reconvene, SessionState.Convened, SessionActor.Secretariat),
        new(SessionState.Open, SessionAction.Close, SessionState.Closed, SessionActor.Secretariat),
        new(SessionState.Closed, SessionAction.ApproveMinutes, SessionState.MinutesApproved, SessionActor.Secretariat),
        new(SessionState.Draft, SessionAction.Cancel, SessionState.Cancelled, SessionActor.Secretariat),
        new(SessionState.Convened, SessionAction.Cancel, SessionState.Cancelled, SessionActor.Secretariat),
    ];

    public static SessionTransition? Find(SessionState from, SessionAction action) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The steps possible from <paramref name="state"/>, for the page to offer.</summary>
    public static IEnumerable<SessionTransition> From(SessionState state) => Transitions.Where(t => t.From == state);
}
