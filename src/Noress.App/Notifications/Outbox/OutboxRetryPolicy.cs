namespace Noress.App.Notifications.Outbox;

/// <summary>Exponential back-off for messages the mail server refused: 1, 2, 4 ... minutes, capped.</summary>
public static class OutboxRetryPolicy
{
    public const int MaxAttempts = 8;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(2);

    /// <summary>How long to wait after the given failed attempt (1-based).</summary>
    public static TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var minutes = Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = TimeSpan.FromMinutes(minutes);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>Null when the message has used all its attempts and is failed for good.</summary>
    public static DateTime? NextAttemptAt(int attemptsSoFar, DateTime failedAtUtc) =>
        attemptsSoFar >= MaxAttempts ? null : failedAtUtc + DelayAfter(attemptsSoFar);
}
