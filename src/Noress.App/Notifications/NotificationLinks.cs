namespace Noress.App.Notifications;

public static class NotificationLinks
{
    /// <summary>Only app-relative links are followed, so a notification can never send someone off-site.</summary>
    public static bool IsLocal(string? link) =>
        !string.IsNullOrEmpty(link) && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal);
}
