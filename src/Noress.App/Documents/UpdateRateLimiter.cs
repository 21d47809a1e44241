using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Noress.App.Documents;

/// <summary>The answer of <see cref="UpdateRateLimiter.TryAcquire"/>: let through, or try again after <see cref="RetryAfter"/>.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Limits each person's pushes (<see cref="DocumentOptions.PushesPerSecond"/>) and bytes of changes
/// (<see cref="DocumentOptions.PushBytesPerSecond"/>), through a <see cref="PartitionedRateLimiter{TResource}"/> with one
/// <see cref="PushBucket"/> per person: the library keeps the partitions, forgets idle ones and carries the wait in the
/// lease. The cost does not depend on how many updates a push carries, so a backlog is never unsendable (ADR 0010, ADR 0017).
/// </summary>
public sealed class UpdateRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> people;

    /// <summary>Creates the limiter; <paramref name="clock"/> is the time its buckets fill by (a fake one in tests).</summary>
    public UpdateRateLimiter(IOptions<DocumentOptions> options, TimeProvider clock)
    {
        people = PartitionedRateLimiter.Create<Guid, Guid>(userId =>
            RateLimitPartition.Get(userId, _ => new PushBucket(options.Value.PushesPerSecond, options.Value.PushBytesPerSecond, clock)));
    }

    /// <summary>Takes one push and <paramref name="bytes"/>; when refused nothing is taken and RetryAfter says when to try again.</summary>
    public RateDecision TryAcquire(Guid userId, long bytes)
    {
        using var lease = people.AttemptAcquire(userId, (int)Math.Clamp(bytes, 0, int.MaxValue));
        if (lease.IsAcquired)
        {
            return new RateDecision(true, TimeSpan.Zero);
        }

        return new RateDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc/>
    public void Dispose() => people.Dispose();
}

/// <summary>
/// One person's two token buckets, as a <see cref="ReplenishingRateLimiter"/> whose permits are bytes and whose every lease
/// is also one push. Each bucket holds twice its rate for bursts. A push goes while the byte allowance is positive, even
/// when it costs more than is left (one large paste always goes): the debt delays the next pushes. The library's
/// <see cref="TokenBucketRateLimiter"/> cannot do either this debt or take a <see cref="TimeProvider"/> (ADR 0017).
/// </summary>
public sealed class PushBucket : ReplenishingRateLimiter
{
    private static readonly RateLimitLease Granted = new PushLease(true, null);

    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly double pushRate;
    private readonly double byteRate;
    private double pushes;
    private double bytes;
    private long stamp;
    private long lastUsed;

    /// <summary>A full bucket of <paramref name="pushesPerSecond"/> pushes and <paramref name="bytesPerSecond"/> bytes, filled by <paramref name="clock"/>.</summary>
    public PushBucket(int pushesPerSecond, int bytesPerSecond, TimeProvider clock)
    {
        this.clock = clock;
        pushRate = Math.Max(1, pushesPerSecond);
        byteRate = Math.Max(1, bytesPerSecond);
        pushes = pushRate * 2;
        bytes = byteRate * 2;
        stamp = lastUsed = clock.GetTimestamp();
    }

    /// <summary>The buckets fill from the clock at each acquisition; nothing needs to call <see cref="TryReplenish"/>.</summary>
    public override bool IsAutoReplenishing => true;

    /// <inheritdoc/>
    public override TimeSpan ReplenishmentPeriod => TimeSpan.FromSeconds(1 / pushRate);

    /// <summary>How long the person has not pushed, once both buckets are full again (the partition may then be forgotten).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                Fill();
                return pushes >= pushRate * 2 && bytes >= byteRate * 2 ? clock.GetElapsedTime(lastUsed) : null;
            }
        }
    }

    /// <inheritdoc/>
    public override bool TryReplenish() => false;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Fill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)Math.Max(0, bytes) };
        }
    }

    /// <summary>One push and <paramref name="permitCount"/> bytes; refused, it takes nothing and its lease says how long to wait.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            Fill();
            if (pushes < 1 || bytes <= 0)
            {
                var waitPush = pushes < 1 ? (1 - pushes) / pushRate : 0;
                // Strictly positive again: a little more than the debt.
                var waitBytes = bytes <= 0 ? (1 - bytes) / byteRate : 0;
                return new PushLease(false, TimeSpan.FromSeconds(Math.Max(waitPush, waitBytes)));
            }

            pushes -= 1;
            bytes -= permitCount;
            lastUsed = stamp;
            return Granted;
        }
    }

    /// <summary>Never queues: a held-back push is answered at once with its wait (the editor comes back then).</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Fill()
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(stamp, now).TotalSeconds;
        stamp = now;
        pushes = Math.Min(pushRate * 2, pushes + (elapsed * pushRate));
        bytes = Math.Min(byteRate * 2, bytes + (elapsed * byteRate));
    }

    private sealed class PushLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
