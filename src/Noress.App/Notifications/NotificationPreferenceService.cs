using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Notifications;

/// <summary>Reads and changes one person's e-mail preferences; a person only ever touches their own.</summary>
public sealed class NotificationPreferenceService(IDbContextFactory<NoressDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<string, EmailDelivery>> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Category, p => p.Delivery, cancellationToken);
        return NotificationCategories.All.ToDictionary(c => c, c => stored.GetValueOrDefault(c, EmailDelivery.Immediately));
    }

    public async Task SetAsync(Guid userId, string category, EmailDelivery delivery, CancellationToken cancellationToken = default)
    {
        if (!NotificationCategories.All.Contains(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown notification category.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Category == category, cancellationToken);
        if (preference is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Category = category, Delivery = delivery });
        }
        else
        {
            preference.Delivery = delivery;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
