using Noress.App.Sessions.Rules;

namespace Noress.Tests.Sessions;

public sealed class MajorityTests
{
    // rule, tally (for, against, abstain), abstentionsCount, present, members, expected verdict, expected base, expected required
    public static TheoryData<MajorityRule, Tally, bool, int, int, Verdict, int, int> Cases() => new()
    {
        // Simple majority of votes cast: more for than against; a tie rejects.
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(10, 9, 5), false, 30, 35, Verdict.Adopted, 19, 10 },
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(9, 9, 0), false, 30, 35, Verdict.Rejected, 18, 10 },
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(1, 0, 20), false, 30, 35, Verdict.Adopted, 1, 1 },
        // Abstentions counting: they weigh against.
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(10, 9, 5), true, 30, 35, Verdict.Rejected, 24, 15 },
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(13, 9, 3), true, 30, 35, Verdict.Adopted, 25, 13 },
        // Nobody voted for: never adopted.
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(0, 0, 0), false, 30, 35, Verdict.Rejected, 0, 1 },
        { new MajorityRule(MajorityKind.Simple, MajorityBase.VotesCast), new Tally(0, 0, 7), false, 30, 35, Verdict.Rejected, 0, 1 },
        // Simple majority of those present.
        { new MajorityRule(MajorityKind.Simple, MajorityBase.Present), new Tally(15, 2, 13), false, 30, 35, Verdict.Rejected, 30, 16 },
        { new MajorityRule(MajorityKind.Simple, MajorityBase.Present), new Tally(16, 2, 12), false, 30, 35, Verdict.Adopted, 30, 16 },
        // Absolute majority of members: 35 members need 18, 34 need 18 (17 is exactly half).
        { new MajorityRule(MajorityKind.Absolute, MajorityBase.AllMembers), new Tally(17, 0, 0), false, 30, 35, Verdict.Rejected, 35, 18 },
        { new MajorityRule(MajorityKind.Absolute, MajorityBase.AllMembers), new Tally(18, 12, 0), false, 30, 35, Verdict.Adopted, 35, 18 },
        { new MajorityRule(MajorityKind.Absolute, MajorityBase.AllMembers), new Tally(17, 0, 0), false, 30, 34, Verdict.Rejected, 34, 18 },
        // Two thirds of votes cast: exactly two thirds adopts.
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.VotesCast), new Tally(20, 10, 0), false, 30, 35, Verdict.Adopted, 30, 20 },
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.VotesCast), new Tally(19, 10, 0), false, 30, 35, Verdict.Rejected, 29, 20 },
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.VotesCast), new Tally(20, 10, 1), true, 30, 35, Verdict.Rejected, 31, 21 },
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.VotesCast), new Tally(20, 10, 1), false, 30, 35, Verdict.Adopted, 30, 20 },
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.AllMembers), new Tally(23, 0, 0), false, 30, 35, Verdict.Rejected, 35, 24 },
        { new MajorityRule(MajorityKind.TwoThirds, MajorityBase.AllMembers), new Tally(24, 0, 0), false, 30, 35, Verdict.Adopted, 35, 24 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(MajorityRule rule, Tally tally, bool abstentionsCount, int present, int members, Verdict verdict, int baseCount, int required)
    {
        var outcome = Majority.Decide(rule, tally, abstentionsCount, present, members);

        Assert.Equal((verdict, baseCount, required), (outcome.Verdict, outcome.BaseCount, outcome.Required));
    }

    [Theory]
    [InlineData(5, 0, 0, false, MajorityBase.VotesCast, Verdict.Adopted)]
    [InlineData(5, 1, 0, false, MajorityBase.VotesCast, Verdict.Rejected)]
    [InlineData(5, 0, 2, false, MajorityBase.VotesCast, Verdict.Adopted)]
    [InlineData(5, 0, 2, true, MajorityBase.VotesCast, Verdict.Rejected)]
    [InlineData(5, 0, 0, false, MajorityBase.Present, Verdict.Rejected)]
    [InlineData(7, 0, 0, false, MajorityBase.Present, Verdict.Adopted)]
    [InlineData(0, 0, 0, false, MajorityBase.VotesCast, Verdict.Rejected)]
    public void Decide_Unanimity(int yes, int no, int abstain, bool abstentionsCount, MajorityBase majorityBase, Verdict expected)
    {
        var outcome = Majority.Decide(new MajorityRule(MajorityKind.Unanimity, majorityBase), new Tally(yes, no, abstain), abstentionsCount, present: 7, members: 35);

        Assert.Equal(expected, outcome.Verdict);
    }

    [Theory]
    [InlineData("Simple/VotesCast", true)]
    [InlineData("TwoThirds/AllMembers", true)]
    [InlineData("Unanimity/Present", true)]
    [InlineData("Simple", false)]
    [InlineData("3/VotesCast", false)]
    [InlineData("Most/VotesCast", false)]
    [InlineData("", false)]
    public void MajorityRule_TryParse(string text, bool valid) => Assert.Equal(valid, MajorityRule.TryParse(text, out _));
}
