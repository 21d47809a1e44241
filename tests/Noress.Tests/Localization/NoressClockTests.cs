using Microsoft.Extensions.Time.Testing;
using Noress.App.Shared.Time;

namespace Noress.Tests.Localization;

/// <summary>Morocco is UTC+1 except during Ramadan (UTC+0); in 2026 the clocks change on 15 February and 22 March at 02:00 UTC.</summary>
public sealed class NoressClockTests
{
    [Fact]
    public void LocalNow_AcrossTheRamadanFallBack_GoesFromUtcPlusOneToUtc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 15, 1, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 2, 15, 2, 59, 0), NoressClock.LocalNow(clock));

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(new DateTime(2026, 2, 15, 2, 1, 0), NoressClock.LocalNow(clock));
    }

    [Fact]
    public void LocalNow_AcrossTheEndOfRamadan_GoesFromUtcToUtcPlusOne()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 22, 1, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 3, 22, 1, 59, 0), NoressClock.LocalNow(clock));

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(new DateTime(2026, 3, 22, 3, 1, 0), NoressClock.LocalNow(clock));
    }

    [Fact]
    public void Today_JustBeforeMidnightUtc_IsAlreadyTomorrowInCasablanca()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), NoressClock.Today(clock));
    }

    [Theory]
    [InlineData("2026-01-10T09:00:00")]
    [InlineData("2026-03-01T09:00:00")]
    [InlineData("2026-08-10T18:45:00")]
    public void ToUtc_OfToLocal_GivesBackTheInstant(string utc)
    {
        var instant = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(instant, NoressClock.ToUtc(NoressClock.ToLocal(instant)));
    }

    [Fact]
    public void ToLocal_KindUnspecified_IsReadAsUtc() =>
        Assert.Equal(new DateTime(2026, 1, 10, 10, 0, 0), NoressClock.ToLocal(new DateTime(2026, 1, 10, 9, 0, 0)));
}
