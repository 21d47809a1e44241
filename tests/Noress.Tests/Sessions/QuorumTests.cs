using Noress.App.Sessions.Rules;

namespace Noress.Tests.Sessions;

public sealed class QuorumTests
{
    [Theory]
    // members, present, represented, convocation, expected required, expected reached
    [InlineData(35, 18, 0, 1, 18, true)]
    [InlineData(35, 17, 0, 1, 18, false)]
    [InlineData(35, 17, 1, 1, 18, true)]
    [InlineData(34, 17, 0, 1, 17, true)]
    [InlineData(35, 12, 0, 2, 12, true)]
    [InlineData(35, 11, 0, 2, 12, false)]
    [InlineData(35, 10, 2, 2, 12, true)]
    [InlineData(0, 0, 0, 1, 1, false)]
    [InlineData(1, 0, 0, 1, 1, false)]
    public void Compute_HalfThenThird(int members, int present, int represented, int convocation, int required, bool reached)
    {
        var status = Quorum.Compute(members, present, represented, new Fraction(1, 2), new Fraction(1, 3), convocation);

        Assert.Equal((required, reached), (status.Required, status.Reached));
        Assert.Equal(present + represented, status.PresentOrRepresented);
    }

    [Fact]
    public void Compute_NoSecondQuorum_AppliesTheFirstAgain()
    {
        var status = Quorum.Compute(35, 12, 0, new Fraction(1, 2), null, convocation: 2);

        Assert.Equal(18, status.Required);
        Assert.False(status.Reached);
    }

    [Theory]
    [InlineData("1/2", true)]
    [InlineData("2/3", true)]
    [InlineData("3/2", false)]
    [InlineData("1/0", false)]
    [InlineData("-1/2", false)]
    [InlineData("½", false)]
    [InlineData("0.5", false)]
    public void Fraction_TryParse(string text, bool valid) => Assert.Equal(valid, Fraction.TryParse(text, out _));
}
