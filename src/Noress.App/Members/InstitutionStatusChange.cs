namespace Noress.App.Members;

/// <summary>One change of an institution's membership status; rows are only ever appended.</summary>
public sealed class InstitutionStatusChange
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid InstitutionId { get; set; }

    public MembershipStatus Status { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public string? Reason { get; set; }

    public Guid? ChangedById { get; set; }

    public DateTime ChangedAt { get; set; }
}
