using System.Text;
using Noress.App.Calendar;
using Noress.App.Calendar.Feed;

namespace Noress.Tests.Calendar;

public sealed class IcsWriterTests
{
    [Fact]
    public void Attachment_OneEvent_ParsesBackWithItsTimesAndText()
    {
        var start = new DateTime(2026, 3, 18, 9, 0, 0, DateTimeKind.Utc);
        var bytes = IcsWriter.Attachment("session-42@noress", "Assemblée générale", start, start.AddHours(2), start.AddDays(-7), "Ordre du jour joint", "Rabat", new Uri("https://noress.ma/sessions/42"));

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("session-42@noress", calendarEvent.Uid);
        Assert.Equal("Assemblée générale", calendarEvent.Summary);
        Assert.Equal("Rabat", calendarEvent.Location);
        Assert.Equal(start, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(start.AddHours(2), calendarEvent.DtEnd!.AsUtc);
        Assert.Equal(new Uri("https://noress.ma/sessions/42"), calendarEvent.Url);
        Assert.Equal(start.AddDays(-7), calendarEvent.DtStamp!.AsUtc);
    }

    [Theory]
    [InlineData(false, 0, "REQUEST", "CONFIRMED")]
    [InlineData(false, 3, "REQUEST", "CONFIRMED")]
    [InlineData(true, 4, "CANCEL", "CANCELLED")]
    public void Invitation_RequestOrCancel_KeepsTheUidAndCarriesTheSequence(bool cancel, int sequence, string method, string status)
    {
        var start = new DateTime(2026, 3, 18, 9, 0, 0, DateTimeKind.Utc);
        var bytes = IcsWriter.Invitation("session.42@noress", sequence, cancel, "Session plénière", start, start.AddHours(3), start.AddDays(-7), "Ordre du jour", "Tanger", null, "noreply@noress.ma");

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(method, calendar.Method);
        Assert.Equal("session.42@noress", calendarEvent.Uid);
        Assert.Equal(sequence, calendarEvent.Sequence);
        Assert.Equal(status, calendarEvent.Status);
        Assert.Equal(new Uri("mailto:noreply@noress.ma"), calendarEvent.Organizer!.Value);
        Assert.Equal(start, calendarEvent.DtStart!.AsUtc);
    }

    [Fact]
    public void Feed_AllDayAndTimedEntries_KeepCasablancaDayAndUtcInstant()
    {
        var audience = CalendarAudience.SecretariatOnly;
        // 2 April 00:30 in Casablanca (UTC+1) is 1 April 23:30 UTC.
        var allDay = new CalendarEntry("mou.renewal", "a", "ADS", new DateTime(2026, 4, 1, 23, 30, 0, DateTimeKind.Utc), AllDay: true, "/members/ads", audience);
        var timed = new CalendarEntry("invitation.expiry", "b", "Amina", new DateTime(2026, 4, 3, 10, 0, 0, DateTimeKind.Utc), AllDay: false, null, audience);

        var generated = new DateTime(2026, 3, 30, 8, 15, 0, DateTimeKind.Utc);
        var text = IcsWriter.Feed("NORESS", [new CalendarItem(allDay, "Renouvellement ADS"), new CalendarItem(timed, "Invitation")], "https://noress.ma", generated);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var renewal = calendar.Events.Single(e => e.Uid == "mou.renewal.a@noress");
        Assert.False(renewal.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 4, 2), DateOnly.FromDateTime(renewal.DtStart.Value));
        Assert.Equal(new Uri("https://noress.ma/members/ads"), renewal.Url);
        var invitation = calendar.Events.Single(e => e.Uid == "invitation.expiry.b@noress");
        Assert.Equal(timed.DueAtUtc, invitation.DtStart!.AsUtc);
        // A deadline is a point in time: no DTEND equal to DTSTART (invalid in RFC 5545), and every DTSTAMP is
        // the time the feed was written, not the event's start.
        Assert.Null(invitation.DtEnd);
        Assert.DoesNotContain("DTEND:20260403T100000Z", text, StringComparison.Ordinal);
        Assert.All(calendar.Events, e => Assert.Equal(generated, e.DtStamp!.AsUtc));
    }
}
