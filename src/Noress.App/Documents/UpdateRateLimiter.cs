using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Noress.App.Documents;

/// <summary>A token bucket per person: <see cref="DocumentOptions.UpdatesPerSecond"/> refill, twice that as burst.</summary>
public sealed class UpdateRateLimiter(IOptions<DocumentOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Bucket> buckets = new();

    /// <summary>Takes <paramref name="count"/> tokens; false (and nothing taken) when the person is over the limit.</summary>
    public bool TryAcquire(Guid userId, int count)
    {
        var rate = Math.Max(1, options.Value.UpdatesPerSecond);
        var capacity = rate * 2.0;
        var bucket = buckets.GetOrAdd(userId, _ => new Bucket(capacity, clock.GetTimestamp()));
        lock (bucket)
        {
            var now = clock.GetTimestamp();
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds * rate));
            bucket.Stamp = now;
            if (bucket.Tokens < count)
            {
                return false;
            }

            bucket.Tokens -= count;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
