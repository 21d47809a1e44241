using Microsoft.Extensions.Time.Testing;
using Noress.App.Calendar.Reminders;

namespace Noress.Tests.Calendar;

// Morocco leaves UTC+1 for UTC+0 during Ramadan: in 2026 from 15 February 02:00 UTC to 22 March 02:00 UTC.
public sealed class ReminderScheduleTests
{
    private static readonly TimeOnly NineAm = new(9, 0);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    // Due after Ramadan (UTC+1), reminder falls during Ramadan (UTC+0): 09:00 local is 09:00 UTC.
    [InlineData(3, 25, 10, -7, 3, 18, 9)]
    // Due and reminder both during Ramadan.
    [InlineData(3, 20, 12, -7, 3, 13, 9)]
    // Due during Ramadan, reminder before it (UTC+1): 09:00 local is 08:00 UTC.
    [InlineData(2, 20, 12, -7, 2, 13, 8)]
    // Due before Ramadan, overdue reminder during it.
    [InlineData(2, 14, 12, 1, 2, 15, 9)]
    // Due during Ramadan, overdue reminder after it.
    [InlineData(3, 21, 12, 1, 3, 22, 8)]
    public void FireAtUtc_AcrossRamadanOffsets_IsNineInTheMorningCasablancaTime(int dueMonth, int dueDay, int dueHour, int offset, int month, int day, int utcHour)
    {
        var fire = ReminderSchedule.FireAtUtc(Utc(dueMonth, dueDay, dueHour), offset, NineAm);

        Assert.Equal(Utc(month, day, utcHour), fire);
        Assert.Equal(DateTimeKind.Utc, fire.Kind);
    }

    [Fact]
    public void FireAtUtc_DueJustAfterLocalMidnight_CountsFromTheCasablancaDay()
    {
        // 1 April 23:30 UTC is already 2 April 00:30 in Casablanca (UTC+1).
        var fire = ReminderSchedule.FireAtUtc(Utc(4, 1, 23, 30), -1, NineAm);

        Assert.Equal(Utc(4, 1, 8), fire);
    }

    [Fact]
    public void IsDue_WithFakeClock_FiresFromTheInstantUntilTheGraceEnds()
    {
        var fire = ReminderSchedule.FireAtUtc(Utc(3, 25, 10), -7, NineAm);
        var clock = new FakeTimeProvider(new DateTimeOffset(Utc(3, 18, 8, 59)));

        Assert.False(ReminderSchedule.IsDue(fire, clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(ReminderSchedule.IsDue(fire, clock.GetUtcNow().UtcDateTime));
        clock.Advance(ReminderSchedule.Grace - TimeSpan.FromMinutes(1));
        Assert.True(ReminderSchedule.IsDue(fire, clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(ReminderSchedule.IsDue(fire, clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public void DueWindow_CoversEveryOffsetsFiringTime()
    {
        var now = Utc(3, 18, 9);
        var (from, to) = ReminderSchedule.DueWindow(now, [-30, -7, -1, 1]);

        foreach (var offset in new[] { -30, -7, -1, 1 })
        {
            var due = now.AddDays(-offset);
            Assert.InRange(due, from, to);
        }
    }
}
