namespace Noress.App.Notifications;

/// <summary>An in-app notification for one person; the bell counts the unread ones.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    /// <summary>Category key, e.g. "account", "mou", "session"; drives preferences later.</summary>
    public required string Category { get; set; }

    /// <summary>Already localized to the recipient's language when created.</summary>
    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>App-relative link to what the notification is about.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
