using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Time;

namespace Noress.App.Calendar.Reminders;

/// <summary>
/// Turns the calendar and the active rules into reminder notifications, each exactly once per
/// (rule, occurrence, recipient): the <see cref="ReminderDispatch"/> row is inserted with the
/// notification in one transaction and its unique index refuses any second attempt.
/// </summary>
public sealed partial class ReminderService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CalendarService calendar,
    NotificationService notifications,
    IStringLocalizer<CalendarText> text,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Sends every reminder due now; returns how many notifications this run created.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<ReminderRule> rules;
        List<Recipient> staff;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            rules = await db.ReminderRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(cancellationToken);
            staff = await (from user in db.Users
                           where user.IsActive && db.UserRoles.Any(ur => ur.UserId == user.Id
                               && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Secretariat || r.Name == Roles.Administrator)))
                           select new Recipient(user.Id, user.PreferredCulture)).ToListAsync(cancellationToken);
        }

        var created = 0;
        foreach (var group in rules.GroupBy(r => r.SourceKind))
        {
            if (calendar.Source(group.Key) is not { } source)
            {
                continue;
            }

            var (from, to) = ReminderSchedule.DueWindow(now, [.. group.Select(r => r.OffsetDays)]);
            foreach (var entry in await source.ListAsync(from, to, cancellationToken))
            {
                foreach (var rule in group)
                {
                    if (!ReminderSchedule.IsDue(ReminderSchedule.FireAtUtc(entry.DueAtUtc, rule.OffsetDays, rule.LocalTime), now))
                    {
                        continue;
                    }

                    var occurrence = IdempotencyKeys.Occurrence(entry.Kind, entry.Key, entry.DueAtUtc);
                    foreach (var recipient in await RecipientsAsync(entry.Audience, rule.EscalateToSecretariat, staff, cancellationToken))
                    {
                        created += await DispatchOnceAsync(rule, source, entry, occurrence, recipient, cancellationToken) ? 1 : 0;
                    }
                }
            }
        }

        return created;
    }

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(CalendarAudience audience, bool escalate, List<Recipient> staff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (audience.People.Contains(u.Id) || (u.InstitutionId != null && audience.Institutions.Contains(u.InstitutionId.Value))))
            .Select(u => new Recipient(u.Id, u.PreferredCulture))
            .ToListAsync(cancellationToken);
        if (escalate || (people.Count == 0 && audience.Secretariat))
        {
            people.AddRange(staff);
        }

        return [.. people.DistinctBy(p => p.UserId)];
    }

    private async Task<bool> DispatchOnceAsync(ReminderRule rule, ICalendarSource source, CalendarEntry entry, string occurrence, Recipient recipient, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await AlreadySentAsync(db, rule.Id, occurrence, recipient.UserId, cancellationToken))
            {
                return false;
            }

            var (title, body) = NotificationMails.InCulture(recipient.Culture, () => Compose(rule, source, entry));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var dispatch = new ReminderDispatch
                {
                    RuleId = rule.Id,
                    OccurrenceKey = occurrence,
                    RecipientId = recipient.UserId,
                    DispatchedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.ReminderDispatches.Add(dispatch);
                await db.SaveChangesAsync(cancellationToken);
                var notification = await notifications.AddAsync(db, recipient.UserId, NotificationCategories.Reminders, title, body, entry.Link, cancellationToken);
                dispatch.NotificationId = notification.Id;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
                if (await AlreadySentAsync(check, rule.Id, occurrence, recipient.UserId, cancellationToken))
                {
                    return false;
                }

                // Not a duplicate: most likely two writers appending to the audit chain at once.
                if (attempt >= MaxAttempts)
                {
                    throw;
                }

                LogRetry(logger, exception, rule.Id, attempt);
                continue;
            }

            await notifications.PublishChangedAsync(recipient.UserId, cancellationToken);
            return true;
        }
    }

    private static Task<bool> AlreadySentAsync(NoressDbContext db, Guid ruleId, string occurrence, Guid recipientId, CancellationToken cancellationToken) =>
        db.ReminderDispatches.AnyAsync(d => d.RuleId == ruleId && d.OccurrenceKey == occurrence && d.RecipientId == recipientId, cancellationToken);

    private (string Title, string Body) Compose(ReminderRule rule, ICalendarSource source, CalendarEntry entry)
    {
        var due = NoressClock.ToLocal(entry.DueAtUtc).ToString(entry.AllDay ? "D" : "f", CultureInfo.CurrentCulture);
        var title = text["Reminder.Title", source.Describe(entry)];
        var body = rule.OffsetDays switch
        {
            < 0 => text["Reminder.Before", due, -rule.OffsetDays],
            0 => text["Reminder.Today", due],
            _ => text["Reminder.Overdue", due, rule.OffsetDays],
        };
        return (title, body);
    }

    private sealed record Recipient(Guid UserId, string Culture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder rule {RuleId}: write conflict on attempt {Attempt}, retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, Guid ruleId, int attempt);
}
