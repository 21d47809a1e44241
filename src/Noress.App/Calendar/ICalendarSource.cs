namespace Noress.App.Calendar;

/// <summary>
/// A feature's dated obligations (MoU renewals, sessions, AMI deadlines, ...). Register an implementation
/// with <c>services.AddCalendarSource&lt;T&gt;()</c>; the calendar page, the iCalendar feed and the reminder
/// rules (matched on <see cref="Kind"/>) then pick it up.
/// </summary>
public interface ICalendarSource
{
    /// <summary>Stable key, e.g. "mou.renewal"; reminder rules refer to it.</summary>
    string Kind { get; }

    /// <summary>Every entry due in [fromUtc, toUtc), whoever it concerns; finished obligations are left out.</summary>
    Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>The entry's title in the current UI culture (the viewer's, or a reminder recipient's).</summary>
    string Describe(CalendarEntry entry);
}

/// <param name="Kind">The source's <see cref="ICalendarSource.Kind"/>.</param>
/// <param name="Key">The obligation's id within its source (e.g. the MoU signature id).</param>
/// <param name="Subject">What the title is about (an institution's acronym, a person's name), not translated.</param>
/// <param name="DueAtUtc">When it is due; for all-day entries, the Casablanca midnight of the day.</param>
/// <param name="AllDay">Shown as a day rather than a time.</param>
/// <param name="Link">App-relative page of the obligation.</param>
/// <param name="Audience">Who sees it and who is reminded.</param>
public sealed record CalendarEntry(string Kind, string Key, string Subject, DateTime DueAtUtc, bool AllDay, string? Link, CalendarAudience Audience);

/// <summary>
/// Who an entry concerns: named people, every active person of some institutions, and the secretariat
/// (who also receive escalations).
/// </summary>
public sealed record CalendarAudience(IReadOnlyList<Guid> People, IReadOnlyList<Guid> Institutions, bool Secretariat)
{
    public static CalendarAudience SecretariatOnly { get; } = new([], [], true);

    public bool Includes(CalendarViewer viewer) =>
        People.Contains(viewer.UserId)
        || (viewer.InstitutionId is { } institution && Institutions.Contains(institution))
        || (Secretariat && viewer.IsSecretariat);
}

/// <summary>The person looking at the calendar or subscribing to the feed.</summary>
public sealed record CalendarViewer(Guid UserId, Guid? InstitutionId, bool IsSecretariat);

/// <summary>An entry with its title, as the views and the feed show it.</summary>
public sealed record CalendarItem(CalendarEntry Entry, string Title);
