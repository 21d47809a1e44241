using Noress.App.Committees;
using Noress.App.Sessions.Elections;

namespace Noress.Tests.Sessions;

public sealed class ElectionRulesTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Committee = new("00000000-0000-0000-0000-0000000000cc");

    public static TheoryData<ElectionKind, bool, CommitteeRole?, SecretariatPosition?, int, string?> Definitions => new()
    {
        { ElectionKind.SecretariatPosition, false, null, SecretariatPosition.Coordinator, 1, null },
        { ElectionKind.SecretariatPosition, false, null, SecretariatPosition.Coordinator, 2, "Error.ElectionSeats" },
        { ElectionKind.SecretariatPosition, false, null, SecretariatPosition.Member, 5, null },
        { ElectionKind.SecretariatPosition, true, null, SecretariatPosition.Member, 5, "Error.ElectionKind" },
        { ElectionKind.SecretariatPosition, false, null, null, 1, "Error.ElectionKind" },
        { ElectionKind.CommitteePosition, true, CommitteeRole.Chair, null, 1, null },
        { ElectionKind.CommitteePosition, true, CommitteeRole.Rapporteur, null, 2, "Error.ElectionSeats" },
        { ElectionKind.CommitteePosition, true, CommitteeRole.Member, null, 4, null },
        { ElectionKind.CommitteePosition, false, CommitteeRole.Chair, null, 1, "Error.ElectionKind" },
        { ElectionKind.CommitteePosition, true, null, null, 1, "Error.ElectionKind" },
        { ElectionKind.CommitteeSeats, true, null, null, 12, null },
        { ElectionKind.CommitteeSeats, true, null, null, 0, "Error.ElectionSeats" },
        { ElectionKind.CommitteeSeats, true, null, null, 21, "Error.ElectionSeats" },
        { ElectionKind.CommitteeSeats, true, CommitteeRole.Chair, null, 3, "Error.ElectionKind" },
        { (ElectionKind)42, true, null, null, 1, "Error.ElectionKind" },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void DefinitionError_Table(ElectionKind kind, bool committee, CommitteeRole? role, SecretariatPosition? position, int seats, string? expected) =>
        Assert.Equal(expected, ElectionRules.DefinitionError(kind, committee ? Committee : null, role, position, seats));

    public static TheoryData<Guid[], int, string?> Choices => new()
    {
        { [], 1, null },
        { [A], 1, null },
        { [A, B], 2, null },
        { [A, B], 1, "Error.ElectionTooManyChoices" },
        { [A, A], 2, "Error.ElectionCandidate" },
        { [C], 1, "Error.ElectionCandidate" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void ChoiceError_Table(Guid[] choices, int seats, string? expected) =>
        Assert.Equal(expected, ElectionRules.ChoiceError(choices, new HashSet<Guid> { A, B }, seats));

    [Fact]
    public void Format_SortsTheChoices_SoTheOrderOfClickingIsNotStored()
    {
        Assert.Equal(ElectionRules.Format([A, B]), ElectionRules.Format([B, A]));
        Assert.Equal(string.Empty, ElectionRules.Format([]));
        Assert.Equal([A, B], ElectionRules.Parse(ElectionRules.Format([B, A])));
        Assert.Empty(ElectionRules.Parse(string.Empty));
    }

    [Fact]
    public void Count_VotesPerCandidateAndBlankBallots()
    {
        var ballots = new[] { ElectionRules.Format([A]), ElectionRules.Format([A, B]), string.Empty, ElectionRules.Format([B]), string.Empty };

        var (votes, blank) = ElectionRules.Count(ballots, [A, B, C]);

        Assert.Equal(2, votes[A]);
        Assert.Equal(2, votes[B]);
        Assert.Equal(0, votes[C]);
        Assert.Equal(2, blank);
    }

    [Fact]
    public void MaxChoicesLength_HoldsAFullBallot()
    {
        var full = ElectionRules.Format(Enumerable.Range(0, ElectionRules.MaxSeats).Select(_ => Guid.NewGuid()));
        Assert.True(full.Length <= ElectionRules.MaxChoicesLength);
    }
}
