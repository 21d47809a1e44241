using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

public sealed class UpdateRateLimiterTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly Guid person = Guid.NewGuid();

    private UpdateRateLimiter Limiter(int pushesPerSecond = 20, int bytesPerSecond = 512 * 1024) =>
        new(Options.Create(new DocumentOptions { PushesPerSecond = pushesPerSecond, PushBytesPerSecond = bytesPerSecond }), clock);

    [Fact]
    public void TryAcquire_BacklogOf500UpdatesInPiecesOf100_IsAllLetThrough()
    {
        // Five pushes of 100 one-character updates (about 40 bytes each): the cost is per push and per byte,
        // so the number of updates in a backlog never makes it unsendable.
        var limiter = Limiter();

        var decisions = Enumerable.Range(0, 5).Select(_ => limiter.TryAcquire(person, 100 * 40)).ToList();

        Assert.All(decisions, d => Assert.True(d.Allowed));
    }

    [Fact]
    public void TryAcquire_OverThePushRate_RefusesWithTheWaitThenLetsThrough()
    {
        var limiter = Limiter(pushesPerSecond: 2);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.TryAcquire(person, 10).Allowed);
        }

        var refused = limiter.TryAcquire(person, 10);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(500), refused.RetryAfter);
        clock.Advance(refused.RetryAfter);
        Assert.True(limiter.TryAcquire(person, 10).Allowed);
    }

    [Fact]
    public void TryAcquire_PushLargerThanTheBurst_GoesOnceAndItsDebtDelaysTheNext()
    {
        var limiter = Limiter(bytesPerSecond: 100_000);

        // 1 MB, five times the burst of 200 KB: a single large paste is never unsendable.
        Assert.True(limiter.TryAcquire(person, 1_000_000).Allowed);
        var next = limiter.TryAcquire(person, 10);

        Assert.False(next.Allowed);
        Assert.InRange(next.RetryAfter.TotalSeconds, 8.0, 8.1);
        clock.Advance(TimeSpan.FromSeconds(8.1));
        Assert.True(limiter.TryAcquire(person, 10).Allowed);
    }

    [Fact]
    public void TryAcquire_Refused_TakesNothing()
    {
        var limiter = Limiter(pushesPerSecond: 1);
        Assert.True(limiter.TryAcquire(person, 10).Allowed);
        Assert.True(limiter.TryAcquire(person, 10).Allowed);

        // Refusals in a row do not dig the hole deeper: one second later one push goes again.
        for (var i = 0; i < 10; i++)
        {
            Assert.False(limiter.TryAcquire(person, 10).Allowed);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(person, 10).Allowed);
    }

    [Fact]
    public void TryAcquire_SustainedOverTheByteRate_IsHeldToTheRate()
    {
        var limiter = Limiter(pushesPerSecond: 1000, bytesPerSecond: 10_000);
        long sent = 0;
        for (var step = 0; step < 1000; step++)
        {
            if (limiter.TryAcquire(person, 1_000).Allowed)
            {
                sent += 1_000;
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Ten seconds at 10 KB/s, plus the 20 KB burst and at most one push of debt.
        Assert.InRange(sent, 100_000, 100_000 + 20_000 + 1_000);
    }

    [Fact]
    public void TryAcquire_OnePersonOverTheLimit_DoesNotHoldBackAnother()
    {
        var limiter = Limiter(pushesPerSecond: 1);
        limiter.TryAcquire(person, 10);
        limiter.TryAcquire(person, 10);
        Assert.False(limiter.TryAcquire(person, 10).Allowed);

        Assert.True(limiter.TryAcquire(Guid.NewGuid(), 10).Allowed);
    }

    [Fact]
    public void IdleDuration_InDebt_IsNullUntilBothBucketsAreFullAgain()
    {
        // The partitioned limiter forgets a person whose bucket is idle: a forgotten debt would let the next paste
        // through at once, so a bucket is idle only once it is full again.
        using var bucket = new PushBucket(20, 100_000, clock);
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);
        using (var lease = bucket.AttemptAcquire(1_000_000))
        {
            Assert.True(lease.IsAcquired);
        }

        // 800 KB of debt at 100 KB/s: 8 s to pay, 2 s more to fill the 200 KB burst again.
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(bucket.IdleDuration);
        using (var refused = bucket.AttemptAcquire(10))
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait));
            Assert.InRange(wait.TotalSeconds, 3.0, 3.1);
        }

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(bucket.IdleDuration);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(11), bucket.IdleDuration);
    }

    [Fact]
    public void Problem_MessageLimitBelowTheLargestUpdate_IsReported()
    {
        Assert.Null(new DocumentOptions().Problem());
        Assert.NotNull(new DocumentOptions { MaxUpdateLength = 2_000_000 }.Problem());
        Assert.NotNull(new DocumentOptions { KeepAliveSeconds = 20, ClientTimeoutSeconds = 30 }.Problem());
    }
}
