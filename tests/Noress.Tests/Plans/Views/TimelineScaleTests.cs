using System.Globalization;
using Noress.App.Plans.Views;

namespace Noress.Tests.Plans.Views;

public sealed class TimelineScaleTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);

    [Fact]
    public void For_Months_CoversWholeMonthsOfTheSpansAndToday()
    {
        var scale = TimelineScale.For([new TimelineSpan(new(2026, 2, 10), new(2026, 5, 3), false)], Today, TimelineUnit.Month);

        Assert.Equal(new DateOnly(2026, 2, 1), scale.From);
        Assert.Equal(new DateOnly(2026, 6, 1), scale.To);
        Assert.Equal([new(2026, 2, 1), new(2026, 3, 1), new(2026, 4, 1), new(2026, 5, 1)], scale.Ticks.Select(t => t.Start));
        // 120 days from 1 February to 1 June: March starts 28 days in.
        Assert.Equal(23.333, scale.Ticks[1].Offset);
        Assert.Equal(25.833, scale.Ticks[1].Width); // 31 days of March
        Assert.Equal(100, Math.Round(scale.Ticks.Sum(t => t.Width)), 0);
    }

    [Fact]
    public void For_Quarters_SnapsToQuarterStarts()
    {
        var scale = TimelineScale.For([new TimelineSpan(new(2026, 2, 10), new(2026, 5, 3), false)], Today, TimelineUnit.Quarter);

        Assert.Equal(new DateOnly(2026, 1, 1), scale.From);
        Assert.Equal(new DateOnly(2026, 7, 1), scale.To);
        Assert.Equal(2, scale.Ticks.Count);
    }

    [Fact]
    public void For_TodayOutsideTheSpans_IsIncluded()
    {
        var scale = TimelineScale.For([new TimelineSpan(new(2026, 6, 1), new(2026, 6, 30), false)], Today, TimelineUnit.Month);

        Assert.Equal(new DateOnly(2026, 3, 1), scale.From);
        Assert.Equal(new DateOnly(2026, 7, 1), scale.To);
    }

    [Fact]
    public void Bar_FromTheStartOfTheFirstDayToTheEndOfTheLast()
    {
        var scale = TimelineScale.For([new TimelineSpan(new(2026, 2, 1), new(2026, 5, 31), false)], Today, TimelineUnit.Month);

        Assert.Equal(new TimelineBar(0, 23.333), scale.Bar(new(2026, 2, 1), new(2026, 2, 28)));
        Assert.Equal(new TimelineBar(23.333, 0.833), scale.Bar(new(2026, 3, 1), new(2026, 3, 1)));
        Assert.Equal(scale.Bar(new(2026, 3, 1), new(2026, 3, 10)), scale.Bar(new(2026, 3, 10), new(2026, 3, 1)));
    }

    [Fact]
    public void Middle_IsHalfADayAfterTheOffset()
    {
        var scale = TimelineScale.For([new TimelineSpan(new(2026, 2, 1), new(2026, 5, 31), false)], Today, TimelineUnit.Month);

        Assert.Equal(27.083, scale.Middle(Today)); // 32.5 days of 120
    }

    [Fact]
    public void DefaultUnit_MonthsUpToEighteenThenQuarters()
    {
        Assert.Equal(TimelineUnit.Month, TimelineScale.DefaultUnit([new TimelineSpan(new(2026, 1, 1), new(2027, 6, 30), false)], Today));
        Assert.Equal(TimelineUnit.Quarter, TimelineScale.DefaultUnit([new TimelineSpan(new(2026, 1, 1), new(2027, 7, 1), false)], Today));
    }

    [Fact]
    public void Css_IsInvariantWhateverTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-MA");
            Assert.Equal("23.333%", TimelineScale.Css(23.333));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Spans_OwnDatesMilestonesAndDerivedParents()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        var objective = plan.Objective(axis, "Objectif");
        var dated = plan.Action(objective, "Datée", r => r with { StartsOn = new(2026, 1, 10), DueOn = new(2026, 4, 30) });
        var milestone = plan.Action(objective, "Jalon", r => r with { DueOn = new(2026, 6, 15) });
        var undated = plan.Action(objective, "Sans date");
        var view = plan.Build();

        var spans = TimelineScale.Spans(view.Rows);

        Assert.Equal(new TimelineSpan(new(2026, 1, 10), new(2026, 4, 30), false), spans[dated]);
        Assert.Equal(new TimelineSpan(new(2026, 6, 15), new(2026, 6, 15), false), spans[milestone]);
        Assert.False(spans.ContainsKey(undated));
        Assert.Equal(new TimelineSpan(new(2026, 1, 10), new(2026, 6, 15), true), spans[objective]);
        Assert.Equal(new TimelineSpan(new(2026, 1, 10), new(2026, 6, 15), true), spans[axis]);
    }
}
