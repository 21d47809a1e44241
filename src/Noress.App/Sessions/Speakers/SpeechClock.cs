using System.Globalization;

namespace Noress.App.Sessions.Speakers;

/// <summary>Where a speech stands at one instant: the time left, or how far past its allotted time it has run.</summary>
/// <param name="Elapsed">Time spoken so far (never negative, even when a node's clock is slightly behind).</param>
/// <param name="Remaining">Time left; zero once the allotted time is spent.</param>
/// <param name="Overtime">Time spoken beyond the allotted time; zero until then.</param>
public readonly record struct SpeechTime(TimeSpan Elapsed, TimeSpan Remaining, TimeSpan Overtime)
{
    public bool IsOver => Overtime > TimeSpan.Zero;

    /// <summary>"04:32" while time is left, "+00:15" past it, with Latin digits as on the room's clocks; hours only when needed.</summary>
    public string Text => IsOver ? "+" + Clock(Overtime) : Clock(Remaining);

    private static string Clock(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}

/// <summary>Pure arithmetic of the countdown, so every screen shows the same time from the stored start.</summary>
public static class SpeechClock
{
    public static SpeechTime At(DateTime startedAt, int allottedSeconds, DateTime now)
    {
        // Whole seconds: the screens tick once a second and must agree with each other.
        var elapsed = TimeSpan.FromSeconds(Math.Max(0, Math.Floor((now - startedAt).TotalSeconds)));
        var allotted = TimeSpan.FromSeconds(Math.Max(0, allottedSeconds));
        return elapsed <= allotted
            ? new SpeechTime(elapsed, allotted - elapsed, TimeSpan.Zero)
            : new SpeechTime(elapsed, TimeSpan.Zero, elapsed - allotted);
    }
}
