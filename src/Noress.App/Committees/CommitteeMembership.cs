namespace Noress.App.Committees;

/// <summary>An institution sitting on a committee from <see cref="StartsOn"/> to <see cref="EndsOn"/> (inclusive; null = open-ended).</summary>
public sealed class CommitteeSeat
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CommitteeId { get; set; }

    public Guid InstitutionId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsInForce(DateOnly date) => StartsOn <= date && (EndsOn is not { } end || end >= date);
}

/// <summary>A person's position on a committee (chair, rapporteur, member) with its dates.</summary>
public sealed class CommitteePosition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CommitteeId { get; set; }

    public Guid UserId { get; set; }

    public CommitteeRole Role { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsInForce(DateOnly date) => StartsOn <= date && (EndsOn is not { } end || end >= date);
}

public enum CommitteeRole
{
    Member,
    Chair,
    Rapporteur,
}
