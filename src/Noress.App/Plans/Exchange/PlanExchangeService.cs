using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions.Decisions;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Plans.Exchange;

/// <summary>An uploaded workbook checked against the plan: what each row would do and its problems, nothing saved.</summary>
public sealed record PlanImportPreview(Guid PlanId, PlanImportCheckResult Check)
{
    public bool CanSave => !Check.HasErrors && Check.HasChanges;
}

/// <summary>
/// Plan exports (XLSX, CSV, the report's data) for those who may read the plan, and imports for those who may edit
/// it: read rights through <see cref="PlanService.LoadAsync"/>, edit rights and the save through <see cref="PlanService"/>.
/// </summary>
public sealed class PlanExchangeService(
    IDbContextFactory<NoressDbContext> dbFactory,
    PlanService plans,
    PlansAccess access,
    Refusals<PlansText> refuse,
    IStringLocalizer<PlanExchangeText> text,
    UploadScanner scanner)
{
    /// <summary>Largest accepted workbook.</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    private static readonly string[] Languages = ["fr", "ar", "en"];

    /// <summary>The plan as sheet values; null when it does not exist or the caller may not read it.</summary>
    public async Task<PlanExport?> ExportAsync(ClaimsPrincipal user, Guid planId, CancellationToken ct)
    {
        if (await plans.LoadAsync(user, planId, ct) is not { } view)
        {
            return null;
        }

        var keys = PlanSheetLayout.Keys(view.Rows);
        var names = await NamesAsync(view, forImport: false, ct);
        return new PlanExport(view.Plan, [.. view.Rows.Select(r => PlanSheetLayout.Values(r, keys))], PlanSheetLayout.IndicatorRows(view.Indicators, keys), names);
    }

    /// <summary>Checks a workbook against the plan (the caller must be allowed to edit it); nothing is saved.</summary>
    public async Task<Outcome<PlanImportPreview>> PreviewAsync(ClaimsPrincipal user, Guid planId, byte[] content, CancellationToken ct)
    {
        var (view, check, refusal) = await CheckAsync(user, planId, content, ct);
        return refusal is not null ? refusal : Outcome<PlanImportPreview>.Done(new PlanImportPreview(planId, check!));
    }

    /// <summary>
    /// Checks the workbook again and saves it when no row has a problem: all rows or none, through
    /// <see cref="PlanService"/> (same rules, audited, one live announcement).
    /// </summary>
    public async Task<Outcome<PlanImportSummary>> ImportAsync(ClaimsPrincipal user, Guid planId, byte[] content, CancellationToken ct)
    {
        var (view, check, refusal) = await CheckAsync(user, planId, content, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (check!.HasErrors)
        {
            return refuse["Error.Import.HasErrors"];
        }

        return await plans.ApplyImportAsync(user, view!, check, ct);
    }

    /// <summary>
    /// Checks a workbook as the first content of a plan to create (<see cref="NewPlan"/>: the strategic plan, or a
    /// committee's thematic plan, which only its committee's people and the staff may create, ADR 0045); nothing is
    /// saved. Ids in the file are ignored: every row is a new item.
    /// </summary>
    public async Task<Outcome<PlanImportPreview>> PreviewNewAsync(ClaimsPrincipal user, NewPlan plan, byte[] content, CancellationToken ct)
    {
        var (view, check, refusal) = await CheckNewAsync(user, plan, content, ct);
        return refusal is not null ? refusal : Outcome<PlanImportPreview>.Done(new PlanImportPreview(view!.Plan.Id, check!));
    }

    /// <summary>
    /// Checks the workbook again and, when no row has a problem, creates the plan with every row in one save: the plan
    /// exists whole or not at all, audited like any change (ADR 0004).
    /// </summary>
    public async Task<Outcome<PlanImportCreated>> ImportNewAsync(ClaimsPrincipal user, NewPlan plan, byte[] content, CancellationToken ct)
    {
        var (view, check, refusal) = await CheckNewAsync(user, plan, content, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (check!.HasErrors)
        {
            return refuse["Error.Import.HasErrors"];
        }

        return await plans.CreateFromImportAsync(user, plan, view!, check, ct);
    }

    /// <summary>A row problem in the reader's language, with the column's header when it names one.</summary>
    public string Message(ImportIssue issue, IStringLocalizer<PlansText> plansText)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(plansText);
        var message = plansText[issue.Code].Value;
        var column = issue.Column is null ? null
            : Enum.TryParse<PlanColumn>(issue.Column, out var c) ? text["Column." + c].Value
            : Enum.TryParse<IndicatorColumn>(issue.Column, out var i) ? text["IndicatorColumn." + i].Value
            : null;
        return column is null ? message : text["Preview.IssueInColumn", column, message].Value;
    }

    private async Task<(PlanView? View, PlanImportCheckResult? Check, Refusal? Refusal)> CheckAsync(ClaimsPrincipal user, Guid planId, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null || !await access.CanReadAsync(user, plan, ct))
            {
                return (null, null, refuse["Error.PlanNotFound"]);
            }

            await access.EnsureEditAsync(user, plan, ct);
        }

        var (sheet, sheetRefusal) = await SheetAsync(content, ct);
        if (sheetRefusal is not null)
        {
            return (null, null, sheetRefusal);
        }

        var view = await plans.LoadAsync(user, planId, ct);
        if (view is null)
        {
            return (null, null, refuse["Error.PlanNotFound"]);
        }

        return await CheckAgainstAsync(view, sheet!, ct);
    }

    private async Task<(PlanView? View, PlanImportCheckResult? Check, Refusal? Refusal)> CheckNewAsync(ClaimsPrincipal user, NewPlan plan, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(content);
        var view = await plans.NewPlanViewAsync(user, plan, ct);
        if (!view.Succeeded)
        {
            return (null, null, view.Refusal);
        }

        var (sheet, sheetRefusal) = await SheetAsync(content, ct);
        if (sheetRefusal is not null)
        {
            return (null, null, sheetRefusal);
        }

        return await CheckAgainstAsync(view.Value!, PlanImportCheck.WithoutIds(sheet!), ct);
    }

    /// <summary>The workbook's sheets, or why not: too large, refused by the scanner, not the plan's layout.</summary>
    private async Task<(PlanSheet? Sheet, Refusal? Refusal)> SheetAsync(byte[] content, CancellationToken ct)
    {
        if (content.Length > MaxImportBytes)
        {
            return (null, refuse["Error.FileTooLarge"]);
        }

        // A workbook is read, not stored, but it is an upload like any other: scanned before it is parsed, and
        // refused while the scanner gives no verdict (ADR 0014).
        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is null)
        {
            return (null, refuse[UploadChecks.RefusalKey(scan.Status)]);
        }

        return PlanSheetFile.Read(content) is { } sheet ? (sheet, null) : (null, refuse["Error.Import.Layout"]);
    }

    private async Task<(PlanView? View, PlanImportCheckResult? Check, Refusal? Refusal)> CheckAgainstAsync(PlanView view, PlanSheet sheet, CancellationToken ct)
    {
        var names = await NamesAsync(view, forImport: true, ct);
        var check = PlanImportCheck.Run(sheet, view, names, HeaderSets(() => PlanSheetFile.Headers(text)), HeaderSets(() => PlanSheetFile.IndicatorHeaders(text)));
        return check.LayoutError is { } layout ? (null, null, refuse[layout]) : (view, check, null);
    }

    /// <summary>The headers in each language, so a file exported in Arabic imports in French.</summary>
    private static List<IReadOnlyList<string>> HeaderSets(Func<IReadOnlyList<string>> headers)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            var sets = new List<IReadOnlyList<string>>();
            foreach (var language in Languages)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                sets.Add(headers());
            }

            return sets;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>
    /// Names of what the plan refers to. An export names what it uses; an import may name any member institution
    /// (withdrawn ones only when the plan already uses them), any active person, committee and decision in force.
    /// </summary>
    private async Task<PlanSheetNames> NamesAsync(PlanView view, bool forImport, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var usedInstitutions = view.Institutions.Keys.ToList();
        var usedPeople = view.Rows.Select(r => r.ResponsibleUserId).OfType<Guid>().Distinct().ToList();
        var usedDecisions = view.Rows.Select(r => r.DecisionId).OfType<Guid>().Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => usedInstitutions.Contains(i.Id) || (forImport && i.Status != MembershipStatus.Withdrawn))
            .Select(i => new { i.Id, i.Acronym }).ToListAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => usedPeople.Contains(u.Id) || (forImport && u.IsActive))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var decisions = await db.Set<Decision>().AsNoTracking()
            .Where(d => usedDecisions.Contains(d.Id) || (forImport && d.WithdrawnAt == null))
            .Select(d => new { d.Id, d.Year, d.Sequence }).ToListAsync(ct);
        return new PlanSheetNames(
            institutions.Select(i => (i.Id, i.Acronym)),
            people.Where(p => p.Email is not null).Select(p => (p.Id, p.Email!)),
            view.Committees.Values.Select(c => (c.Id, c.Code)),
            decisions.Select(d => (d.Id, Decision.Format(d.Year, d.Sequence))));
    }
}
