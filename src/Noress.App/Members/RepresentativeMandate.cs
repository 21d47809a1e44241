namespace Noress.App.Members;

/// <summary>
/// A person's mandate to represent their institution. A change of representative is a new row;
/// an open mandate may only be closed once, so the history is never rewritten.
/// </summary>
public sealed class RepresentativeMandate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid InstitutionId { get; set; }

    public Guid UserId { get; set; }

    public RepresentativeRole Role { get; set; }

    /// <summary>First day of the mandate, inclusive.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day of the mandate, inclusive; null while open-ended.</summary>
    public DateOnly? EndsOn { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum RepresentativeRole
{
    Titular,
    Alternate,
}
