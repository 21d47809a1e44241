namespace Noress.App.Shared.Time;

/// <summary>Converts stored UTC times to the network's time zone, Africa/Casablanca.</summary>
/// <remarks>Morocco keeps UTC+1 but falls back to UTC+0 during Ramadan; the tz database carries those dates.</remarks>
public static class NoressClock
{
    public const string TimeZoneId = "Africa/Casablanca";

    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    /// <summary>The wall-clock time in Casablanca now.</summary>
    public static DateTime LocalNow(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);

    /// <summary>Today's date in Casablanca, which differs from the UTC date around midnight.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock));
}
