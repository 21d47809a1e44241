namespace Noress.App.Notifications;

/// <summary>An in-app notification for one person; the bell counts the unread ones.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="NotificationCategories"/>; the person's preference for it decides the e-mail.</summary>
    public required string Category { get; set; }

    /// <summary>Already localized to the recipient's language when created.</summary>
    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>App-relative link to what the notification is about.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>What happens by e-mail: nothing, queued at once, or waiting for the daily digest.</summary>
    public NotificationEmail Email { get; set; }
}

public enum NotificationEmail
{
    None = 0,
    Queued = 1,
    AwaitingDigest = 2,
    Digested = 3,
}
