using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Shared.Operations;

namespace Noress.App.Calendar.Reminders;

/// <summary>The secretariat's editing of reminder rules; every call checks the caller's role.</summary>
public sealed class ReminderRuleService(IDbContextFactory<NoressDbContext> dbFactory, Refusals<CalendarText> refuse)
{
    public const int MaxOffsetDays = 365;

    public async Task<IReadOnlyList<ReminderRule>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.ReminderRules.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rules.OrderBy(r => r.SourceKind, StringComparer.Ordinal).ThenBy(r => r.OffsetDays).ThenBy(r => r.LocalTime)];
    }

    /// <summary>Adds or updates a rule; refused when the offset is out of range or another rule has the same kind, offset and time.</summary>
    public async Task<Outcome<Guid>> SaveAsync(ClaimsPrincipal user, ReminderRule rule, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        if (Math.Abs(rule.OffsetDays) > MaxOffsetDays)
        {
            return refuse.Format("Rules.OffsetRange", MaxOffsetDays);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ReminderRules.AnyAsync(r => r.Id != rule.Id && r.SourceKind == rule.SourceKind && r.OffsetDays == rule.OffsetDays && r.LocalTime == rule.LocalTime, cancellationToken))
        {
            return refuse["Rules.Duplicate"];
        }

        var stored = await db.ReminderRules.SingleOrDefaultAsync(r => r.Id == rule.Id, cancellationToken);
        if (stored is null)
        {
            db.ReminderRules.Add(new ReminderRule
            {
                Id = rule.Id,
                SourceKind = rule.SourceKind,
                OffsetDays = rule.OffsetDays,
                LocalTime = rule.LocalTime,
                EscalateToSecretariat = rule.EscalateToSecretariat,
                IsActive = rule.IsActive,
            });
        }
        else
        {
            stored.SourceKind = rule.SourceKind;
            stored.OffsetDays = rule.OffsetDays;
            stored.LocalTime = rule.LocalTime;
            stored.EscalateToSecretariat = rule.EscalateToSecretariat;
            stored.IsActive = rule.IsActive;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(rule.Id);
    }

    private static void Authorize(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Secretariat) && !user.IsInRole(Roles.Administrator))
        {
            throw new UnauthorizedAccessException("Only the secretariat manages reminder rules.");
        }
    }
}
