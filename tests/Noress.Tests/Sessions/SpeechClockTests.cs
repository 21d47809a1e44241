using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Speakers;

namespace Noress.Tests.Sessions;

public sealed class SpeechClockTests
{
    private static readonly DateTime Start = new(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 180, "03:00", false)]
    [InlineData(0.999, 180, "03:00", false)]
    [InlineData(1, 180, "02:59", false)]
    [InlineData(179, 180, "00:01", false)]
    [InlineData(180, 180, "00:00", false)]
    [InlineData(181, 180, "+00:01", true)]
    [InlineData(255, 180, "+01:15", true)]
    [InlineData(0, 3600, "1:00:00", false)]
    [InlineData(-5, 60, "01:00", false)]
    public void At_Table(double secondsSinceStart, int allotted, string text, bool over)
    {
        var time = SpeechClock.At(Start, allotted, Start.AddSeconds(secondsSinceStart));

        Assert.Equal(text, time.Text);
        Assert.Equal(over, time.IsOver);
    }

    [Fact]
    public void At_Overtime_RemainingIsZeroAndElapsedIsTheWhole()
    {
        var time = SpeechClock.At(Start, 60, Start.AddSeconds(90.4));

        Assert.Equal(TimeSpan.FromSeconds(90), time.Elapsed);
        Assert.Equal(TimeSpan.Zero, time.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(30), time.Overtime);
    }

    [Fact]
    public void At_ClockBehindTheStart_NeverNegative()
    {
        var time = SpeechClock.At(Start, 60, Start.AddSeconds(-3));

        Assert.Equal(TimeSpan.Zero, time.Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(60), time.Remaining);
    }
}

public sealed class SpeakerQueueTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    public static TheoryData<Guid, int, Guid[]> Moves => new()
    {
        { C, 0, [C, A, B] },
        { A, 2, [B, C, A] },
        { B, 0, [B, A, C] },
        { B, 2, [A, C, B] },
        { A, -1, [A, B, C] },
        { C, 9, [A, B, C] },
        { Guid.Empty, 0, [A, B, C] },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Move_Table(Guid id, int toIndex, Guid[] expected) =>
        Assert.Equal(expected, SpeakerQueue.Move([A, B, C], id, toIndex));

    [Fact]
    public void IsPermutationOf_OnlyTheSameRequestsEachOnce()
    {
        Assert.True(SpeakerQueue.IsPermutationOf([C, A, B], [A, B, C]));
        Assert.False(SpeakerQueue.IsPermutationOf([A, B], [A, B, C]));
        Assert.False(SpeakerQueue.IsPermutationOf([A, A, B], [A, B, C]));
        Assert.False(SpeakerQueue.IsPermutationOf([A, B, Guid.Empty], [A, B, C]));
    }

    [Fact]
    public void PositionsAfter_AreAboveEveryUsedPosition()
    {
        Assert.Equal([8, 9, 10], SpeakerQueue.PositionsAfter(7, 3));
        Assert.Empty(SpeakerQueue.PositionsAfter(7, 0));
    }

    [Theory]
    [InlineData("180", null)]
    [InlineData("10", null)]
    [InlineData("3600", null)]
    [InlineData("9", "Error.Speakers.Time")]
    [InlineData("3601", "Error.Speakers.Time")]
    [InlineData("-60", "Error.Speakers.Time")]
    [InlineData("3 min", "Error.Speakers.Time")]
    public void SpeakingSecondsRule_Validate(string value, string? error) =>
        Assert.Equal(error, RuleBook.Validate(RuleKey.SpeakingSeconds, value));

    [Fact]
    public void SpeakingSecondsRule_NoVersion_ThreeMinutes() =>
        Assert.Equal(180, RuleBook.InForce([], new DateOnly(2026, 3, 5)).SpeakingSeconds);

    [Fact]
    public void SpeakingSecondsRule_InForce_IsUsed() =>
        Assert.Equal(240, RuleBook.InForce([new RuleParameter { Key = RuleKey.SpeakingSeconds, Value = "240", Article = "Art. 8", EffectiveFrom = new DateOnly(2026, 1, 1) }], new DateOnly(2026, 3, 5)).SpeakingSeconds);
}
