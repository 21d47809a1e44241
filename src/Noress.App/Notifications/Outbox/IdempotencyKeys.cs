using System.Globalization;

namespace Noress.App.Notifications.Outbox;

/// <summary>The deterministic keys that make each e-mail and reminder unique, whoever computes them.</summary>
public static class IdempotencyKeys
{
    public static string ForNotification(Guid notificationId) => $"notification:{notificationId:N}";

    /// <summary>At most one digest per person and Casablanca day.</summary>
    public static string ForDigest(Guid userId, DateOnly localDay) =>
        $"digest:{userId:N}:{localDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// One occurrence of a dated obligation: its source, its id there and its due instant, so that a moved
    /// due date (a renewed MoU) is a new occurrence and gets its reminders again.
    /// </summary>
    public static string Occurrence(string sourceKind, string entryKey, DateTime dueAtUtc) =>
        $"{sourceKind}:{entryKey}:{dueAtUtc.ToString("yyyyMMddTHHmm", CultureInfo.InvariantCulture)}";

    public static string ForReminder(Guid ruleId, string occurrence, Guid recipientId) =>
        $"reminder:{ruleId:N}:{occurrence}:{recipientId:N}";

    /// <summary>An account mail (reset link, address change) answers one request: each request is its own message.</summary>
    public static string ForAccountMail(string kind, Guid requestId) => $"account:{kind}:{requestId:N}";
}
