using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Data;
using Noress.App.Members;

namespace Noress.App.Calls;

/// <summary>
/// Published calls' deadlines in everyone's calendar and feed: every member institution's people (for an AMI and a
/// competition alike) and the secretariat. Reminder rules may refer to <see cref="DeadlineKind"/>.
/// </summary>
public sealed class CallCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallsText> text) : ICalendarSource
{
    public const string DeadlineKind = "call.deadline";

    public string Kind => DeadlineKind;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = await db.Set<Call>().AsNoTracking()
            .Where(c => c.PublishedAt != null && c.DeadlineAt >= fromUtc && c.DeadlineAt < toUtc)
            .ToListAsync(cancellationToken);
        if (calls.Count == 0)
        {
            return [];
        }

        var members = await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn).Select(i => i.Id).ToListAsync(cancellationToken);
        return [.. calls.Select(c => new CalendarEntry(Kind, c.Id.ToString("N"), c.TitleFr, c.DeadlineAt, AllDay: false, $"/calls/{c.Id}",
            new CalendarAudience([], members, Secretariat: true)))];
    }

    public string Describe(CalendarEntry entry) => text["Calendar.Deadline", entry.Subject];
}
