using System.Globalization;
using Noress.App.Calendar;
using Noress.App.Shared.Localization;

namespace Noress.Tests.Calendar;

public sealed class MonthGridTests
{
    [Theory]
    [InlineData(NoressCultures.French, DayOfWeek.Monday)]
    [InlineData(NoressCultures.Arabic, DayOfWeek.Monday)]
    [InlineData(NoressCultures.English, DayOfWeek.Monday)]
    [InlineData("en-US", DayOfWeek.Sunday)]
    public void FirstDayOfWeek_PerCulture_IsWhatDotNetReports(string culture, DayOfWeek expected)
    {
        var weeks = MonthGrid.Weeks(2026, 11, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, weeks[0][0].DayOfWeek);
    }

    [Fact]
    public void Weeks_MondayFirst_November2026_HasSixWeeksFromOctober26()
    {
        // 1 November 2026 is a Sunday.
        var weeks = MonthGrid.Weeks(2026, 11, DayOfWeek.Monday);

        Assert.Equal(6, weeks.Count);
        Assert.Equal(new DateOnly(2026, 10, 26), weeks[0][0]);
        Assert.Equal(new DateOnly(2026, 12, 6), weeks[^1][^1]);
        Assert.All(weeks, w => Assert.Equal(7, w.Count));
    }

    [Fact]
    public void Weeks_SundayFirst_November2026_HasFiveWeeksStartingOnTheFirst()
    {
        var weeks = MonthGrid.Weeks(2026, 11, DayOfWeek.Sunday);

        Assert.Equal(5, weeks.Count);
        Assert.Equal(new DateOnly(2026, 11, 1), weeks[0][0]);
        Assert.Equal(new DateOnly(2026, 12, 5), weeks[^1][^1]);
    }

    [Fact]
    public void Weeks_SaturdayFirst_ContainsEveryDayOfTheMonthOnce()
    {
        var days = MonthGrid.Weeks(2026, 2, DayOfWeek.Saturday).SelectMany(w => w).Where(d => d.Month == 2).ToList();

        Assert.Equal(28, days.Count);
        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void Weeks_February2027MondayFirst_IsExactlyFourWeeks()
    {
        Assert.Equal(4, MonthGrid.Weeks(2027, 2, DayOfWeek.Monday).Count);
    }

    [Fact]
    public void DayNames_French_StartOnMonday()
    {
        var names = MonthGrid.DayNames(CultureInfo.GetCultureInfo(NoressCultures.French));

        Assert.Equal(7, names.Count);
        Assert.StartsWith("lun", names[0], StringComparison.Ordinal);
    }
}
