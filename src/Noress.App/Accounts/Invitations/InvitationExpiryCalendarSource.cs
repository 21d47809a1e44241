using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;

namespace Noress.App.Accounts.Invitations;

/// <summary>Pending invitations expire: the inviter and the secretariat see it coming.</summary>
public sealed class InvitationExpiryCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<AccountsText> text) : ICalendarSource
{
    public string Kind => CalendarKinds.InvitationExpiry;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt >= fromUtc && i.ExpiresAt < toUtc)
            .Select(i => new { i.Id, i.FullName, i.ExpiresAt, i.InvitedById })
            .ToListAsync(cancellationToken);
        return [.. pending.Select(i => new CalendarEntry(
            Kind,
            i.Id.ToString("N"),
            i.FullName,
            i.ExpiresAt,
            AllDay: false,
            "/administration/invitations",
            new CalendarAudience([i.InvitedById], [], Secretariat: true)))];
    }

    public string Describe(CalendarEntry entry) => text["Calendar.InvitationExpires", entry.Subject];
}
