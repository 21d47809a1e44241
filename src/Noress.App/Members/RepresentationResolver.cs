namespace Noress.App.Members;

/// <summary>Who speaks for an institution on a given day: the titular, or the alternate when the titular is absent.</summary>
public static class RepresentationResolver
{
    public static Representation Resolve(IEnumerable<MandateFacts> mandates, DateOnly date, IReadOnlySet<Guid> absentUserIds)
    {
        var current = mandates.Where(m => m.IsInForce(date)).ToList();
        var titular = current.Where(m => m.Role == RepresentativeRole.Titular).OrderByDescending(m => m.StartsOn).FirstOrDefault()?.UserId;
        var alternate = current.Where(m => m.Role == RepresentativeRole.Alternate).OrderByDescending(m => m.StartsOn).FirstOrDefault()?.UserId;
        Guid? speaker = titular is { } t && !absentUserIds.Contains(t)
            ? t
            : alternate is { } a && !absentUserIds.Contains(a) ? a : null;
        return new Representation(titular, alternate, speaker);
    }

    /// <summary>True when the two inclusive date ranges share at least one day (null end = open-ended).</summary>
    public static bool Overlaps(DateOnly startA, DateOnly? endA, DateOnly startB, DateOnly? endB) =>
        startA <= (endB ?? DateOnly.MaxValue) && startB <= (endA ?? DateOnly.MaxValue);
}

public sealed record MandateFacts(Guid UserId, RepresentativeRole Role, DateOnly StartsOn, DateOnly? EndsOn)
{
    public bool IsInForce(DateOnly date) => StartsOn <= date && (EndsOn is not { } end || end >= date);
}

/// <param name="TitularId">The titular in office at the date, present or not.</param>
/// <param name="AlternateId">The alternate in office at the date, present or not.</param>
/// <param name="SpeakerId">Who holds the institution's voice: the titular if present, else the alternate if present, else nobody.</param>
public sealed record Representation(Guid? TitularId, Guid? AlternateId, Guid? SpeakerId);
