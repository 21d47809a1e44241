using Noress.App.Calls;

namespace Noress.Tests.Calls;

public sealed class EligibilityRulesTests
{
    private static readonly EligibilityFacts Good = new(IsMemberInstitution: true, InGoodStanding: true, OtherSubmitted: 0, Requested: 60_000m, OwnContribution: 20_000m, MissingDocuments: []);

    private static EligibilityCheck Only(CallEligibility parameters, EligibilityFacts facts, bool documents = false) =>
        Assert.Single(EligibilityRules.Evaluate(parameters, facts, documents));

    [Fact]
    public void Evaluate_NoRuleSet_ChecksNothing() =>
        Assert.Empty(EligibilityRules.Evaluate(new CallEligibility(), Good, requiresDocuments: false));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void MemberInGoodStanding_NeedsAMemberInstitutionInGoodStanding(bool member, bool standing, bool passes)
    {
        var check = Only(new CallEligibility { RequireMemberInGoodStanding = true }, Good with { IsMemberInstitution = member, InGoodStanding = standing });
        Assert.Equal(EligibilityRule.MemberInGoodStanding, check.Rule);
        Assert.Equal(passes, check.Passed);
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    public void ApplicationsPerApplicant_CountsThisOneWithTheOthers(int max, int others, bool passes)
    {
        var check = Only(new CallEligibility { MaxApplicationsPerApplicant = max }, Good with { OtherSubmitted = others });
        Assert.Equal(EligibilityRule.ApplicationsPerApplicant, check.Rule);
        Assert.Equal(passes, check.Passed);
        Assert.Equal([max, others], check.Arguments);
    }

    [Theory]
    [InlineData(59_999.99, true)]
    [InlineData(60_000, true)]
    [InlineData(60_000.01, false)]
    public void RequestedAmountCap_AllowsTheCapItself(double requested, bool passes)
    {
        var check = Only(new CallEligibility { MaxRequestedAmount = 60_000m }, Good with { Requested = (decimal)requested });
        Assert.Equal(EligibilityRule.RequestedAmountCap, check.Rule);
        Assert.Equal(passes, check.Passed);
    }

    [Theory]
    [InlineData(80, 20, true)] // exactly 20 %
    [InlineData(80.01, 19.99, false)]
    [InlineData(50, 50, true)]
    [InlineData(0, 0, false)] // nothing budgeted: no share to judge
    public void OwnContributionShare_IsTheOwnPartOfTheTotal(double requested, double own, bool passes)
    {
        var check = Only(new CallEligibility { MinOwnContributionPercent = 20m }, Good with { Requested = (decimal)requested, OwnContribution = (decimal)own });
        Assert.Equal(EligibilityRule.OwnContributionShare, check.Rule);
        Assert.Equal(passes, check.Passed);
    }

    [Fact]
    public void OwnShare_RoundsDown_SoAlmostTheMinimumNeverPasses()
    {
        Assert.Equal(19.99m, EligibilityRules.OwnShare(2m * 40_001m, 20_000m));
        Assert.Null(EligibilityRules.OwnShare(0m, 0m));
        Assert.Equal(100m, EligibilityRules.OwnShare(0m, 5m));
    }

    [Fact]
    public void RequiredDocuments_FailsWhileOneIsMissing()
    {
        var missing = Only(new CallEligibility(), Good with { MissingDocuments = ["Statuts"] }, documents: true);
        Assert.Equal(EligibilityRule.RequiredDocuments, missing.Rule);
        Assert.False(missing.Passed);
        Assert.Equal(["Statuts"], missing.Arguments);
        Assert.True(Only(new CallEligibility(), Good, documents: true).Passed);
    }

    [Fact]
    public void Evaluate_EveryRuleSet_ListsThemInChecklistOrder()
    {
        var parameters = new CallEligibility { RequireMemberInGoodStanding = true, MaxApplicationsPerApplicant = 1, MaxRequestedAmount = 60_000m, MinOwnContributionPercent = 20m };
        var checks = EligibilityRules.Evaluate(parameters, Good with { Requested = 70_000m }, requiresDocuments: true);
        Assert.Equal(
            [EligibilityRule.MemberInGoodStanding, EligibilityRule.ApplicationsPerApplicant, EligibilityRule.RequestedAmountCap, EligibilityRule.OwnContributionShare, EligibilityRule.RequiredDocuments],
            checks.Select(c => c.Rule));
        Assert.Equal([EligibilityRule.RequestedAmountCap], checks.Where(c => !c.Passed).Select(c => c.Rule));
        Assert.False(EligibilityRules.AllPass(checks));
    }

    private static readonly EligibilityFacts OutsideWelcome = Good with { IsMemberInstitution = false, InGoodStanding = false, OutsideInitiativeWelcome = true };

    [Fact]
    public void MemberInGoodStanding_OutsideInitiativeInACallOpenToThem_IsNotApplied() =>
        Assert.Empty(EligibilityRules.Evaluate(new CallEligibility { RequireMemberInGoodStanding = true }, OutsideWelcome, requiresDocuments: false));

    [Fact]
    public void MemberInGoodStanding_OutsideInitiativeInACallClosedToThem_Fails() =>
        Assert.False(Only(new CallEligibility { RequireMemberInGoodStanding = true }, OutsideWelcome with { OutsideInitiativeWelcome = false }).Passed);

    [Fact]
    public void MemberInGoodStanding_MemberInstitutionInACallOpenToOutsideInitiatives_StillApplies()
    {
        // The waiver is for outside initiatives only: a member institution out of good standing still fails.
        var check = Only(new CallEligibility { RequireMemberInGoodStanding = true }, Good with { InGoodStanding = false, OutsideInitiativeWelcome = true });
        Assert.Equal(EligibilityRule.MemberInGoodStanding, check.Rule);
        Assert.False(check.Passed);
    }

    [Theory]
    [InlineData(0, 60_000, 20_000, false, true)]
    [InlineData(1, 60_000, 20_000, false, false)] // one already submitted: the per-applicant limit applies
    [InlineData(0, 60_000.01, 20_000, false, false)] // above the cap
    [InlineData(0, 80_000, 10_000, false, false)] // own share under 20 %
    [InlineData(0, 60_000, 20_000, true, false)] // a required document missing
    public void OutsideInitiative_EveryOtherRuleStillApplies(int others, double requested, double own, bool missingDocument, bool allPass)
    {
        var parameters = new CallEligibility { RequireMemberInGoodStanding = true, MaxApplicationsPerApplicant = 1, MaxRequestedAmount = 60_000m, MinOwnContributionPercent = 20m };
        var facts = OutsideWelcome with
        {
            OtherSubmitted = others,
            Requested = (decimal)requested,
            OwnContribution = (decimal)own,
            MissingDocuments = missingDocument ? ["Statuts"] : [],
        };
        var checks = EligibilityRules.Evaluate(parameters, facts, requiresDocuments: true);
        Assert.Equal(
            [EligibilityRule.ApplicationsPerApplicant, EligibilityRule.RequestedAmountCap, EligibilityRule.OwnContributionShare, EligibilityRule.RequiredDocuments],
            checks.Select(c => c.Rule));
        Assert.Equal(allPass, EligibilityRules.AllPass(checks));
    }
}
