namespace Noress.App.Notifications;

/// <summary>Marker type for the notification centre's localized strings (NotificationsText.*.resx).</summary>
public sealed class NotificationsText;
