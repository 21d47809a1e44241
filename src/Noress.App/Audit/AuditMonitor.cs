using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Localization;

namespace Noress.App.Audit;

/// <summary>
/// Verifies the audit chain against its latest signed checkpoint, anchors the verified head in a new checkpoint,
/// records the outcome for the audit page and alerts every administrator once per break (ADR 0011).
/// Called by the recurring jobs and by the audit page's "Verify"; it does no authorization itself.
/// </summary>
public sealed partial class AuditMonitor(
    IDbContextFactory<NoressDbContext> dbFactory,
    AuditCheckpointSigner signer,
    NotificationService notifications,
    IStringLocalizer<AuditText> text,
    TimeProvider clock,
    ILogger<AuditMonitor> logger)
{
    /// <summary>The notification category of alerts; it has no preference, so the mail always goes out at once.</summary>
    public const string NotificationCategory = "audit";

    public const string AuditPageLink = "/administration/audit";

    private readonly Lock rememberedGate = new();

    // The newest checkpoint this process wrote or verified. If the table later shows an older one, someone removed
    // checkpoints to hide a truncation: the database cannot erase what this node already saw.
    private (long Id, long Sequence)? remembered;

    /// <summary>Recurring job: the entries after the latest checkpoint, then a new checkpoint.</summary>
    public Task<AuditWatchResult> CheckpointAsync(CancellationToken ct) => RunAsync(full: false, ct);

    /// <summary>Recurring job: the whole chain from the first entry, then a new checkpoint.</summary>
    public Task<AuditWatchResult> VerifyAllAsync(CancellationToken ct) => RunAsync(full: true, ct);

    /// <summary>Verifies, anchors an intact head, records the outcome and alerts on a new break.</summary>
    public async Task<AuditWatchResult> RunAsync(bool full, CancellationToken ct)
    {
        var outcome = await VerifyAsync(full, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var verification = outcome.Verification;
        if (verification.IsIntact)
        {
            await AnchorAsync(outcome, now, ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureWatchRowAsync(db, ct);
        var broken = verification.Break;
        var breakSequence = broken?.Sequence;
        var breakReason = broken?.Reason;
        var intact = broken is null;
        var verified = verification.Verified;

        // An intact chain clears the alert, so a later break is announced again.
        await db.AuditWatch.Where(w => w.Id == AuditWatch.SingletonId).ExecuteUpdateAsync(
            s => s.SetProperty(w => w.LastRunAt, now)
                .SetProperty(w => w.LastRunWasFull, full)
                .SetProperty(w => w.LastVerified, verified)
                .SetProperty(w => w.LastBreakSequence, breakSequence)
                .SetProperty(w => w.LastBreakReason, breakReason)
                .SetProperty(w => w.AlertedBreakSequence, w => intact ? null : w.AlertedBreakSequence)
                .SetProperty(w => w.AlertedAt, w => intact ? null : w.AlertedAt),
            ct);
        if (broken is null)
        {
            return new AuditWatchResult(verification, Alerted: false);
        }

        var alerted = await AlertOnceAsync(broken, now, ct);
        if (alerted)
        {
            LogChainBroken(logger, broken.Sequence, broken.Reason);
        }
        else
        {
            LogStillBroken(logger, broken.Sequence, broken.Reason);
        }

        return new AuditWatchResult(verification, alerted);
    }

    /// <summary>Reads the chain (all of it, or what follows the latest checkpoint) and checks it against that checkpoint.</summary>
    public async Task<AuditVerification> VerifyOnlyAsync(bool full, CancellationToken ct) => (await VerifyAsync(full, ct)).Verification;

    /// <summary>The latest checkpoint (with whether its signature holds) and the outcome of the latest run.</summary>
    public async Task<AuditStatus> StatusAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var checkpoint = await LatestCheckpointAsync(db, ct);
        var watch = await db.AuditWatch.AsNoTracking().SingleOrDefaultAsync(w => w.Id == AuditWatch.SingletonId, ct);
        var checkpointView = checkpoint is null
            ? null
            : new AuditCheckpointView(checkpoint.Id, checkpoint.Sequence, checkpoint.CreatedAt, checkpoint.Hash, signer.IsValid(checkpoint));
        var lastRun = watch?.LastRunAt is { } at
            ? new AuditRunView(at, watch.LastRunWasFull, watch.LastVerified, watch.LastBreakSequence is { } sequence && watch.LastBreakReason is { } reason ? new AuditChainBreak(sequence, reason) : null, watch.AlertedAt)
            : null;
        return new AuditStatus(checkpointView, lastRun);
    }

    private async Task<VerifyOutcome> VerifyAsync(bool full, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var checkpoint = await LatestCheckpointAsync(db, ct);
        var signatureValid = checkpoint is null || signer.IsValid(checkpoint);
        var verifier = new AuditChainVerifier();
        string? hashAtCheckpoint = null;

        // The quick check trusts a genuine checkpoint for everything up to it and walks only what follows.
        if (!full && checkpoint is { Sequence: > 0 } && signatureValid)
        {
            hashAtCheckpoint = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence == checkpoint.Sequence)
                .Select(a => a.Hash)
                .SingleOrDefaultAsync(ct);
            if (hashAtCheckpoint != checkpoint.Hash)
            {
                var head = await db.AuditEntries.MaxAsync(a => (long?)a.Sequence, ct) ?? 0;
                var anchorBreak = AuditChain.CheckAnchor(checkpoint, signatureValid, hashAtCheckpoint is null ? head : checkpoint.Sequence, hashAtCheckpoint);
                return new VerifyOutcome(new AuditVerification(Math.Min(head, checkpoint.Sequence - 1), anchorBreak), checkpoint, 0, AuditChain.GenesisHash);
            }

            verifier = new AuditChainVerifier(checkpoint.Sequence, checkpoint.Hash);
        }

        var after = verifier.Verified;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence)
                .Take(AuditService.VerifyBatchSize)
                .ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (verifier.Check(entry) is { } broken)
                {
                    return new VerifyOutcome(new AuditVerification(verifier.Verified, broken), checkpoint, verifier.Verified, verifier.LastHash);
                }

                if (checkpoint is not null && entry.Sequence == checkpoint.Sequence)
                {
                    hashAtCheckpoint = entry.Hash;
                }
            }

            if (batch.Count < AuditService.VerifyBatchSize)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        var anchor = checkpoint is null ? null : AuditChain.CheckAnchor(checkpoint, signatureValid, verifier.Verified, hashAtCheckpoint);
        anchor ??= MissingCheckpoint(checkpoint);
        if (anchor is null && checkpoint is not null)
        {
            Remember(checkpoint.Id, checkpoint.Sequence);
        }

        return new VerifyOutcome(new AuditVerification(verifier.Verified, anchor), checkpoint, verifier.Verified, verifier.LastHash);
    }

    private AuditChainBreak? MissingCheckpoint(AuditCheckpoint? latest)
    {
        lock (rememberedGate)
        {
            return remembered is { } seen && (latest is null || latest.Id < seen.Id)
                ? new AuditChainBreak(seen.Sequence, AuditChainBreakReason.CheckpointMissing)
                : null;
        }
    }

    private void Remember(long id, long sequence)
    {
        lock (rememberedGate)
        {
            if (remembered is null || remembered.Value.Id < id)
            {
                remembered = (id, sequence);
            }
        }
    }

    /// <summary>Signs the verified head unless the latest checkpoint already holds it. A concurrent node may win the number: then its checkpoint stands.</summary>
    private async Task AnchorAsync(VerifyOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (outcome.HeadSequence == 0 || outcome.Checkpoint?.Sequence == outcome.HeadSequence)
        {
            return;
        }

        var checkpoint = new AuditCheckpoint
        {
            Id = (outcome.Checkpoint?.Id ?? 0) + 1,
            Sequence = outcome.HeadSequence,
            Hash = outcome.HeadHash,
            CreatedAt = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
            Signature = string.Empty,
        };
        checkpoint.Signature = signer.Sign(checkpoint);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            LogCheckpointRaceLost(logger, checkpoint.Id);
            return;
        }

        Remember(checkpoint.Id, checkpoint.Sequence);
        // The log is a second copy outside the database: a later truncation can be compared with it.
        LogCheckpointWritten(logger, checkpoint.Id, checkpoint.Sequence, checkpoint.Hash);
    }

    /// <summary>
    /// Claims the break in the watch row (a conditional update: one node, one run wins) and adds the administrators'
    /// notifications and mails in the same transaction, so a failed run leaves the alert for the next one.
    /// </summary>
    private async Task<bool> AlertOnceAsync(AuditChainBreak broken, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.AuditWatch
            .Where(w => w.Id == AuditWatch.SingletonId && (w.AlertedBreakSequence == null || w.AlertedBreakSequence != broken.Sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AlertedBreakSequence, broken.Sequence).SetProperty(w => w.AlertedAt, now), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        var administrators = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .Select(u => new { u.Id, u.PreferredCulture })
            .ToListAsync(ct);
        foreach (var administrator in administrators)
        {
            var (title, body) = NotificationMails.InCulture(administrator.PreferredCulture, () => (
                text["Audit.Alert.Title"].Value,
                text["Audit.Alert.Body", NoressFormat.DateTime(now), NoressFormat.Number(broken.Sequence), text[$"Audit.Break.{broken.Reason}"].Value].Value));
            await notifications.AddAsync(db, administrator.Id, NotificationCategory, title, body, AuditPageLink, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var administrator in administrators)
        {
            await notifications.PublishChangedAsync(administrator.Id, ct);
        }

        return true;
    }

    /// <summary>The migration seeds the row; if it was deleted (to silence the alert), it is put back.</summary>
    private static async Task EnsureWatchRowAsync(NoressDbContext db, CancellationToken ct)
    {
        if (await db.AuditWatch.AnyAsync(w => w.Id == AuditWatch.SingletonId, ct))
        {
            return;
        }

        db.AuditWatch.Add(new AuditWatch());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node put it back first.
        }

        db.ChangeTracker.Clear();
    }

    private static Task<AuditCheckpoint?> LatestCheckpointAsync(NoressDbContext db, CancellationToken ct) =>
        db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain broken at sequence {Sequence}: {Reason}; administrators alerted")]
    private static partial void LogChainBroken(ILogger logger, long sequence, AuditChainBreakReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit chain still broken at sequence {Sequence}: {Reason}; administrators were already alerted")]
    private static partial void LogStillBroken(ILogger logger, long sequence, AuditChainBreakReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint {CheckpointId}: sequence {Sequence}, hash {Hash}")]
    private static partial void LogCheckpointWritten(ILogger logger, long checkpointId, long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint {CheckpointId} was written by another node first")]
    private static partial void LogCheckpointRaceLost(ILogger logger, long checkpointId);

    private sealed record VerifyOutcome(AuditVerification Verification, AuditCheckpoint? Checkpoint, long HeadSequence, string HeadHash);
}

/// <param name="Verification">What the run found.</param>
/// <param name="Alerted">True when this run told the administrators (the first run to see this break).</param>
public sealed record AuditWatchResult(AuditVerification Verification, bool Alerted);

public sealed record AuditStatus(AuditCheckpointView? Checkpoint, AuditRunView? LastRun);

public sealed record AuditCheckpointView(long Id, long Sequence, DateTime CreatedAt, string Hash, bool SignatureValid)
{
    /// <summary>Enough of the hash to compare by eye with a copy kept elsewhere (minutes, logs).</summary>
    public string HashPrefix => Hash.Length > 16 ? Hash[..16] : Hash;
}

public sealed record AuditRunView(DateTime At, bool Full, long Verified, AuditChainBreak? Break, DateTime? AlertedAt);
