using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;

using Noress.App.Shared.Operations;

namespace Noress.App.Notifications.Outbox;

/// <summary>One outgoing mail as the secretariat sees it (no body: it may be personal).</summary>
public sealed record OutboxItem(
    Guid Id, string ToAddress, string ToName, string Subject, string Category, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>
/// What the outbox holds, for the secretariat: mail waiting, sent and failed for good, and a second chance for
/// a failed one (after the mail server or an address was fixed).
/// </summary>
public sealed class OutboxMonitorService(IAuthorizationService authorization, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock, Refusals<NotificationsText> refuse)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await EnsureSecretariatAsync(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    /// <summary>The newest messages, of one status or all.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListAsync(ClaimsPrincipal principal, OutboxStatus? status, CancellationToken cancellationToken = default)
    {
        await EnsureSecretariatAsync(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(m => m.Status == wanted);
        }

        return await query.OrderByDescending(m => m.CreatedAt).Take(PageSize)
            .Select(m => new OutboxItem(m.Id, m.ToAddress, m.ToName, m.Subject, m.Category, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Gives a failed message a fresh set of attempts, due now. False when it is not failed (any more): the
    /// update only applies to a Failed row, so it never races the sender into sending a message twice.
    /// </summary>
    public async Task<Outcome<Guid>> RetryAsync(ClaimsPrincipal principal, Guid messageId, CancellationToken cancellationToken = default)
    {
        await EnsureSecretariatAsync(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LeaseToken, (Guid?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        // Sent meanwhile, or retried by someone else: nothing to do, and it is said.
        return updated == 1 ? Outcome<Guid>.Done(messageId) : refuse["Outbox.NotFailed"];
    }

    private async Task EnsureSecretariatAsync(ClaimsPrincipal principal)
    {
        if (!(await authorization.AuthorizeAsync(principal, Policies.Secretariat)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only the secretariat may look at outgoing mail.");
        }
    }
}
