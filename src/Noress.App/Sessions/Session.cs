using Noress.App.Data;

namespace Noress.App.Sessions;

/// <summary>A plenary session or a committee meeting, from its draft to its approved minutes.</summary>
public sealed class Session : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public SessionBody Body { get; set; }

    /// <summary>The committee that meets, when <see cref="Body"/> is <see cref="SessionBody.Committee"/>.</summary>
    public Guid? CommitteeId { get; set; }

    public required string Title { get; set; }

    public string? Place { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public SessionState State { get; set; } = SessionState.Draft;

    /// <summary>1, or 2 once reconvened for lack of quorum (the second convocation's quorum applies).</summary>
    public int Convocation { get; set; } = 1;

    /// <summary>The iCalendar SEQUENCE: raised each time the invitation changes (moved, reconvened, cancelled).</summary>
    public int CalendarSequence { get; set; }

    /// <summary>Representatives may check their institution in themselves.</summary>
    public bool AllowsSelfCheckIn { get; set; }

    /// <summary>The agenda item under discussion while the session is open, set from the console.</summary>
    public Guid? CurrentAgendaItemId { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConvenedAt { get; set; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid Version { get; set; }

    /// <summary>The stable iCalendar UID of the invitation, the same for every update and the cancellation.</summary>
    public string CalendarUid => $"session.{Id:N}@noress";
}

public enum SessionBody
{
    Plenary,
    Committee,
}

public enum SessionState
{
    Draft,
    Convened,
    Open,
    Closed,
    MinutesApproved,
    Cancelled,
}

/// <summary>One item of the agenda, in <see cref="Position"/> order.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public int Position { get; set; }

    public AgendaItemKind Kind { get; set; }

    public required string Title { get; set; }

    public int EstimatedMinutes { get; set; }
}

public enum AgendaItemKind
{
    Information,
    Deliberation,
    Election,
    MinutesApproval,
    RulesAmendment,
    CommitteeRecommendation,
}
