using System.Globalization;
using Noress.App.Shared.Localization;

namespace Noress.Tests.Localization;

public sealed class NoressFormatTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo(NoressCultures.French);
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo(NoressCultures.Arabic);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(NoressCultures.English);

    public static TheoryData<string> Cultures => [.. NoressCultures.Supported];

    [Fact]
    public void Date_French_IsDayMonthYearWithLeadingZeros() =>
        Assert.Equal("05/03/2026", NoressFormat.Date(Utc(2026, 3, 5, 10, 0), French));

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Date_EveryCulture_IsDayMonthYearInLatinDigits(string culture) =>
        Assert.Equal("05/03/2026", NoressFormat.Date(Utc(2026, 3, 5, 10, 0), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Date_DateOnly_IsNotShiftedByTheTimeZone() =>
        Assert.Equal("31/12/2026", NoressFormat.Date(new DateOnly(2026, 12, 31), French));

    [Fact]
    public void Date_LateEveningUtcOutsideRamadan_IsNextDayInCasablanca() =>
        Assert.Equal("16/01/2026", NoressFormat.Date(Utc(2026, 1, 15, 23, 30), French));

    [Fact]
    public void Date_LateEveningUtcDuringRamadan_IsSameDayInCasablanca() =>
        Assert.Equal("01/03/2026", NoressFormat.Date(Utc(2026, 3, 1, 23, 30), French));

    [Fact]
    public void Time_OutsideRamadan_IsUtcPlusOne() =>
        Assert.Equal("13:00", NoressFormat.Time(Utc(2026, 1, 15, 12, 0), French));

    [Fact]
    public void Time_DuringRamadan_IsUtc() =>
        Assert.Equal("12:00", NoressFormat.Time(Utc(2026, 3, 1, 12, 0), French));

    [Fact]
    public void DateTime_French_ShowsDateAndCasablancaTime() =>
        Assert.Equal("05/04/2026 09:15", NoressFormat.DateTime(Utc(2026, 4, 5, 8, 15), French));

    [Theory]
    [InlineData(NoressCultures.French, "5 mars 2026")]
    [InlineData(NoressCultures.Arabic, "5 مارس 2026")]
    [InlineData(NoressCultures.English, "5 March 2026")]
    public void LongDate_EachCulture_NamesTheMonth(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.LongDate(Utc(2026, 3, 5, 10, 0), CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(NoressCultures.French, "40.000,00 MAD")]
    [InlineData(NoressCultures.Arabic, "40.000,00 د.م.\u200F")]
    [InlineData(NoressCultures.English, "MAD 40,000.00")]
    public void Amount_FortyThousandDirhams_FollowsTheCulture(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.Amount(4_000_000, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(NoressCultures.French, "-1.234,56 MAD")]
    [InlineData(NoressCultures.Arabic, "\u200E-1.234,56 د.م.\u200F")]
    [InlineData(NoressCultures.English, "-MAD 1,234.56")]
    public void Amount_Negative_KeepsTheSignAndTheCurrency(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.Amount(-123_456, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(0, "0,00 MAD")]
    [InlineData(5, "0,05 MAD")]
    [InlineData(99, "0,99 MAD")]
    [InlineData(100, "1,00 MAD")]
    [InlineData(-1, "-0,01 MAD")]
    public void Amount_Centimes_AreTheTwoDecimals(long centimes, string expected) =>
        Assert.Equal(expected, NoressFormat.Amount(centimes, French));

    [Fact]
    public void Amount_WithoutCulture_UsesTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = English;
            Assert.Equal("MAD 12.50", NoressFormat.Amount(1_250));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void TryParseAmount_FormattedAmount_GivesBackTheCentimes(string culture, long centimes)
    {
        var info = CultureInfo.GetCultureInfo(culture);

        Assert.True(NoressFormat.TryParseAmount(NoressFormat.Amount(centimes, info), info, out var parsed));
        Assert.Equal(centimes, parsed);
    }

    public static TheoryData<string, long> RoundTripCases()
    {
        var data = new TheoryData<string, long>();
        foreach (var culture in NoressCultures.Supported)
        {
            foreach (var centimes in new long[] { 0, 1, 99, 100, 4_000_000, -123_456, -1, 9_007_199_254_740_993 })
            {
                data.Add(culture, centimes);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(NoressCultures.French, "1 250,5", 125_050)]
    [InlineData(NoressCultures.French, "40000", 4_000_000)]
    [InlineData(NoressCultures.English, "1,250.50", 125_050)]
    [InlineData(NoressCultures.Arabic, "1250,5", 125_050)]
    public void TryParseAmount_TypedWithoutSymbol_IsRead(string culture, string text, long expected)
    {
        Assert.True(NoressFormat.TryParseAmount(text, CultureInfo.GetCultureInfo(culture), out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("quarante")]
    [InlineData("1,234")]
    public void TryParseAmount_NotAWholeNumberOfCentimes_IsRejected(string text) =>
        Assert.False(NoressFormat.TryParseAmount(text, French, out _));

    [Theory]
    [InlineData(NoressCultures.French, "1.234.567")]
    [InlineData(NoressCultures.Arabic, "1.234.567")]
    [InlineData(NoressCultures.English, "1,234,567")]
    public void Number_GroupsThousands(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.Number(1_234_567, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(NoressCultures.French, "mars 2026")]
    [InlineData(NoressCultures.Arabic, "مارس 2026")]
    [InlineData(NoressCultures.English, "March 2026")]
    public void MonthYear_EachCulture_NamesTheMonth(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.MonthYear(new DateOnly(2026, 3, 1), CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(NoressCultures.French, "31 décembre 2026")]
    [InlineData(NoressCultures.Arabic, "31 دجنبر 2026")]
    [InlineData(NoressCultures.English, "31 December 2026")]
    public void LongDate_DateOnly_IsNotShiftedAndNamesTheMonth(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.LongDate(new DateOnly(2026, 12, 31), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void LongDateTime_LateEveningUtc_IsTheNextCasablancaDayAndTime() =>
        Assert.Equal("16 janvier 2026 00:30", NoressFormat.LongDateTime(Utc(2026, 1, 15, 23, 30), French));

    [Fact]
    public void Date_NoOptionalDate_IsEmpty() =>
        Assert.Equal(string.Empty, NoressFormat.Date((DateOnly?)null, French));

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Date_OptionalDate_IsDayMonthYear(string culture) =>
        Assert.Equal("05/03/2026", NoressFormat.Date((DateOnly?)new DateOnly(2026, 3, 5), CultureInfo.GetCultureInfo(culture)));

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
    [Theory]
    [InlineData(NoressCultures.French, "45\u00A0%")]
    [InlineData(NoressCultures.English, "45%")]
    public void Percent_FollowsTheCulture_WithANoBreakSpace(string culture, string expected) =>
        Assert.Equal(expected, NoressFormat.Percent(45m, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Percent_InArabic_HasLatinDigitsAndNoBreakableSpace()
    {
        var text = NoressFormat.Percent(45m, CultureInfo.GetCultureInfo(NoressCultures.Arabic));
        Assert.Contains("45", text, StringComparison.Ordinal);
        Assert.Contains('%', text);
        Assert.DoesNotContain(' ', text);
    }

    [Theory]
    [InlineData(52.5, "53\u00A0%")]
    [InlineData(0.4, "0\u00A0%")]
    [InlineData(100, "100\u00A0%")]
    public void Percent_RoundsToAWholeNumber(double value, string expected) =>
        Assert.Equal(expected, NoressFormat.Percent((decimal)value, CultureInfo.GetCultureInfo(NoressCultures.French)));

    [Fact]
    public void Percent_None_IsADash() => Assert.Equal("—", NoressFormat.Percent(null));

    [Fact]
    public void Percent_PlanViewsAndGrid_UseTheSameFormat()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(NoressCultures.French);
            Assert.Equal("38\u00A0%", Noress.App.Plans.Views.PlanNumbers.Percent(37.5m));
            Assert.Equal("38\u00A0%", Noress.App.Plans.Grid.PlanCellText.Percent(37.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
