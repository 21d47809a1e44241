using Noress.App.Calls;
using Noress.App.Calls.Jobs;
using Noress.App.Shared.Time;

namespace Noress.Tests.Calls;

/// <summary>When the calls' scheduled notices are due (ADR 0043): pure rules, table-driven at the boundaries.</summary>
public sealed class CallDueRulesTests
{
    private static readonly DateTime Due = new(2027, 3, 31, 16, 0, 0, DateTimeKind.Utc);

    public static TheoryData<double, int?> ReminderCases => new()
    {
        { -8 * 24, null },
        { (-7 * 24) - (1.0 / 3_600_000), null },
        { -7 * 24, 7 },
        { -2 * 24, 7 },
        { (-1 * 24) - (1.0 / 3_600_000), 7 },
        { -1 * 24, 1 },
        { -1.0 / 3_600_000, 1 },
        { 0, null },
        { 1, null },
    };

    [Theory]
    [MemberData(nameof(ReminderCases))]
    public void ReminderDue_HoursFromTheDueInstant_TheNearestStepReachedUntilTheInstant(double hours, int? expected) =>
        Assert.Equal(expected, CallDueRules.ReminderDue(Due, Due.AddHours(hours)));

    [Fact]
    public void ReportReminderDue_NineInTheMorningCasablanca_SevenThenOneDayBefore_UntilTheDayEnds()
    {
        var day = new DateOnly(2027, 6, 30);
        var sevenAt = NoressClock.ToUtc(new DateTime(2027, 6, 23, 9, 0, 0));
        var oneAt = NoressClock.ToUtc(new DateTime(2027, 6, 29, 9, 0, 0));
        var dayEnds = NoressClock.ToUtc(new DateTime(2027, 7, 1, 0, 0, 0));

        Assert.Null(CallDueRules.ReportReminderDue(day, sevenAt.AddMilliseconds(-1)));
        Assert.Equal(7, CallDueRules.ReportReminderDue(day, sevenAt));
        Assert.Equal(7, CallDueRules.ReportReminderDue(day, oneAt.AddMilliseconds(-1)));
        Assert.Equal(1, CallDueRules.ReportReminderDue(day, oneAt));
        Assert.Equal(1, CallDueRules.ReportReminderDue(day, dayEnds.AddMilliseconds(-1)));
        Assert.Null(CallDueRules.ReportReminderDue(day, dayEnds));
        Assert.Equal(dayEnds, CallDueRules.ReportDueAtUtc(day));
        Assert.Equal(NoressClock.ToUtc(new DateTime(2027, 6, 30, 0, 0, 0)), CallDueRules.ReportDayUtc(day));
    }

    [Fact]
    public void PublicationDue_FromThePublicationInstantUntilTheDeadline_OnlyWhenPublished()
    {
        var call = Call(published: true);

        Assert.False(CallDueRules.PublicationDue(call, call.PublicationAt.AddMilliseconds(-1)));
        Assert.True(CallDueRules.PublicationDue(call, call.PublicationAt));
        Assert.True(CallDueRules.PublicationDue(call, call.DeadlineAt.AddMilliseconds(-1)));
        Assert.False(CallDueRules.PublicationDue(call, call.DeadlineAt));
        Assert.False(CallDueRules.PublicationDue(Call(published: false), call.PublicationAt));
    }

    [Fact]
    public void ClosingDue_FromTheDeadlineForTheCatchUpWindow_OnlyWhenPublished()
    {
        var call = Call(published: true);

        Assert.False(CallDueRules.ClosingDue(call, call.DeadlineAt.AddMilliseconds(-1)));
        Assert.True(CallDueRules.ClosingDue(call, call.DeadlineAt));
        Assert.True(CallDueRules.ClosingDue(call, call.DeadlineAt + CallDueRules.CatchUp - TimeSpan.FromMilliseconds(1)));
        Assert.False(CallDueRules.ClosingDue(call, call.DeadlineAt + CallDueRules.CatchUp));
        Assert.False(CallDueRules.ClosingDue(Call(published: false), call.DeadlineAt));
    }

    [Theory]
    [InlineData(CallKind.Ami, null, null, null)]
    [InlineData(CallKind.Ami, "2027-06-30", "2027-12-31", null)]
    [InlineData(CallKind.Ami, "2027-06-30", null, null)]
    [InlineData(CallKind.Ami, null, "2027-12-31", null)]
    [InlineData(CallKind.Ami, "2027-12-31", "2027-06-30", "Error.ReportDates")]
    [InlineData(CallKind.Ami, "2027-06-30", "2027-06-30", "Error.ReportDates")]
    [InlineData(CallKind.Ami, "2027-04-15", "2027-12-31", "Error.ReportDates")]
    [InlineData(CallKind.Competition, "2027-06-30", "2027-12-31", "Error.ReportDates")]
    [InlineData(CallKind.Competition, null, null, null)]
    public void InvalidReports_OnlyAnAmi_AfterTheResultsDay_FinalAfterInterim(CallKind kind, string? interim, string? final, string? expected)
    {
        var results = NoressClock.ToUtc(new DateTime(2027, 4, 15, 10, 0, 0));

        Assert.Equal(expected, CallDueRules.InvalidReports(kind, results, Day(interim), Day(final)));
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, false, false, false)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, true, false)]
    [InlineData(true, true, true, false)]
    public void OwesSheet_AssignedNotConflictedNotSubmitted(bool assigned, bool conflicted, bool submitted, bool expected) =>
        Assert.Equal(expected, JuryDue.OwesSheet(assigned, conflicted, submitted));

    [Fact]
    public void Stamp_InvariantAndToTheMinute()
    {
        Assert.Equal("20270331T1600", CallDueRules.Stamp(Due));
        Assert.Equal("20270630", CallDueRules.Stamp(new DateOnly(2027, 6, 30)));
        Assert.Equal("deadline.7", CallNoticeKinds.Reminder(CallNoticeKinds.Deadline, 7));
    }

    private static DateOnly? Day(string? value) => value is null ? null : DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static Call Call(bool published) => new()
    {
        TitleFr = "AMI",
        TitleAr = "AMI",
        PublicationAt = Due.AddDays(-30),
        OpensAt = Due.AddDays(-25),
        DeadlineAt = Due,
        EvaluationEndsAt = Due.AddDays(20),
        ResultsAt = Due.AddDays(30),
        PublishedAt = published ? Due.AddDays(-31) : null,
    };
}
