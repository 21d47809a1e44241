using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Plans;

/// <summary>A new indicator's values.</summary>
public sealed record NewIndicator(string NameFr, string NameAr, string? NameEn, string Unit, decimal Baseline, decimal Target);

// What hangs off an item: partners, indicators and their measures, evidence files.
public sealed partial class PlanService
{
    /// <summary>Largest accepted evidence file, in bytes (the members' scan limit).</summary>
    public long MaxEvidenceBytes => storage.Options.MaxScanBytes;

    /// <summary>Adds a partner institution to an item (not its lead; a member institution); the item's version moves.</summary>
    public async Task<Outcome<Guid>> AddPartnerAsync(ClaimsPrincipal caller, Guid itemId, Guid institutionId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxMergeAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await EditableItemAsync(db, caller, itemId, ct) is not { } item)
            {
                return refuse["Error.NotFound"];
            }

            if (item.LeadInstitutionId == institutionId)
            {
                return refuse["Error.PartnerIsLead"];
            }

            if (await db.Set<PlanItemPartner>().AnyAsync(p => p.ItemId == itemId && p.InstitutionId == institutionId, ct))
            {
                return refuse["Error.PartnerExists"];
            }

            if (await ReferenceErrorAsync(db, null, [institutionId], null, null, null, ct) is { } error)
            {
                return refuse[error];
            }

