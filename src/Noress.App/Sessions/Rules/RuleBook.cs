using System.Globalization;
using Noress.App.Sessions.Speakers;

namespace Noress.App.Sessions.Rules;

/// <summary>The rule parameters in force on one date, typed, each with the article that sets it.</summary>
public sealed class RuleBook(IReadOnlyDictionary<RuleKey, RuleParameter> inForce)
{
    public Fraction Quorum => Fraction.TryParse(Text(RuleKey.Quorum), out var f) ? f : new Fraction(1, 2);

    public Fraction? SecondConvocationQuorum => Fraction.TryParse(Text(RuleKey.SecondConvocationQuorum), out var f) ? f : null;

    public MajorityRule DeliberationMajority => Majority(RuleKey.DeliberationMajority);

    public MajorityRule AmendmentMajority => Majority(RuleKey.AmendmentMajority);

    public MajorityRule ElectionMajority => Majority(RuleKey.ElectionMajority);

    public bool AbstentionsCount => bool.TryParse(Text(RuleKey.AbstentionsCount), out var b) && b;

    public int MaxProxiesPerInstitution => int.TryParse(Text(RuleKey.MaxProxiesPerInstitution), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;

    public BallotKind ElectionBallot => Enum.TryParse<BallotKind>(Text(RuleKey.ElectionBallot), out var b) ? b : BallotKind.Secret;

    public int ElectionAbsoluteRounds => int.TryParse(Text(RuleKey.ElectionAbsoluteRounds), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2;

    /// <summary>A speaker's default time in seconds; three minutes when the rules set none.</summary>
    public int SpeakingSeconds => int.TryParse(Text(RuleKey.SpeakingSeconds), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && SpeakerQueue.IsValidTime(n) ? n : SpeakerQueue.DefaultSeconds;

    /// <summary>The article of the internal rules that sets <paramref name="key"/>, if any version is in force.</summary>
    public string? Article(RuleKey key) => inForce.TryGetValue(key, out var p) ? p.Article : null;

    public IReadOnlyDictionary<RuleKey, RuleParameter> Parameters => inForce;

    /// <summary>The majority for an agenda item of that kind.</summary>
    public MajorityRule MajorityFor(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.RulesAmendment => AmendmentMajority,
        AgendaItemKind.Election => ElectionMajority,
        _ => DeliberationMajority,
    };

    /// <summary>Builds the book in force on <paramref name="date"/> from every stored version.</summary>
    public static RuleBook InForce(IEnumerable<RuleParameter> versions, DateOnly date) =>
        new(versions.Where(v => v.EffectiveFrom <= date)
            .GroupBy(v => v.Key)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EffectiveFrom).First()));

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="key"/>, else a SessionsText key.</summary>
    public static string? Validate(RuleKey key, string value) => key switch
    {
        RuleKey.Quorum or RuleKey.SecondConvocationQuorum => Fraction.TryParse(value, out var f) && f.Numerator > 0 ? null : "Error.RuleFraction",
        RuleKey.DeliberationMajority or RuleKey.AmendmentMajority or RuleKey.ElectionMajority => MajorityRule.TryParse(value, out _) ? null : "Error.RuleMajority",
        RuleKey.AbstentionsCount => value is "true" or "false" ? null : "Error.RuleBoolean",
        RuleKey.MaxProxiesPerInstitution => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10 ? null : "Error.RuleProxies",
        RuleKey.ElectionAbsoluteRounds => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 5 ? null : "Error.RuleRounds",
        RuleKey.ElectionBallot => Enum.GetNames<BallotKind>().Contains(value, StringComparer.Ordinal) ? null : "Error.RuleBallot",
        RuleKey.SpeakingSeconds => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && SpeakerQueue.IsValidTime(s) ? null : "Error.Speakers.Time",
        _ => "Error.RuleUnknown",
    };

    private string? Text(RuleKey key) => inForce.TryGetValue(key, out var p) ? p.Value : null;

    private MajorityRule Majority(RuleKey key) =>
        MajorityRule.TryParse(Text(key), out var rule) ? rule : new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast);
}
