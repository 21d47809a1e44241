using Noress.App.Sessions.Rules;

namespace Noress.Tests.Sessions;

public sealed class ElectionTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void DecideRound_FirstRound_AbsoluteMajorityElects()
    {
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 18, [B] = 10, [C] = 5 }, ballotsCast: 35, seats: 1, round: 1, absoluteRounds: 2);

        Assert.Equal([A], outcome.Elected);
        Assert.False(outcome.NeedsAnotherRound);
    }

    [Fact]
    public void DecideRound_FirstRound_ExactlyHalfIsNotEnough_AnotherRound()
    {
        // Blank ballots count in the ballots cast: 17 of 34 is not more than half.
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 17, [B] = 15 }, ballotsCast: 34, seats: 1, round: 1, absoluteRounds: 2);

        Assert.Empty(outcome.Elected);
        Assert.True(outcome.NeedsAnotherRound);
        Assert.Equal(1, outcome.SeatsLeft);
    }

    [Fact]
    public void DecideRound_RelativeRound_MostVotedWins()
    {
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 12, [B] = 15, [C] = 8 }, ballotsCast: 35, seats: 1, round: 3, absoluteRounds: 2);

        Assert.Equal([B], outcome.Elected);
    }

    [Fact]
    public void DecideRound_RelativeRound_TieForTheLastSeat_AnotherRound()
    {
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 14, [B] = 14, [C] = 7 }, ballotsCast: 35, seats: 1, round: 3, absoluteRounds: 2);

        Assert.Empty(outcome.Elected);
        Assert.Equal([A, B], outcome.Tied.Order());
        Assert.True(outcome.NeedsAnotherRound);
    }

    [Fact]
    public void DecideRound_SeveralSeats_FillsWhatTheMajorityAllows_AndLeavesTheRest()
    {
        // Ballots name up to two candidates: A and B pass half of 20 ballots, C does not.
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 15, [B] = 11, [C] = 9 }, ballotsCast: 20, seats: 3, round: 1, absoluteRounds: 1);

        Assert.Equal([A, B], outcome.Elected);
        Assert.Equal(1, outcome.SeatsLeft);
    }

    [Fact]
    public void DecideRound_SeveralSeats_TieBelowTheLastSeat_DoesNotMatter()
    {
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 15, [B] = 11, [C] = 11 }, ballotsCast: 40, seats: 1, round: 2, absoluteRounds: 1);

        Assert.Equal([A], outcome.Elected);
        Assert.Empty(outcome.Tied);
    }

    [Fact]
    public void DecideRound_NoAbsoluteRounds_RelativeFromTheFirst()
    {
        var outcome = Election.DecideRound(new Dictionary<Guid, int> { [A] = 3, [B] = 2 }, ballotsCast: 35, seats: 1, round: 1, absoluteRounds: 0);

        Assert.Equal([A], outcome.Elected);
    }
}
