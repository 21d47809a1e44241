using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.Time;

namespace Noress.App.Notifications.Outbox;

/// <summary>
/// Gathers each person's notifications waiting for the digest into one outbox mail in their language.
/// The notifications are taken by a conditional update and the mail has a per-day key, both in one
/// transaction, so concurrent runs produce one digest and lose nothing.
/// </summary>
public sealed partial class DailyDigestService(
    IDbContextFactory<NoressDbContext> dbFactory,
    NotificationMails mails,
    TimeProvider clock,
    ILogger<DailyDigestService> logger)
{
    public async Task<int> QueueDigestsAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> userIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            userIds = await db.Notifications.AsNoTracking()
                .Where(n => n.Email == NotificationEmail.AwaitingDigest)
                .Select(n => n.UserId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var userId in userIds)
        {
            queued += await QueueDigestAsync(userId, cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    private async Task<bool> QueueDigestAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(NoressClock.ToLocal(now));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var items = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Email == NotificationEmail.AwaitingDigest)
                .OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Id, n.Category, n.Title, n.Body, n.Link, n.CreatedAt })
                .ToListAsync(cancellationToken);
            var ids = items.Select(i => i.Id).ToList();
            var taken = await db.Notifications
                .Where(n => ids.Contains(n.Id) && n.Email == NotificationEmail.AwaitingDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Email, NotificationEmail.Digested), cancellationToken);
            var recipient = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.FullName, u.PreferredCulture, u.IsActive })
                .SingleAsync(cancellationToken);
            if (items.Count == 0 || taken != items.Count || !recipient.IsActive || string.IsNullOrWhiteSpace(recipient.Email))
            {
                // Another run took them (roll back), or nobody to write to (keep them marked as digested).
                if (taken == items.Count)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return false;
            }

            var mail = mails.Digest(recipient.PreferredCulture, recipient.Email, recipient.FullName, [.. items.Select(i => new MailItem(i.Title, i.Body, i.Link, i.CreatedAt))]);
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = IdempotencyKeys.ForDigest(userId, day),
                UserId = userId,
                ToAddress = mail.ToAddress,
                ToName = mail.ToName,
                Culture = recipient.PreferredCulture,
                Category = "digest",
                Subject = mail.Subject,
                HtmlBody = mail.HtmlBody,
                TextBody = mail.TextBody,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception)
        {
            // Today's digest already exists (or a concurrent run won): what remains waits for tomorrow's.
            await transaction.RollbackAsync(CancellationToken.None);
            LogDigestSkipped(logger, exception, userId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {UserId} not queued: one exists for today or a concurrent run won")]
    private static partial void LogDigestSkipped(ILogger logger, Exception exception, Guid userId);
}
