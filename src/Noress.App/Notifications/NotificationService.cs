using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Shared.RealTime;

namespace Noress.App.Notifications;

/// <summary>Creates in-app notifications and answers the bell; every change is announced on the person's topic.</summary>
public sealed class NotificationService(IDbContextFactory<NoressDbContext> dbFactory, IEventBus bus, TimeProvider clock)
{
    public const string ChangedEvent = "notifications.changed";

    public async Task<Guid> NotifyAsync(Guid userId, string category, string title, string? body, string? link, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = new Notification
        {
            UserId = userId,
            Category = category,
            Title = title,
            Body = body,
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(Topics.User(userId), new BusEvent(ChangedEvent), cancellationToken);
        return notification.Id;
    }

    public async Task<int> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationItem>> ListRecentAsync(Guid userId, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(count)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the person's own notifications read; another person's id changes nothing.</summary>
    public async Task MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, cancellationToken);
        if (notification is null || notification.ReadAt is not null)
        {
            return;
        }

        notification.ReadAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(Topics.User(userId), new BusEvent(ChangedEvent), cancellationToken);
    }
}

public sealed record NotificationItem(Guid Id, string Title, string? Body, string? Link, DateTime CreatedAt, bool IsRead);
