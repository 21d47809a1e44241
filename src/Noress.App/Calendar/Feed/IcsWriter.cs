using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Noress.App.Shared.Time;

namespace Noress.App.Calendar.Feed;

/// <summary>Writes iCalendar (RFC 5545) text: the personal feed, and single-event attachments for invitations.</summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar";

    private const string ProductId = "-//NORESS//Calendar//FR";

    /// <summary>The personal feed; every event's DTSTAMP is <paramref name="generatedAtUtc"/>, when the feed is written (RFC 5545 3.8.7.2).</summary>
    public static string Feed(string name, IEnumerable<CalendarItem> items, string? publicBaseUrl, DateTime generatedAtUtc)
    {
        var calendar = NewCalendar();
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", NoressClock.TimeZoneId);
        foreach (var item in items)
        {
            var entry = item.Entry;
            calendar.Events.Add(Event(
                $"{entry.Kind}.{entry.Key}@noress",
                item.Title,
                entry.DueAtUtc,
                entry.AllDay ? null : entry.DueAtUtc,
                entry.AllDay,
                generatedAtUtc,
                description: null,
                location: null,
                Absolute(publicBaseUrl, entry.Link)));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>One event as a standalone .ics (method PUBLISH) to attach to an invitation mail.</summary>
    public static byte[] Attachment(string uid, string title, DateTime startUtc, DateTime endUtc, DateTime generatedAtUtc, string? description, string? location, Uri? url)
    {
        var calendar = NewCalendar();
        calendar.Method = "PUBLISH";
        calendar.Events.Add(Event(uid, title, startUtc, endUtc, allDay: false, generatedAtUtc, description, location, url));
        return System.Text.Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    /// <summary>
    /// A meeting invitation (RFC 5546): METHOD:REQUEST for the first sending and every update, with the same
    /// <paramref name="uid"/> and a higher <paramref name="sequence"/> so calendars replace the event; METHOD:CANCEL
    /// (STATUS:CANCELLED) removes it.
    /// </summary>
    public static byte[] Invitation(string uid, int sequence, bool cancel, string title, DateTime startUtc, DateTime endUtc, DateTime generatedAtUtc, string? description, string? location, Uri? url, string? organizerAddress)
    {
        var calendar = NewCalendar();
        calendar.Method = cancel ? "CANCEL" : "REQUEST";
        var calendarEvent = Event(uid, title, startUtc, endUtc, allDay: false, generatedAtUtc, description, location, url);
        calendarEvent.Sequence = sequence;
        calendarEvent.Status = cancel ? "CANCELLED" : "CONFIRMED";
        if (!string.IsNullOrWhiteSpace(organizerAddress))
        {
            calendarEvent.Organizer = new Organizer($"mailto:{organizerAddress}");
        }

        calendar.Events.Add(calendarEvent);
        return System.Text.Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    private static Ical.Net.Calendar NewCalendar() => new() { ProductId = ProductId };

    private static CalendarEvent Event(string uid, string title, DateTime startUtc, DateTime? endUtc, bool allDay, DateTime stampUtc, string? description, string? location, Uri? url)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = uid,
            Summary = title,
            Description = description,
            Location = location,
            Url = url,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
        };
        if (allDay)
        {
            // All-day entries are Casablanca days, written as floating dates.
            var day = DateOnly.FromDateTime(NoressClock.ToLocal(startUtc));
            calendarEvent.DtStart = new CalDateTime(day);
            calendarEvent.DtEnd = new CalDateTime(day.AddDays(1));
        }
        else
        {
            calendarEvent.DtStart = new CalDateTime(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));
            // A point in time (a deadline) has no DTEND: RFC 5545 wants DTEND later than DTSTART, and an event
            // without one ends when it starts.
            if (endUtc is { } end && end > startUtc)
            {
                calendarEvent.DtEnd = new CalDateTime(DateTime.SpecifyKind(end, DateTimeKind.Utc));
            }
        }

        return calendarEvent;
    }

    private static Uri? Absolute(string? publicBaseUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return null;
        }

        return new Uri(new Uri(publicBaseUrl.EndsWith('/') ? publicBaseUrl : publicBaseUrl + "/"), link.TrimStart('/'));
    }
}
