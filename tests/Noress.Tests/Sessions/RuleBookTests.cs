using Noress.App.Sessions;
using Noress.App.Sessions.Rules;

namespace Noress.Tests.Sessions;

public sealed class RuleBookTests
{
    private static RuleParameter Version(RuleKey key, string value, string article, DateOnly from) =>
        new() { Key = key, Value = value, Article = article, EffectiveFrom = from };

    [Fact]
    public void InForce_TakesTheLatestVersionEffectiveOnTheDate()
    {
        RuleParameter[] versions =
        [
            Version(RuleKey.Quorum, "1/2", "Art. 9", new DateOnly(2015, 3, 18)),
            Version(RuleKey.Quorum, "2/3", "Art. 9 (2026)", new DateOnly(2026, 6, 1)),
            Version(RuleKey.MaxProxiesPerInstitution, "2", "Art. 10", new DateOnly(2015, 3, 18)),
        ];

        var before = RuleBook.InForce(versions, new DateOnly(2026, 5, 31));
        var after = RuleBook.InForce(versions, new DateOnly(2026, 6, 1));

        Assert.Equal(new Fraction(1, 2), before.Quorum);
        Assert.Equal("Art. 9", before.Article(RuleKey.Quorum));
        Assert.Equal(new Fraction(2, 3), after.Quorum);
        Assert.Equal("Art. 9 (2026)", after.Article(RuleKey.Quorum));
        Assert.Equal(2, after.MaxProxiesPerInstitution);
    }

    [Fact]
    public void MajorityFor_AmendmentsAndElectionsHaveTheirOwnRule()
    {
        var book = RuleBook.InForce(
            [
                Version(RuleKey.DeliberationMajority, "Simple/VotesCast", "Art. 11", new DateOnly(2015, 1, 1)),
                Version(RuleKey.AmendmentMajority, "TwoThirds/Present", "Art. 18", new DateOnly(2015, 1, 1)),
                Version(RuleKey.ElectionMajority, "Absolute/VotesCast", "Art. 13", new DateOnly(2015, 1, 1)),
            ],
            new DateOnly(2026, 1, 1));

        Assert.Equal(new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), book.MajorityFor(AgendaItemKind.Deliberation));
        Assert.Equal(new MajorityRule(MajorityKind.TwoThirds, MajorityBase.Present), book.MajorityFor(AgendaItemKind.RulesAmendment));
        Assert.Equal(new MajorityRule(MajorityKind.Absolute, MajorityBase.VotesCast), book.MajorityFor(AgendaItemKind.Election));
    }

    [Theory]
    [InlineData(RuleKey.Quorum, "1/2", null)]
    [InlineData(RuleKey.Quorum, "0/2", "Error.RuleFraction")]
    [InlineData(RuleKey.SecondConvocationQuorum, "abc", "Error.RuleFraction")]
    [InlineData(RuleKey.DeliberationMajority, "Absolute/AllMembers", null)]
    [InlineData(RuleKey.AmendmentMajority, "Supermajority/VotesCast", "Error.RuleMajority")]
    [InlineData(RuleKey.AbstentionsCount, "true", null)]
    [InlineData(RuleKey.AbstentionsCount, "yes", "Error.RuleBoolean")]
    [InlineData(RuleKey.MaxProxiesPerInstitution, "2", null)]
    [InlineData(RuleKey.MaxProxiesPerInstitution, "-1", "Error.RuleProxies")]
    [InlineData(RuleKey.MaxProxiesPerInstitution, "11", "Error.RuleProxies")]
    [InlineData(RuleKey.ElectionBallot, "Secret", null)]
    [InlineData(RuleKey.ElectionBallot, "1", "Error.RuleBallot")]
    [InlineData(RuleKey.ElectionBallot, "Postal", "Error.RuleBallot")]
    [InlineData(RuleKey.ElectionAbsoluteRounds, "6", "Error.RuleRounds")]
    public void Validate_Table(RuleKey key, string value, string? error) => Assert.Equal(error, RuleBook.Validate(key, value));
}
