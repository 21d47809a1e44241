using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Noress.App.Documents;

/// <summary>The answer of <see cref="UpdateRateLimiter.TryAcquire"/>: let through, or try again after <see cref="RetryAfter"/>.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Two token buckets per person: pushes (<see cref="DocumentOptions.PushesPerSecond"/>) and bytes of changes
/// (<see cref="DocumentOptions.PushBytesPerSecond"/>), each holding twice its rate for bursts. The cost does not
/// depend on how many updates a push carries, so a backlog is never unsendable (ADR 0010): a push goes while the
/// byte allowance is positive, even when it costs more than is left, and the debt delays the next pushes.
/// </summary>
public sealed class UpdateRateLimiter(IOptions<DocumentOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Buckets> people = new();

    /// <summary>Takes one push and <paramref name="bytes"/>; when refused nothing is taken and RetryAfter says when to try again.</summary>
    public RateDecision TryAcquire(Guid userId, long bytes)
    {
        var settings = options.Value;
        var pushRate = (double)Math.Max(1, settings.PushesPerSecond);
        var byteRate = (double)Math.Max(1, settings.PushBytesPerSecond);
        var buckets = people.GetOrAdd(userId, _ => new Buckets(pushRate * 2, byteRate * 2, clock.GetTimestamp()));
        lock (buckets)
        {
            var now = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(buckets.Stamp, now).TotalSeconds;
            buckets.Stamp = now;
            buckets.Pushes = Math.Min(pushRate * 2, buckets.Pushes + (elapsed * pushRate));
            buckets.Bytes = Math.Min(byteRate * 2, buckets.Bytes + (elapsed * byteRate));
            if (buckets.Pushes < 1 || buckets.Bytes <= 0)
            {
                var waitPush = buckets.Pushes < 1 ? (1 - buckets.Pushes) / pushRate : 0;
                // Strictly positive again: a little more than the debt.
                var waitBytes = buckets.Bytes <= 0 ? (1 - buckets.Bytes) / byteRate : 0;
                return new RateDecision(false, TimeSpan.FromSeconds(Math.Max(waitPush, waitBytes)));
            }

            buckets.Pushes -= 1;
            buckets.Bytes -= Math.Max(0, bytes);
            return new RateDecision(true, TimeSpan.Zero);
        }
    }

    private sealed class Buckets(double pushes, double bytes, long stamp)
    {
        public double Pushes { get; set; } = pushes;

        public double Bytes { get; set; } = bytes;

        public long Stamp { get; set; } = stamp;
    }
}
