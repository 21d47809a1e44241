using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.Email;

namespace Noress.App.Notifications.Outbox;

/// <summary>
/// Sends due outbox messages. Each message is claimed by one conditional UPDATE (Pending and due ->
/// Sending with a lease token), so two runs or two nodes never both send it. Delivery is at most once:
/// a message left in Sending by a crash has an unknown outcome and is marked Failed when its lease
/// expires, never resent; only a failure the mail server reported is retried, with back-off.
/// </summary>
public sealed partial class OutboxProcessor(
    IDbContextFactory<NoressDbContext> dbFactory,
    IMailSender mailSender,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private const int BatchSize = 50;

    /// <summary>Sends what is due now; returns how many messages this run sent.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        await AbandonExpiredLeasesAsync(cancellationToken);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<Guid> candidates;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                candidates = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            var claimedAny = false;
            foreach (var id in candidates)
            {
                var outcome = await TrySendAsync(id, cancellationToken);
                claimedAny |= outcome != SendOutcome.NotClaimed;
                sent += outcome == SendOutcome.Sent ? 1 : 0;
            }

            // Stop when nothing is left, or when another run claimed everything we saw.
            if (candidates.Count < BatchSize || !claimedAny)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<SendOutcome> TrySendAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.LeaseToken, token)
                    .SetProperty(m => m.LeaseExpiresAt, now + Lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);
        if (claimed != 1)
        {
            return SendOutcome.NotClaimed;
        }

        var message = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        var attachments = message.Attachments.Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content)).ToList();
        try
        {
            await mailSender.SendAsync(new OutgoingMail(message.ToAddress, message.ToName, message.Subject, message.HtmlBody, message.TextBody, attachments), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var failedAt = clock.GetUtcNow().UtcDateTime;
            var next = OutboxRetryPolicy.NextAttemptAt(message.Attempts, failedAt);
            var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            await db.OutboxMessages
                .Where(m => m.Id == id && m.LeaseToken == token)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, next is null ? OutboxStatus.Failed : OutboxStatus.Pending)
                        .SetProperty(m => m.NextAttemptAt, next ?? failedAt)
                        .SetProperty(m => m.LeaseToken, (Guid?)null)
                        .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null)
                        .SetProperty(m => m.LastError, error),
                    CancellationToken.None);
            LogSendFailed(logger, exception, id, message.Attempts);
            return SendOutcome.Failed;
        }

        // The mail is out: settle it even if the job is being cancelled.
        await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseToken == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(m => m.LeaseToken, (Guid?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null),
                CancellationToken.None);
        return SendOutcome.Sent;
    }

    // A node that died between claim and settlement may or may not have handed the mail over: fail it
    // visibly rather than risk sending it twice.
    private async Task AbandonExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LeaseExpiresAt < now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
                    .SetProperty(m => m.LeaseToken, (Guid?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(m => m.LastError, "Send outcome unknown: the sender stopped before recording it."),
                cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned);
        }
    }

    private enum SendOutcome
    {
        NotClaimed,
        Sent,
        Failed,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox messages had an expired lease and were marked failed without resending")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
