namespace Noress.App.Notifications;

/// <summary>The categories a person sets e-mail preferences for; stored as these strings.</summary>
public static class NotificationCategories
{
    public const string Accounts = "accounts";
    public const string Membership = "membership";
    public const string Sessions = "sessions";
    public const string Calls = "calls";
    public const string Documents = "documents";
    public const string Reminders = "reminders";
    public const string Plans = "plans";

    public static readonly IReadOnlyList<string> All = [Accounts, Membership, Sessions, Calls, Documents, Reminders, Plans];
}

/// <summary>How a person wants e-mail for one category.</summary>
public enum EmailDelivery
{
    Immediately = 0,
    DailyDigest = 1,
    Off = 2,
}
