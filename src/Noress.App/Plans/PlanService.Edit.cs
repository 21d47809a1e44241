using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Shared.Operations;

namespace Noress.App.Plans;

/// <summary>
/// A field the editor may not save as is: someone else changed it since the editor saw <paramref name="Base"/>.
/// <paramref name="Current"/> is its value now, <paramref name="ChangedBy"/> and <paramref name="ChangedAt"/> the
/// latest change of that field in the audit trail (null when unknown).
/// </summary>
public sealed record PlanFieldConflict(PlanField Field, string? Base, string? Attempted, string? Current, string? ChangedBy, DateTime? ChangedAt);

/// <summary>
/// The result of a per-field edit: <paramref name="Saved"/> with the item's new <paramref name="Version"/>, or not
/// saved because of <paramref name="Conflicts"/> (then <paramref name="Version"/> is the current one, to re-submit with).
/// </summary>
public sealed record PlanEditResult(Guid ItemId, Guid Version, bool Saved, IReadOnlyList<PlanFieldConflict> Conflicts);

// Per-field edits with concurrency (ADR 0027).
public sealed partial class PlanService
{
    /// <summary>How many times an edit is merged again when another save won the race for the same version.</summary>
    public const int MaxMergeAttempts = 5;

    /// <summary>
    /// Changes fields of an item. Applied when the item is still at <paramref name="seenVersion"/>, or when every
    /// edited field still has the editor's base value (another field changed meanwhile: both survive). When an
    /// edited field changed meanwhile, nothing is saved and the result lists the conflicts. The merged item is
    /// validated as a whole; two saves racing for one version cannot both pass (the version token), the loser merges again.
    /// </summary>
    public async Task<Outcome<PlanEditResult>> EditItemAsync(ClaimsPrincipal caller, Guid itemId, Guid seenVersion, IReadOnlyList<FieldEdit> edits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Count == 0)
        {
            return refuse["Error.NoChange"];
        }

        if (edits.Select(e => e.Field).Distinct().Count() != edits.Count || edits.Any(e => !Enum.IsDefined(e.Field) || !PlanFields.TryCanonical(e.Field, e.Value, out _)))
        {
            return refuse["Error.Field"];
        }

        for (var attempt = 1; attempt <= MaxMergeAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var item = await db.Set<PlanItem>().SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null)
            {
                return refuse["Error.NotFound"];
            }

            var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == item.PlanId, ct);
            await access.EnsureEditAsync(caller, plan, ct);
            if (item.Version != seenVersion)
            {
                var changed = edits.Where(e => !PlanFields.Same(e.Field, PlanFields.Get(item, e.Field), e.Base)).ToList();
                if (changed.Count > 0)
                {
                    return Outcome<PlanEditResult>.Done(new PlanEditResult(itemId, item.Version, false, await ConflictsAsync(db, item, changed, ct)));
                }
            }

            foreach (var edit in edits)
            {
                PlanFields.TrySet(item, edit.Field, edit.Value);
            }

            if (PlanRules.ValueError(item) is { } valueError)
            {
                return refuse[valueError];
            }

            var entry = db.Entry(item);
            var modified = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            if (modified.Count == 0)
            {
                return Outcome<PlanEditResult>.Done(new PlanEditResult(itemId, item.Version, true, []));
            }

            if (await EditReferenceErrorAsync(db, item, modified, ct) is { } referenceError)
            {
                return refuse[referenceError];
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another save took the version between our read and our write: read again and merge again.
                continue;
            }

            await AnnounceItemAsync(db, item, ct);
            return Outcome<PlanEditResult>.Done(new PlanEditResult(itemId, item.Version, true, []));
        }

        return refuse["Error.Concurrent"];
    }

    private static async Task<string?> EditReferenceErrorAsync(NoressDbContext db, PlanItem item, HashSet<string> modified, CancellationToken ct)
    {
        if (modified.Contains(nameof(PlanItem.LeadInstitutionId)) && item.LeadInstitutionId is { } lead
            && await db.Set<PlanItemPartner>().AnyAsync(p => p.ItemId == item.Id && p.InstitutionId == lead, ct))
        {
            return "Error.PartnerIsLead";
        }

        return await ReferenceErrorAsync(
            db,
            modified.Contains(nameof(PlanItem.LeadInstitutionId)) ? item.LeadInstitutionId : null,
            [],
            modified.Contains(nameof(PlanItem.ResponsibleUserId)) ? item.ResponsibleUserId : null,
            modified.Contains(nameof(PlanItem.CommitteeId)) ? item.CommitteeId : null,
            modified.Contains(nameof(PlanItem.DecisionId)) ? item.DecisionId : null,
            ct);
    }

    /// <summary>The conflicts, each with who last changed the field, read from the item's audit entries (newest first).</summary>
    private static async Task<IReadOnlyList<PlanFieldConflict>> ConflictsAsync(NoressDbContext db, PlanItem item, IReadOnlyList<FieldEdit> changed, CancellationToken ct)
    {
        var entries = await AuditHistory.FindAsync(db, [new AuditSelector(nameof(PlanItem), EntityId: item.Id.ToString())], 200, ct);
        // The person's name rather than the account's e-mail the audit keeps (the e-mail when the account is gone).
        var names = await PlanPeople.NamesAsync(db, entries.Select(e => e.UserId), ct);
        var parsed = entries.Select(e => (UserName: PlanPeople.Name(names, e.UserId, e.UserName), e.OccurredAt, Fields: e.Changes.Select(c => c.Field).ToHashSet(StringComparer.Ordinal))).ToList();
        return [.. changed.Select(edit =>
        {
            var last = parsed.FirstOrDefault(p => p.Fields.Contains(edit.Field.ToString()));
            return new PlanFieldConflict(edit.Field, edit.Base, PlanFields.TryCanonical(edit.Field, edit.Value, out var value) ? value : edit.Value,
                PlanFields.Get(item, edit.Field), last.UserName, last.Fields is null ? null : last.OccurredAt);
        })];
    }

    /// <summary>Announces one changed row (with its new version) and its ancestors.</summary>
    private async Task AnnounceItemAsync(NoressDbContext db, PlanItem item, CancellationToken ct)
    {
        var tree = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == item.PlanId).Select(i => new { i.Id, i.ParentId }).ToListAsync(ct);
        var parentOf = tree.ToDictionary(i => i.Id, i => i.ParentId);
        var ancestors = new List<Guid>();
        for (var current = item.ParentId; current is { } id && !ancestors.Contains(id); current = parentOf.GetValueOrDefault(id))
        {
            ancestors.Add(id);
        }

        await live.ChangedAsync(item.PlanId, PlanEvents.Items, new PlanChange([new PlanChangedItem(item.Id, item.Version)], ancestors));
    }
}