            db.Add(new PlanItemPartner { ItemId = itemId, InstitutionId = institutionId });
            BumpVersion(db, item);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The item was saved meanwhile: check again on its new state.
                continue;
            }
            catch (DbUpdateException)
            {
                // The (item, institution) key: the same partner added at the same instant elsewhere.
                return refuse["Error.PartnerExists"];
            }

            await AnnounceItemAsync(db, item, ct);
            return Outcome<Guid>.Done(institutionId);
        }

        return refuse["Error.Concurrent"];
    }

    /// <summary>Removes a partner institution from an item (the item's version moves); removing one that is not a partner changes nothing.</summary>
    public async Task<Outcome<Guid>> RemovePartnerAsync(ClaimsPrincipal caller, Guid itemId, Guid institutionId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxMergeAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await EditableItemAsync(db, caller, itemId, ct) is not { } item)
            {
                return refuse["Error.NotFound"];
            }

            var partner = await db.Set<PlanItemPartner>().SingleOrDefaultAsync(p => p.ItemId == itemId && p.InstitutionId == institutionId, ct);
            if (partner is null)
            {
                return Outcome<Guid>.Done(institutionId);
            }

            db.Remove(partner);
            BumpVersion(db, item);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The item was saved, or the partner removed, meanwhile: look again.
                continue;
            }

            await AnnounceItemAsync(db, item, ct);
            return Outcome<Guid>.Done(institutionId);
        }

        return refuse["Error.Concurrent"];
    }

    /// <summary>
    /// Partners are part of the row like its fields: the item's version moves with them (VersionInterceptor), so an edit
    /// made on the row as it was is checked again, and a concurrent save of the item makes this save retry.
    /// </summary>
    private static void BumpVersion(NoressDbContext db, PlanItem item)
    {
        db.Attach(item);
        db.Entry(item).Property(i => i.Version).IsModified = true;
    }

    /// <summary>Adds an indicator to an item; its id.</summary>
    public async Task<Outcome<Guid>> AddIndicatorAsync(ClaimsPrincipal caller, Guid itemId, NewIndicator indicator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var (nameFr, nameAr, nameEn, unit) = (Clean(indicator.NameFr), Clean(indicator.NameAr), Clean(indicator.NameEn), Clean(indicator.Unit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableItemAsync(db, caller, itemId, ct) is not { } item)
        {
            return refuse["Error.NotFound"];
        }

        if (PlanRules.IndicatorError(nameFr, nameAr, nameEn, unit, indicator.Baseline, indicator.Target) is { } error)
        {
            return refuse[error];
        }

        var entity = new PlanIndicator
        {
            ItemId = itemId,
            NameFr = nameFr!,
            NameAr = nameAr!,
            NameEn = nameEn,
            Unit = unit!,
            Baseline = indicator.Baseline,
            Target = indicator.Target,
            CreatedAt = access.UtcNow,
        };
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(entity.Id);
    }

    /// <summary>Changes an indicator as the editor saw it at <paramref name="seenVersion"/>; refused when it changed meanwhile.</summary>
    public async Task<Outcome<Guid>> UpdateIndicatorAsync(ClaimsPrincipal caller, Guid indicatorId, Guid seenVersion, NewIndicator values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (nameFr, nameAr, nameEn, unit) = (Clean(values.NameFr), Clean(values.NameAr), Clean(values.NameEn), Clean(values.Unit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicator = await db.Set<PlanIndicator>().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null || await EditableItemAsync(db, caller, indicator.ItemId, ct) is not { } item)
        {
            return refuse["Error.IndicatorNotFound"];
        }

        if (PlanRules.IndicatorError(nameFr, nameAr, nameEn, unit, values.Baseline, values.Target) is { } error)
        {
            return refuse[error];
        }

        if (indicator.Version != seenVersion)
        {
            return refuse["Error.Concurrent"];
        }

        (indicator.NameFr, indicator.NameAr, indicator.NameEn, indicator.Unit, indicator.Baseline, indicator.Target) = (nameFr!, nameAr!, nameEn, unit!, values.Baseline, values.Target);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(indicatorId);
    }

    /// <summary>Removes an indicator and its measures.</summary>
    public async Task<Outcome<Guid>> RemoveIndicatorAsync(ClaimsPrincipal caller, Guid indicatorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicator = await db.Set<PlanIndicator>().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null || await EditableItemAsync(db, caller, indicator.ItemId, ct) is not { } item)
        {
            return refuse["Error.IndicatorNotFound"];
        }

        db.RemoveRange(await db.Set<IndicatorMeasure>().Where(m => m.IndicatorId == indicatorId).ToListAsync(ct));
        db.Remove(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.IndicatorNotFound"];
        }

        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(indicatorId);
    }

    /// <summary>Records an indicator's actual value for a period ("2026", "2026-Q2", "2026-05"), replacing that period's value; the measure's id.</summary>
    public async Task<Outcome<Guid>> RecordMeasureAsync(ClaimsPrincipal caller, Guid indicatorId, string? period, decimal actual, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicator = await db.Set<PlanIndicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null || await EditableItemAsync(db, caller, indicator.ItemId, ct) is not { } item)
        {
            return refuse["Error.IndicatorNotFound"];
        }

        if (PlanRules.MeasureError(period, actual) is { } error)
        {
            return refuse[error];
        }

        var key = PlanPeriods.Normalize(period)!;
        var measure = await db.Set<IndicatorMeasure>().SingleOrDefaultAsync(m => m.IndicatorId == indicatorId && m.Period == key, ct);
        if (measure is null)
        {
            measure = new IndicatorMeasure { IndicatorId = indicatorId, Period = key };
            db.Add(measure);
        }

        (measure.Actual, measure.RecordedAt, measure.RecordedById) = (actual, access.UtcNow, PlansAccess.UserId(caller));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The (indicator, period) key: the same period recorded at the same instant elsewhere.
            return refuse["Error.Concurrent"];
        }

        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(measure.Id);
    }

    /// <summary>Removes one measured value.</summary>
    public async Task<Outcome<Guid>> RemoveMeasureAsync(ClaimsPrincipal caller, Guid measureId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await db.Set<IndicatorMeasure>().SingleOrDefaultAsync(m => m.Id == measureId, ct);
        var itemId = measure is null ? (Guid?)null
            : await db.Set<PlanIndicator>().Where(i => i.Id == measure.IndicatorId).Select(i => (Guid?)i.ItemId).SingleOrDefaultAsync(ct);
        if (measure is null || itemId is null || await EditableItemAsync(db, caller, itemId.Value, ct) is not { } item)
        {
            return refuse["Error.IndicatorNotFound"];
        }

        db.Remove(measure);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed at the same instant elsewhere: the outcome asked for holds.
        }

        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(measureId);
    }

    /// <summary>
    /// Stores an evidence file: a sanitised name, at most <see cref="MaxEvidenceBytes"/>, bytes that really are a PDF,
    /// PNG or JPEG, passed by the upload scanner. Nothing is stored when a check fails.
    /// </summary>
    public async Task<Outcome<Guid>> AddEvidenceAsync(ClaimsPrincipal caller, Guid itemId, string fileName, long size, Func<long, Stream> openRead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(openRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableItemAsync(db, caller, itemId, ct) is not { } item)
        {
            return refuse["Error.NotFound"];
        }

        if (UploadChecks.SanitizeFileName(fileName) is not { } safeName)
        {
            return refuse["Error.FileName"];
        }

        var content = await UploadReader.ReadAsync(size, MaxEvidenceBytes, openRead, ct);
        if (content is null)
        {
            return refuse.Format("Error.FileTooLarge", MaxEvidenceBytes / 1024 / 1024);
        }

        var kind = UploadChecks.IsPdf(content) ? ("application/pdf", ".pdf") : UploadChecks.ImageKind(content);
        if (kind is not { } fileKind)
        {
            return refuse["Error.FileType"];
        }

        var (contentType, extension) = fileKind;

        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is not { } scanned)
        {
            return refuse[UploadChecks.RefusalKey(scan.Status)];
        }

        var stored = await storage.SaveAsync(EvidenceKind, extension, scanned, ct);
        var evidence = new PlanEvidence
        {
            ItemId = itemId,
            FileName = safeName,
            StoredName = stored,
            ContentType = contentType,
            Size = content.LongLength,
            UploadedById = PlansAccess.UserId(caller),
            UploadedAt = access.UtcNow,
        };
        db.Add(evidence);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The item went away meanwhile: the file must not stay behind.
            storage.Delete(EvidenceKind, stored);
            return refuse["Error.NotFound"];
        }

        LogEvidenceStored(logger, itemId, content.LongLength);
        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(evidence.Id);
    }

    /// <summary>An evidence file for a reader of its plan; null when absent or not readable.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenEvidenceAsync(ClaimsPrincipal caller, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Set<PlanEvidence>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        var plan = evidence is null ? null
            : await (from i in db.Set<PlanItem>() join p in db.Set<ActionPlan>() on i.PlanId equals p.Id where i.Id == evidence.ItemId select p).AsNoTracking().SingleOrDefaultAsync(ct);
        if (evidence is null || plan is null || !await access.CanReadAsync(caller, plan, ct))
        {
            return null;
        }

        return storage.OpenRead(EvidenceKind, evidence.StoredName) is { } stream ? (stream, evidence.FileName, evidence.ContentType) : null;
    }

    /// <summary>Removes an evidence file (the row, audited, then the stored bytes).</summary>
    public async Task<Outcome<Guid>> RemoveEvidenceAsync(ClaimsPrincipal caller, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Set<PlanEvidence>().SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null || await EditableItemAsync(db, caller, evidence.ItemId, ct) is not { } item)
        {
            return refuse["Error.EvidenceNotFound"];
        }

        db.Remove(evidence);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.EvidenceNotFound"];
        }

        storage.Delete(EvidenceKind, evidence.StoredName);
        await AnnounceItemAsync(db, item, ct);
        return Outcome<Guid>.Done(evidenceId);
    }

    /// <summary>The item (untracked) when it exists; throws when the caller may not edit its plan.</summary>
    private async Task<PlanItem?> EditableItemAsync(NoressDbContext db, ClaimsPrincipal caller, Guid itemId, CancellationToken ct)
    {
        var item = await db.Set<PlanItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return null;
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == item.PlanId, ct);
        await access.EnsureEditAsync(caller, plan, ct);
        return item;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored an evidence file of {Bytes} bytes for plan item {ItemId}")]
    private static partial void LogEvidenceStored(ILogger logger, Guid itemId, long bytes);
}
