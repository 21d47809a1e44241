using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.RealTime;

namespace Noress.App.Notifications;

/// <summary>
/// Creates in-app notifications, queues their e-mail according to the person's preference in the same
/// save, and answers the bell and the list page. Every change is announced on the person's topic.
/// </summary>
public sealed class NotificationService(IDbContextFactory<NoressDbContext> dbFactory, IEventBus bus, TimeProvider clock, NotificationMails mails)
{
    public const string ChangedEvent = "notifications.changed";

    public async Task<Guid> NotifyAsync(Guid userId, string category, string title, string? body, string? link, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await AddAsync(db, userId, category, title, body, link, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await PublishChangedAsync(userId, cancellationToken);
        return notification.Id;
    }

    /// <summary>
    /// Adds a notification and, per the person's preference, its e-mail to <paramref name="db"/> without
    /// saving, so callers can make it part of their own transaction; call <see cref="PublishChangedAsync"/> after commit.
    /// </summary>
    public async Task<Notification> AddAsync(NoressDbContext db, Guid userId, string category, string title, string? body, string? link, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recipient = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.FullName, u.PreferredCulture, u.IsActive })
            .SingleAsync(cancellationToken);
        var delivery = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Category == category)
            .Select(p => (EmailDelivery?)p.Delivery)
            .SingleOrDefaultAsync(cancellationToken) ?? EmailDelivery.Immediately;
        var mailable = recipient.IsActive && !string.IsNullOrWhiteSpace(recipient.Email);

        var notification = new Notification
        {
            UserId = userId,
            Category = category,
            Title = title,
            Body = body,
            Link = link,
            CreatedAt = now,
            Email = !mailable ? NotificationEmail.None : delivery switch
            {
                EmailDelivery.Immediately => NotificationEmail.Queued,
                EmailDelivery.DailyDigest => NotificationEmail.AwaitingDigest,
                _ => NotificationEmail.None,
            },
        };
        db.Notifications.Add(notification);

        if (notification.Email == NotificationEmail.Queued)
        {
            var mail = mails.Single(recipient.PreferredCulture, recipient.Email!, recipient.FullName, title, body, link);
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = IdempotencyKeys.ForNotification(notification.Id),
                UserId = userId,
                ToAddress = mail.ToAddress,
                ToName = mail.ToName,
                Culture = recipient.PreferredCulture,
                Category = category,
                Subject = mail.Subject,
                HtmlBody = mail.HtmlBody,
                TextBody = mail.TextBody,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        return notification;
    }

    public Task PublishChangedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        bus.PublishAsync(Topics.User(userId), new BusEvent(ChangedEvent), cancellationToken);

    public async Task<int> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationItem>> ListRecentAsync(Guid userId, int count, CancellationToken cancellationToken = default)
    {
        var page = await ListPageAsync(userId, unreadOnly: false, 0, count, cancellationToken);
        return page.Items;
    }

    public async Task<NotificationPage> ListPageAsync(Guid userId, bool unreadOnly, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Skip(skip)
            .Take(take)
            .Select(n => new NotificationItem(n.Id, n.Category, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total);
    }

    /// <summary>Marks one of the person's own notifications read; another person's id changes nothing.</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, cancellationToken);
        if (notification is null || notification.ReadAt is not null)
        {
            return false;
        }

        notification.ReadAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await PublishChangedAsync(userId, cancellationToken);
        return true;
    }

    /// <summary>Marks every unread notification of the person read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(cancellationToken);
        if (unread.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in unread)
        {
            notification.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await PublishChangedAsync(userId, cancellationToken);
        return unread.Count;
    }
}

public sealed record NotificationItem(Guid Id, string Category, string Title, string? Body, string? Link, DateTime CreatedAt, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total);
