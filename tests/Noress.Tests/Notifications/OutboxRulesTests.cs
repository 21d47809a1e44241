using Noress.App.Notifications.Outbox;

namespace Noress.Tests.Notifications;

public sealed class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(7, 64)]
    [InlineData(8, 120)]
    [InlineData(30, 120)]
    public void DelayAfter_Attempt_DoublesUpToTwoHours(int attempt, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxRetryPolicy.DelayAfter(attempt));
    }

    [Fact]
    public void NextAttemptAt_AfterTheLastAttempt_IsNull()
    {
        var failedAt = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(failedAt.AddMinutes(4), OutboxRetryPolicy.NextAttemptAt(3, failedAt));
        Assert.Null(OutboxRetryPolicy.NextAttemptAt(OutboxRetryPolicy.MaxAttempts, failedAt));
    }

    [Fact]
    public void Keys_AreDeterministicAndDistinguishEveryPart()
    {
        var rule = Guid.Parse("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a01");
        var user = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var due = new DateTime(2026, 3, 25, 10, 0, 0, DateTimeKind.Utc);
        var occurrence = IdempotencyKeys.Occurrence("mou.renewal", "abc", due);

        Assert.Equal("mou.renewal:abc:20260325T1000", occurrence);
        Assert.Equal("reminder:6d3f8a520c1e4a399d6b0a7f0d8f1a01:mou.renewal:abc:20260325T1000:00000000000000000000000000000001", IdempotencyKeys.ForReminder(rule, occurrence, user));
        Assert.NotEqual(occurrence, IdempotencyKeys.Occurrence("mou.renewal", "abc", due.AddDays(365)));
        Assert.Equal("notification:00000000000000000000000000000001", IdempotencyKeys.ForNotification(user));
        Assert.Equal("digest:00000000000000000000000000000001:2026-03-25", IdempotencyKeys.ForDigest(user, new DateOnly(2026, 3, 25)));
        Assert.True(IdempotencyKeys.ForReminder(rule, occurrence, user).Length <= 200);
    }
}
