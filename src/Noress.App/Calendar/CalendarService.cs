using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;

namespace Noress.App.Calendar;

/// <summary>One calendar over every registered source, filtered to what concerns the viewer.</summary>
public sealed class CalendarService(IEnumerable<ICalendarSource> sources, IDbContextFactory<NoressDbContext> dbFactory)
{
    public IReadOnlyList<ICalendarSource> Sources { get; } = [.. sources];

    public ICalendarSource? Source(string kind) => Sources.FirstOrDefault(s => s.Kind == kind);

    /// <summary>The viewer's entries due in [fromUtc, toUtc), by due time, titled in the current UI culture.</summary>
    public async Task<IReadOnlyList<CalendarItem>> ListForAsync(CalendarViewer viewer, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var items = new List<CalendarItem>();
        foreach (var source in Sources)
        {
            foreach (var entry in await source.ListAsync(fromUtc, toUtc, cancellationToken))
            {
                if (entry.Audience.Includes(viewer))
                {
                    items.Add(new CalendarItem(entry, source.Describe(entry)));
                }
            }
        }

        return [.. items.OrderBy(i => i.Entry.DueAtUtc).ThenBy(i => i.Title, StringComparer.CurrentCulture)];
    }

    public async Task<string> CultureOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleAsync(cancellationToken);
    }

    /// <summary>Who the person is for the calendar; null for an unknown or deactivated person, or an outside initiative's account (ADR 0038).</summary>
    public async Task<CalendarViewer?> ViewerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && u.InstitutionId != null)
            .Select(u => new { u.Id, u.InstitutionId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var staff = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId && (role.Name == Roles.Secretariat || role.Name == Roles.Administrator)
                           select role.Id).AnyAsync(cancellationToken);
        return new CalendarViewer(user.Id, user.InstitutionId, staff);
    }
}
