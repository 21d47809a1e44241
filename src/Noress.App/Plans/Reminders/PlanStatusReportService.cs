using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Operations;

namespace Noress.App.Plans.Reminders;

/// <summary>One action on the status report; titles and names stay in every language, the page picks the reader's.</summary>
public sealed record StatusReportLine(
    Guid ActionId, Guid PlanId, string TitleFr, string TitleAr, string? TitleEn, string? Owner,
    Committee? Committee, DateOnly? DueOn, int Progress, PlanItemStatus Status, bool Late, bool OnNextAgenda);

/// <summary>The secretariat's status report: overdue and at-risk actions of every plan, and the plenary they may go to.</summary>
public sealed record StatusReport(IReadOnlyList<StatusReportLine> Overdue, IReadOnlyList<StatusReportLine> AtRisk, PreparedPlenary? NextPlenary, DateOnly Today);

/// <summary>
/// The status report before each plenary (issue 11 §6, ADR 0032): read by the staff only; from it, overdue actions go
/// onto the next plenary's agenda through the same path as the committees' recommendations (<see cref="AgendaRecords"/>).
/// </summary>
public sealed class PlanStatusReportService(
    IDbContextFactory<NoressDbContext> dbFactory,
    PlansAccess access,
    SessionLive sessionLive,
    Refusals<PlanRemindersText> refuse)
{
    public const int AgendaMinutes = 10;
    public const int MaxSelection = 50;
    public const string Link = "/action-plans/status-report";

    /// <summary>The agenda item's title, stored once: in both working languages.</summary>
    public const string AgendaPrefix = "Action en retard – إجراء متأخر : ";

    public async Task<StatusReport> LoadAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        await access.EnsureStaffAsync(caller);
        var today = access.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = (await AgendaRecords.PreparedPlenariesAsync(db, access.UtcNow, ct)).FirstOrDefault();
        var horizon = today.AddDays(PlanReminders.AtRiskHorizonDays);
        var actions = await db.Set<PlanItem>().AsNoTracking()
            .Where(i => i.Kind == PlanItemKind.Action && i.DueOn != null && i.DueOn <= horizon
                && i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Cancelled)
            .ToListAsync(ct);
        var late = actions.Where(a => PlanRules.IsLate(a.DueOn, a.Status, today)).ToList();
        var atRisk = actions.Where(a => PlanReminders.IsAtRisk(a.StartsOn, a.DueOn, a.Status, a.Progress, DateOnly.FromDateTime(a.CreatedAt), today)).ToList();
        var shown = late.Concat(atRisk).ToList();

        var planIds = shown.Select(a => a.PlanId).Distinct().ToList();
        var plans = await db.Set<ActionPlan>().AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var committeeIds = shown.Select(a => a.CommitteeId ?? plans[a.PlanId].CommitteeId).Where(c => c != null).Select(c => c!.Value).Distinct().ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var titulars = await PlanAudiences.TitularsAsync(db, [.. shown.Where(a => a.ResponsibleUserId == null && a.LeadInstitutionId != null).Select(a => a.LeadInstitutionId!.Value).Distinct()], today, ct);
        var ownerIds = shown.Select(a => OwnerId(a, titulars)).Where(o => o != null).Select(o => o!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var onAgenda = next is null ? [] : await OnAgendaAsync(db, [.. late.Select(a => a.Id)], next.Id, ct);

        StatusReportLine Line(PlanItem a) => new(
            a.Id, a.PlanId, a.TitleFr, a.TitleAr, a.TitleEn,
            OwnerId(a, titulars) is { } owner ? names.GetValueOrDefault(owner) : null,
            (a.CommitteeId ?? plans[a.PlanId].CommitteeId) is { } c ? committees.GetValueOrDefault(c) : null,
            a.DueOn, a.Progress, a.Status, PlanRules.IsLate(a.DueOn, a.Status, today), onAgenda.Contains(a.Id));
        return new StatusReport(
            [.. late.OrderBy(a => a.DueOn).ThenBy(a => a.TitleFr, StringComparer.Ordinal).Select(Line)],
            [.. atRisk.OrderBy(a => a.DueOn).ThenBy(a => a.TitleFr, StringComparer.Ordinal).Select(Line)],
            next,
            today);
    }

    /// <summary>
    /// Puts the overdue actions <paramref name="actionIds"/> on the next plenary being prepared, all or none: one agenda
    /// item each (kind Information). Refused when there is no such plenary, when one is not overdue, or is already on it.
    /// </summary>
    public async Task<Outcome<Guid>> PutOnNextAgendaAsync(ClaimsPrincipal caller, IReadOnlyCollection<Guid> actionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actionIds);
        await access.EnsureStaffAsync(caller);
        var ids = actionIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxSelection)
        {
            return refuse.Format("Error.Selection", MaxSelection);
        }

        var now = access.UtcNow;
        var today = access.Today;
        var userId = PlansAccess.UserId(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = (await AgendaRecords.PreparedPlenariesAsync(db, now, ct)).FirstOrDefault();
        if (next is null)
        {
            return refuse["Error.NoPlenary"];
        }

        var actions = await db.Set<PlanItem>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.Kind == PlanItemKind.Action).ToListAsync(ct);
        if (actions.Count != ids.Count)
        {
            return refuse["Error.ActionNotFound"];
        }

        if (actions.FirstOrDefault(a => !PlanRules.IsLate(a.DueOn, a.Status, today)) is { } notLate)
        {
            return refuse.Format("Error.NotOverdue", notLate.TitleFr);
        }

        var already = await OnAgendaAsync(db, ids, next.Id, ct);
        if (actions.FirstOrDefault(a => already.Contains(a.Id)) is { } onIt)
        {
            return refuse.Format("Error.AlreadyOnAgenda", onIt.TitleFr);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // In the report's order; one save per item, so each takes the next position on the agenda.
            foreach (var action in actions.OrderBy(a => a.DueOn).ThenBy(a => a.TitleFr, StringComparer.Ordinal))
            {
                var (item, error) = await AgendaRecords.AppendToPlenaryAsync(db, next.Id, AgendaItemKind.Information, AgendaPrefix + action.TitleFr, AgendaMinutes, [], userId, now, ct);
                if (item is null)
                {
                    return refuse[error == "Error.AgendaFull" ? "Error.AgendaFull" : "Error.NoPlenary"];
                }

                // Checked again once the session is read: a concurrent put either shows here or conflicts at save.
                if ((await OnAgendaAsync(db, [action.Id], next.Id, ct)).Count > 0)
                {
                    return refuse.Format("Error.AlreadyOnAgenda", action.TitleFr);
                }

                db.Add(new PlanAgendaItem { ItemId = action.Id, SessionId = next.Id, AgendaItemId = item.Id, AddedById = userId, AddedAt = now });
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The agenda changed at the same moment (another click, another secretary): nothing is saved.
            return refuse["Error.Concurrent"];
        }

        await sessionLive.ChangedAsync(next.Id, SessionEvents.Agenda);
        return Outcome<Guid>.Done(next.Id);
    }

    private static Guid? OwnerId(PlanItem action, IReadOnlyDictionary<Guid, Guid> titulars) =>
        action.ResponsibleUserId ?? (action.LeadInstitutionId is { } lead && titulars.TryGetValue(lead, out var titular) ? titular : null);

    /// <summary>The actions among <paramref name="ids"/> whose agenda item still stands on the session's agenda.</summary>
    private static async Task<HashSet<Guid>> OnAgendaAsync(NoressDbContext db, IReadOnlyCollection<Guid> ids, Guid sessionId, CancellationToken ct)
    {
        var links = await db.Set<PlanAgendaItem>().AsNoTracking().Where(l => l.SessionId == sessionId && ids.Contains(l.ItemId)).ToListAsync(ct);
        var itemIds = links.Select(l => l.AgendaItemId).ToList();
        var standing = await AgendaRecords.ExistingItemsAsync(db, itemIds, ct);
        return [.. links.Where(l => standing.Contains(l.AgendaItemId)).Select(l => l.ItemId)];
    }
}
