namespace Noress.App.Sessions.Rules;

/// <summary>A fraction of the member institutions, e.g. 1/2; stored as "1/2".</summary>
public sealed record Fraction(int Numerator, int Denominator)
{
    public override string ToString() => $"{Numerator}/{Denominator}";

    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = new Fraction(0, 1);
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0 && numerator <= denominator)
        {
            fraction = new Fraction(numerator, denominator);
            return true;
        }

        return false;
    }
}

/// <param name="Members">Institutions with voting rights in the body.</param>
/// <param name="Present">Of them, those checked in.</param>
/// <param name="Represented">Absent ones whose vote a present institution holds by a validated proxy.</param>
/// <param name="Required">How many present or represented make the quorum.</param>
/// <param name="Convocation">1, or 2 for a second convocation (its own, usually lower, quorum).</param>
public sealed record QuorumStatus(int Members, int Present, int Represented, int Required, int Convocation)
{
    public int PresentOrRepresented => Present + Represented;

    public bool Reached => PresentOrRepresented >= Required;
}

/// <summary>Pure arithmetic of the quorum: "at least this fraction of the members present or represented".</summary>
public static class Quorum
{
    /// <param name="members">Institutions with voting rights.</param>
    /// <param name="present">Institutions checked in.</param>
    /// <param name="represented">Absent institutions represented by a validated proxy held by a present one.</param>
    /// <param name="first">The first convocation's fraction.</param>
    /// <param name="second">The second convocation's fraction (null: none, the first applies again).</param>
    /// <param name="convocation">1 or 2.</param>
    public static QuorumStatus Compute(int members, int present, int represented, Fraction first, Fraction? second, int convocation)
    {
        var fraction = convocation >= 2 && second is not null ? second : first;
        // "Half of the members" is reached by exactly half: ceiling, and at least one when the fraction is not zero.
        var required = fraction.Numerator == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(members * (double)fraction.Numerator / fraction.Denominator));
        return new QuorumStatus(members, present, represented, required, convocation);
    }
}
