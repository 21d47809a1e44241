namespace Noress.App.Sessions.Rules;

/// <summary>How many "for" a motion needs, measured against <see cref="MajorityBase"/>.</summary>
public enum MajorityKind
{
    /// <summary>More "for" than "against" (base: votes cast), or more than half of the base when it is present/members.</summary>
    Simple,

    /// <summary>More than half of the base, usually every member institution.</summary>
    Absolute,

    /// <summary>At least two thirds of the base.</summary>
    TwoThirds,

    /// <summary>Nobody against (and, when abstentions count, nobody abstaining); with base present/members, every one of them for.</summary>
    Unanimity,
}

/// <summary>What the majority is counted against.</summary>
public enum MajorityBase
{
    VotesCast,
    Present,
    AllMembers,
}

public enum Verdict
{
    Adopted,
    Rejected,
}

/// <summary>A majority rule as the internal rules set it.</summary>
public sealed record MajorityRule(MajorityKind Kind, MajorityBase Base)
{
    public override string ToString() => $"{Kind}/{Base}";

    public static bool TryParse(string? text, out MajorityRule rule)
    {
        rule = new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast);
        var parts = (text ?? string.Empty).Split('/');
        // Names only: Enum.TryParse would also take "3" for the fourth kind.
        if (parts.Length == 2 && Enum.GetNames<MajorityKind>().Contains(parts[0], StringComparer.Ordinal) && Enum.GetNames<MajorityBase>().Contains(parts[1], StringComparer.Ordinal)
            && Enum.TryParse<MajorityKind>(parts[0], out var kind) && Enum.TryParse<MajorityBase>(parts[1], out var majorityBase))
        {
            rule = new MajorityRule(kind, majorityBase);
            return true;
        }

        return false;
    }
}

/// <summary>The counts of an open or secret vote (one per institution).</summary>
public sealed record Tally(int For, int Against, int Abstain)
{
    public int Cast => For + Against + Abstain;
}

/// <param name="Verdict">Adopted or rejected.</param>
/// <param name="BaseCount">The number the majority was measured against (stated with the result).</param>
/// <param name="Required">The smallest number of "for" that adopts.</param>
public sealed record MajorityOutcome(Verdict Verdict, int BaseCount, int Required);

/// <summary>Pure arithmetic of majorities: the verdict of a tally under a rule, with its base stated.</summary>
public static class Majority
{
    /// <param name="rule">The configured rule.</param>
    /// <param name="tally">For, against, abstain.</param>
    /// <param name="abstentionsCount">Whether abstentions count in the votes cast (then they weigh like "against").</param>
    /// <param name="present">Institutions present or represented when the vote opened.</param>
    /// <param name="members">Institutions with voting rights in the body.</param>
    public static MajorityOutcome Decide(MajorityRule rule, Tally tally, bool abstentionsCount, int present, int members)
    {
        var cast = tally.For + tally.Against + (abstentionsCount ? tally.Abstain : 0);
        var baseCount = rule.Base switch
        {
            MajorityBase.VotesCast => cast,
            MajorityBase.Present => present,
            _ => members,
        };

        var required = rule.Kind switch
        {
            // Simple majority of the votes cast: more for than against (a tie rejects); abstentions, when they
            // count, are added to the other side.
            MajorityKind.Simple when rule.Base == MajorityBase.VotesCast => tally.Against + (abstentionsCount ? tally.Abstain : 0) + 1,
            MajorityKind.Simple or MajorityKind.Absolute => (baseCount / 2) + 1,
            MajorityKind.TwoThirds => ((2 * baseCount) + 2) / 3,
            _ => rule.Base == MajorityBase.VotesCast ? cast : baseCount,
        };

        var adopted = tally.For >= required && tally.For > 0 && rule.Kind switch
        {
            MajorityKind.Unanimity => tally.Against == 0 && (!abstentionsCount || tally.Abstain == 0),
            _ => true,
        };
        return new MajorityOutcome(adopted ? Verdict.Adopted : Verdict.Rejected, baseCount, Math.Max(required, 1));
    }
}
