using Noress.App.Data;

namespace Noress.App.Sessions.Speakers;

/// <summary>An institution asking for the floor on one agenda item, from its request to the end of its speech.</summary>
public sealed class FloorRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public Guid AgendaItemId { get; set; }

    public Guid InstitutionId { get; set; }

    /// <summary>The person who will speak, when known (the representative who asked, or the one checked in).</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Order in the item's queue: only grows (a reorder gives the waiting requests new, higher positions).</summary>
    public int Position { get; set; }

    public FloorState State { get; set; } = FloorState.Waiting;

    public int AllottedSeconds { get; set; }

    public Guid? RequestedById { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The institution while the request is waiting or speaking, else null: unique per item, so an institution asks once at a time.</summary>
    public Guid? OpenInstitutionId { get; set; }

    /// <summary>The session while this request has the floor, else null: unique, so one speech at a time on every node.</summary>
    public Guid? SpeakingSessionId { get; set; }

    public Guid Version { get; set; }

    /// <summary>Moves the request to <paramref name="state"/>, keeping the keys the database's uniqueness rules read in step.</summary>
    public void MoveTo(FloorState state, DateTime now)
    {
        State = state;
        OpenInstitutionId = state is FloorState.Waiting or FloorState.Speaking ? InstitutionId : null;
        SpeakingSessionId = state == FloorState.Speaking ? SessionId : null;
        if (state == FloorState.Speaking)
        {
            StartedAt = now;
        }
        else if (state is FloorState.Done or FloorState.Withdrawn)
        {
            EndedAt = now;
        }
    }
}

public enum FloorState
{
    Waiting,
    Speaking,
    Done,
    Withdrawn,
}
