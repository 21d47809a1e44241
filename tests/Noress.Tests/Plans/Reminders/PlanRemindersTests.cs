using Noress.App.Calendar.Reminders;
using Noress.App.Plans;
using Noress.App.Plans.Reminders;
using Noress.App.Shared.Time;

namespace Noress.Tests.Plans.Reminders;

/// <summary>Who is reminded of an action and when, on Casablanca days (the reminder rules seeded for plan actions: -7, -1, +1 at 09:00).</summary>
public sealed class PlanRemindersTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly Guid Responsible = Guid.NewGuid();
    private static readonly Guid Titular = Guid.NewGuid();

    [Fact]
    public void Owner_ResponsiblePerson_First()
    {
        Assert.Equal(Responsible, PlanReminders.Owner(Responsible, Titular, _ => true));
    }

    [Fact]
    public void Owner_NoResponsible_LeadInstitutionsTitular()
    {
        Assert.Equal(Titular, PlanReminders.Owner(null, Titular, _ => true));
    }

    [Fact]
    public void Owner_ResponsibleMayNotReadThePlan_TitularInstead_ElseNobody()
    {
        Assert.Equal(Titular, PlanReminders.Owner(Responsible, Titular, p => p == Titular));
        Assert.Null(PlanReminders.Owner(Responsible, Titular, _ => false));
    }

    [Fact]
    public void Owner_NoResponsibleNoLead_Nobody()
    {
        Assert.Null(PlanReminders.Owner(null, null, _ => true));
    }

    [Theory]
    [InlineData(PlanItemStatus.Planned, true)]
    [InlineData(PlanItemStatus.InProgress, true)]
    [InlineData(PlanItemStatus.Done, false)]
    [InlineData(PlanItemStatus.Cancelled, false)]
    public void IsOpen_DoneAndCancelled_AreNeverReminded(PlanItemStatus status, bool open)
    {
        Assert.Equal(open, PlanReminders.IsOpen(status));
    }

    [Theory]
    [InlineData(7, -7, true)]   // due in 7 days: the 7-day reminder fires today
    [InlineData(7, -1, false)]
    [InlineData(1, -1, true)]   // due tomorrow: the 1-day reminder fires today
    [InlineData(0, -1, false)]  // due today: yesterday's reminder is past its grace, overdue only tomorrow
    [InlineData(0, 1, false)]
    [InlineData(-1, 1, true)]   // due yesterday: late today, the overdue reminder fires
    public void Rules_FireOnTheRightDay(int dueInDays, int offsetDays, bool firesToday)
    {
        var due = NoressClock.ToUtc(Today.AddDays(dueInDays).ToDateTime(TimeOnly.MinValue));
        var now = NoressClock.ToUtc(Today.ToDateTime(new TimeOnly(10, 0)));

        var fires = ReminderSchedule.IsDue(ReminderSchedule.FireAtUtc(due, offsetDays, new TimeOnly(9, 0)), now);

        Assert.Equal(firesToday, fires);
    }

    [Fact]
    public void Overdue_StartsTheDayAfterTheDueDate_AsPlanRulesSays()
    {
        Assert.False(PlanRules.IsLate(Today, PlanItemStatus.InProgress, Today));
        Assert.True(PlanRules.IsLate(Today.AddDays(-1), PlanItemStatus.InProgress, Today));
        Assert.False(PlanRules.IsLate(Today.AddDays(-1), PlanItemStatus.Done, Today));
        Assert.False(PlanRules.IsLate(Today.AddDays(-1), PlanItemStatus.Cancelled, Today));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    [InlineData(-1, false)]
    public void IsDueSoon_TheNextTwoWeeks(int dueInDays, bool soon)
    {
        Assert.Equal(soon, PlanReminders.IsDueSoon(Today.AddDays(dueInDays), PlanItemStatus.InProgress, Today));
        Assert.False(PlanReminders.IsDueSoon(Today.AddDays(dueInDays), PlanItemStatus.Done, Today));
    }

    [Theory]
    [InlineData(10, 0, true)]    // due in 10 days of a 100-day action, nothing done: at risk
    [InlineData(10, 80, false)]  // on track
    [InlineData(40, 0, false)]   // beyond the 30-day horizon
    [InlineData(-1, 0, false)]   // already late: in the overdue list instead
    public void IsAtRisk_BehindThePaceWithinThirtyDays(int dueInDays, int progress, bool atRisk)
    {
        var due = Today.AddDays(dueInDays);
        Assert.Equal(atRisk, PlanReminders.IsAtRisk(due.AddDays(-100), due, PlanItemStatus.InProgress, progress, due.AddDays(-100), Today));
    }

    [Fact]
    public void WeekKey_IsoWeeks_OneDigestPerWeek()
    {
        Assert.Equal("2026-W49", PlanReminders.WeekKey(new DateOnly(2026, 11, 30)));
        Assert.Equal("2026-W49", PlanReminders.WeekKey(new DateOnly(2026, 12, 6)));
        Assert.Equal("2026-W50", PlanReminders.WeekKey(new DateOnly(2026, 12, 7)));
        Assert.Equal("2026-W53", PlanReminders.WeekKey(new DateOnly(2027, 1, 1)));
    }
}
