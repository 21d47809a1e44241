using Noress.App.Plans;

namespace Noress.Tests.Plans;

public sealed class IndicatorMathsTests
{
    private static readonly DateTime At = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 100, 25, 25)]
    [InlineData(10, 20, 15, 50)]
    [InlineData(10, 20, 25, 150)]
    [InlineData(10, 20, 5, -50)]
    [InlineData(40, 10, 25, 50)] // decreasing: from 40 down to 10
    [InlineData(40, 10, 10, 100)]
    [InlineData(40, 10, 50, -33.3)]
    public void PercentOfTarget_IsTheShareOfTheWayFromBaseline(double baseline, double target, double actual, double percent) =>
        Assert.Equal((decimal)percent, IndicatorMaths.PercentOfTarget((decimal)baseline, (decimal)target, (decimal)actual));

    [Theory]
    [InlineData(5, 100)]
    [InlineData(4, 0)]
    [InlineData(6, 0)]
    public void PercentOfTarget_TargetEqualsBaseline_IsMetOnlyAtTheTarget(double actual, double percent) =>
        Assert.Equal((decimal)percent, IndicatorMaths.PercentOfTarget(5m, 5m, (decimal)actual));

    [Fact]
    public void Latest_IsThePeriodEndingLast()
    {
        var latest = IndicatorMaths.Latest([
            new MeasurePoint("2026-05", 1, At),
            new MeasurePoint("2026-Q2", 2, At.AddDays(-10)),
            new MeasurePoint("2025", 3, At.AddDays(1)),
            new MeasurePoint("garbage", 9, At.AddDays(5))]);

        Assert.Equal(2, latest!.Actual);
    }

    [Fact]
    public void Latest_SameEndDay_TheMoreRecentlyRecordedWins()
    {
        var latest = IndicatorMaths.Latest([new MeasurePoint("2026", 1, At), new MeasurePoint("2026-12", 2, At.AddHours(1))]);
        Assert.Equal(2, latest!.Actual);
    }

    [Fact]
    public void Standing_WithoutMeasures_HasNothing()
    {
        var standing = IndicatorMaths.Standing(0, 10, []);
        Assert.Null(standing.Latest);
        Assert.Null(standing.PercentOfTarget);
    }

    [Theory]
    [InlineData("2026", "2026", "2026-12-31")]
    [InlineData("2026-q2", "2026-Q2", "2026-06-30")]
    [InlineData("2028-02", "2028-02", "2028-02-29")]
    public void PlanPeriods_NormalizeAndEnd(string text, string key, string end)
    {
        Assert.Equal(key, PlanPeriods.Normalize(text));
        Assert.True(PlanPeriods.TryParse(text, out var period));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.EndsOn);
    }
}
