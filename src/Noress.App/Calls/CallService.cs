using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Outputs;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Shared.Operations;

namespace Noress.App.Calls;

/// <summary>
/// Call editions: the secretariat creates and edits a call (schedule, envelope or prizes, eligibility, form, grid,
/// jurors) and publishes it; members read published calls; the public reads a published call open to outside
/// initiatives. Every change is checked against <see cref="CallsAccess"/>, validated, saved atomically (audited by
/// the chain) and announced on the call's topic after the commit.
/// </summary>
public sealed class CallService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CallsAccess access,
    CallLive live,
    DocumentService documents,
    DocumentAuthority authority,
    Refusals<CallsText> refuse)
{
    /// <summary>The calls the caller may see: every call for the secretariat, the published ones for members.</summary>
    public async Task<IReadOnlyList<CallSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller || (!caller.IsStaff && !caller.IsMember))
        {
            return [];
        }

        var now = access.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Set<Call>().AsNoTracking().ToListAsync(ct);
        var mine = caller.InstitutionId is { } institution
            ? await db.Set<CallApplication>().AsNoTracking().Where(a => a.InstitutionId == institution).GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];
        return [.. calls.Where(c => caller.IsStaff || CallSchedule.IsVisible(c, now))
            .OrderByDescending(c => c.DeadlineAt)
            .Select(c => new CallSummary(c.Id, c.Kind, c.Edition, c.TitleFr, c.TitleAr, c.TitleEn, c.OpensAt, c.DeadlineAt, c.PublishedAt is not null,
                CallSchedule.AcceptsSubmissions(c, now), c.OpenToOutsideInitiatives, mine.TryGetValue(c.Id, out var n) ? n : null))];
    }

    /// <summary>The whole call for the caller; null when absent or not visible to them (a page shows "not found").</summary>
    public async Task<CallDetails?> GetAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller)
        {
            return null;
        }

        var now = access.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        var outsideApplicant = call is not null && call.OpenToOutsideInitiatives && caller.InstitutionId is null;
        if (call is null || !(caller.IsStaff || ((caller.IsMember || outsideApplicant) && CallSchedule.IsVisible(call, now))))
        {
            return null;
        }

        var eligibility = await db.Set<CallEligibility>().AsNoTracking().SingleOrDefaultAsync(e => e.CallId == callId, ct) ?? new CallEligibility { CallId = callId };
        var prizes = await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == callId).OrderBy(p => p.Rank).ToListAsync(ct);
        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == callId).OrderBy(f => f.Position).ToListAsync(ct);
        var criteria = await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.CallId == callId).OrderBy(c => c.Position).ToListAsync(ct);
        var jurors = caller.IsStaff
            ? await (from j in db.Set<CallJuror>().AsNoTracking()
                     join u in db.Users on j.UserId equals u.Id
                     where j.CallId == callId
                     orderby u.FullName
                     select new CallJurorView(j.Id, j.UserId, u.FullName, j.IsChair)).ToListAsync(ct)
            : [];
        var applications = db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId);
        applications = caller.InstitutionId is { } institution
            ? applications.Where(a => a.InstitutionId == institution)
            : applications.Where(a => a.ApplicantUserId == caller.UserId);
        // Our own applications read a decision once the results are published (ADR 0050); the secretariat reads them as they are.
        var published = caller.IsStaff || await ResultsPublication.IsPublishedAsync(db, callId, ct);
        var mine = (await applications.OrderBy(a => a.Number).ToListAsync(ct))
            .Select(a => new MyApplication(a.Id, Reference(call, a.Number), a.Title, ResultsPublication.ShownState(a.State, published), a.SubmittedAt)).ToList();
        return new CallDetails(call, eligibility, prizes, fields, criteria, jurors, caller.IsStaff, CallSchedule.AcceptsSubmissions(call, now), mine);
    }

    /// <summary>A published call open to outside initiatives, for anyone (no sign-in); null otherwise.</summary>
    public async Task<(PublicCall Call, string Text)?> GetPublicAsync(Guid callId, CancellationToken ct)
    {
        var now = access.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || !call.OpenToOutsideInitiatives || !CallSchedule.IsVisible(call, now))
        {
            return null;
        }

        var prizes = await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == callId).OrderBy(p => p.Rank).ToListAsync(ct);
        // The call's text is public once the call is: read from the authority, not through a person's rights.
        var text = call.TextDocumentId is { } documentId ? (await authority.GetHeadAsync(documentId, ct))?.Text ?? string.Empty : string.Empty;
        return (new PublicCall(call.Id, call.Kind, call.Edition, call.TitleFr, call.TitleAr, call.TitleEn, call.TextDocumentId, call.OpensAt, call.DeadlineAt, call.ResultsAt,
            prizes, call.EnvelopeTotal, call.ProjectCount, CallSchedule.AcceptsSubmissions(call, now)), text);
    }

    /// <summary>The active people the secretariat may add to a jury, by name.</summary>
    public async Task<IReadOnlyList<JurorChoice>> JurorChoicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName).Select(u => new JurorChoice(u.Id, u.FullName)).ToListAsync(ct);
    }

    /// <summary>"AMI-2-007" or "CR-1-012": the kind, the edition and the application's number.</summary>
    public static string Reference(Call call, int number) => Reference(call.Kind, call.Edition, number);

    public static string Reference(CallKind kind, int edition, int number) =>
        FormattableString.Invariant($"{(kind == CallKind.Ami ? "AMI" : "CR")}-{edition}-{number:000}");

    /// <summary>Creates a draft call with its text document (platform space) and default eligibility for its kind.</summary>
    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal user, CallInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await access.IsStaffAsync(user))
        {
            throw new UnauthorizedAccessException("Only the secretariat creates calls.");
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Call>().AnyAsync(c => c.Kind == input.Kind && c.Edition == input.Edition, ct))
        {
            return refuse["Error.EditionTaken"];
        }

        var text = await documents.CreateAsync(user, DocumentSpaceKind.Platform, null, input.TitleFr.Trim(), string.Empty, ct);
        if (!text.Succeeded)
        {
            return text;
        }

        var call = new Call { TitleFr = string.Empty, TitleAr = string.Empty, CreatedById = CallsAccess.UserId(user), CreatedAt = access.UtcNow, TextDocumentId = text.Value };
        Apply(call, input);
        db.Add(call);
        db.Add(new CallEligibility
        {
            CallId = call.Id,
            RequireMemberInGoodStanding = input.Kind == CallKind.Ami,
            MaxApplicationsPerApplicant = 1,
        });
        AddPrizes(db, call.Id, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.EditionTaken"];
        }

        return Outcome<Guid>.Done(call.Id);
    }

    /// <summary>Changes a call's titles, schedule, envelope, prizes and switches; <paramref name="version"/> guards against a lost update.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(ClaimsPrincipal user, Guid callId, CallInput input, Guid version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is not { } call)
        {
            return refuse["Error.NotFound"];
        }

        if (call.Version != version)
        {
            return refuse["Error.Stale"];
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (input.Kind != call.Kind && await db.Set<CallApplication>().AnyAsync(a => a.CallId == callId, ct))
        {
            return refuse["Error.KindInUse"];
        }

        if ((input.Kind != call.Kind || input.Edition != call.Edition) && await db.Set<Call>().AnyAsync(c => c.Id != callId && c.Kind == input.Kind && c.Edition == input.Edition, ct))
        {
            return refuse["Error.EditionTaken"];
        }

        Apply(call, input);
        db.RemoveRange(await db.Set<CallPrize>().Where(p => p.CallId == callId).ToListAsync(ct));
        AddPrizes(db, callId, input);
        return await SaveAsync(db, callId, ct);
    }

    /// <summary>Sets the eligibility parameters; a limit left empty is a rule the call does not set.</summary>
    public async Task<Outcome<Guid>> SaveEligibilityAsync(ClaimsPrincipal user, Guid callId, EligibilityInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is null)
        {
            return refuse["Error.NotFound"];
        }

        if (input.MaxApplicationsPerApplicant is < 1 || input.MaxRequestedAmount is < 0m || input.MinOwnContributionPercent is < 0m or > 100m)
        {
            return refuse["Error.EligibilityLimits"];
        }

        var eligibility = await db.Set<CallEligibility>().SingleOrDefaultAsync(e => e.CallId == callId, ct);
        if (eligibility is null)
        {
            eligibility = new CallEligibility { CallId = callId };
            db.Add(eligibility);
        }

        eligibility.RequireMemberInGoodStanding = input.RequireMemberInGoodStanding;
        eligibility.MaxApplicationsPerApplicant = input.MaxApplicationsPerApplicant;
        eligibility.MaxRequestedAmount = input.MaxRequestedAmount;
        eligibility.MinOwnContributionPercent = input.MinOwnContributionPercent;
        return await SaveAsync(db, callId, ct);
    }

    /// <summary>
    /// Replaces the application form by <paramref name="fields"/> in their order. A field someone already answered may
    /// be relabelled but not removed nor change kind, so no answer is left pointing at nothing.
    /// </summary>
    public async Task<Outcome<Guid>> SaveFormAsync(ClaimsPrincipal user, Guid callId, IReadOnlyList<FormFieldInput> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is null)
        {
            return refuse["Error.NotFound"];
        }

        if (fields.Count > CallLimits.MaxFields)
        {
            return refuse.Format("Error.TooManyFields", CallLimits.MaxFields);
        }

        foreach (var field in fields)
        {
            if (ValidateField(field) is { } invalid)
            {
                return invalid;
            }
        }

        var existing = await db.Set<CallFormField>().Where(f => f.CallId == callId).ToListAsync(ct);
        var answered = await AnsweredFieldsAsync(db, existing.Select(f => f.Id).ToList(), ct);
        var kept = fields.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        foreach (var field in existing.Where(f => !kept.Contains(f.Id)))
        {
            if (answered.Contains(field.Id))
            {
                return refuse["Error.FieldAnswered"];
            }

            db.Remove(field);
        }

        for (var position = 0; position < fields.Count; position++)
        {
            var input = fields[position];
            var field = input.Id is { } id ? existing.SingleOrDefault(f => f.Id == id) : null;
            if (input.Id is not null && field is null)
            {
                return refuse["Error.NotFound"];
            }

            if (field is null)
            {
                field = new CallFormField { CallId = callId, LabelFr = string.Empty, LabelAr = string.Empty };
                db.Add(field);
            }
            else if (field.Kind != input.Kind && answered.Contains(field.Id))
            {
                return refuse["Error.FieldAnswered"];
            }

            field.Position = position;
            field.Kind = input.Kind;
            field.LabelFr = input.LabelFr.Trim();
            field.LabelAr = input.LabelAr.Trim();
            field.LabelEn = Blank(input.LabelEn);
            field.HelpFr = Blank(input.HelpFr);
            field.HelpAr = Blank(input.HelpAr);
            field.HelpEn = Blank(input.HelpEn);
            field.Required = input.Required;
            field.MaxLength = input.Kind is FormFieldKind.Text or FormFieldKind.LongText ? input.MaxLength : null;
            field.MinAmount = input.Kind == FormFieldKind.Amount ? input.MinAmount : null;
            field.MaxAmount = input.Kind == FormFieldKind.Amount ? input.MaxAmount : null;
            field.MaxItems = input.Kind is FormFieldKind.BudgetTable or FormFieldKind.Partners or FormFieldKind.Files ? input.MaxItems : null;
            field.ChoicesFr = input.Kind == FormFieldKind.Choice ? Blank(input.ChoicesFr) : null;
            field.ChoicesAr = input.Kind == FormFieldKind.Choice ? Blank(input.ChoicesAr) : null;
            field.ChoicesEn = input.Kind == FormFieldKind.Choice ? Blank(input.ChoicesEn) : null;
        }

        return await SaveAsync(db, callId, ct);
    }

    /// <summary>Replaces the evaluation grid; a criterion already scored cannot be removed.</summary>
    public async Task<Outcome<Guid>> SaveGridAsync(ClaimsPrincipal user, Guid callId, IReadOnlyList<CriterionInput> criteria, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is null)
        {
            return refuse["Error.NotFound"];
        }

        foreach (var input in criteria)
        {
            if (string.IsNullOrWhiteSpace(input.LabelFr) || string.IsNullOrWhiteSpace(input.LabelAr) || input.LabelFr.Length > CallLimits.MaxLabel || input.LabelAr.Length > CallLimits.MaxLabel)
            {
                return refuse["Error.Label"];
            }

            if (input.Weight <= 0m || input.Weight > 100m)
            {
                return refuse["Error.Weight"];
            }

            if (input.ScaleMin < 0 || input.ScaleMax <= input.ScaleMin || input.ScaleMax > 100)
            {
                return refuse["Error.Scale"];
            }
        }

        var existing = await db.Set<EvaluationCriterion>().Where(c => c.CallId == callId).ToListAsync(ct);
        var existingIds = existing.Select(c => c.Id).ToList();
        var scored = (await db.Set<Score>().Where(s => existingIds.Contains(s.CriterionId)).Select(s => s.CriterionId).Distinct().ToListAsync(ct)).ToHashSet();
        var kept = criteria.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        foreach (var criterion in existing.Where(c => !kept.Contains(c.Id)))
        {
            if (scored.Contains(criterion.Id))
            {
                return refuse["Error.CriterionScored"];
            }

            db.Remove(criterion);
        }

        for (var position = 0; position < criteria.Count; position++)
        {
            var input = criteria[position];
            var criterion = input.Id is { } id ? existing.SingleOrDefault(c => c.Id == id) : null;
            if (input.Id is not null && criterion is null)
            {
                return refuse["Error.NotFound"];
            }

            if (criterion is null)
            {
                criterion = new EvaluationCriterion { CallId = callId, LabelFr = string.Empty, LabelAr = string.Empty };
                db.Add(criterion);
            }

            criterion.Position = position;
            criterion.LabelFr = input.LabelFr.Trim();
            criterion.LabelAr = input.LabelAr.Trim();
            criterion.LabelEn = Blank(input.LabelEn);
            criterion.Weight = input.Weight;
            criterion.ScaleMin = input.ScaleMin;
            criterion.ScaleMax = input.ScaleMax;
        }

        return await SaveAsync(db, callId, ct);
    }

    /// <summary>Adds a juror (or evaluator) to the call; at most one chair, so naming a chair unseats the previous one.</summary>
    public async Task<Outcome<Guid>> AddJurorAsync(ClaimsPrincipal user, Guid callId, Guid personId, bool isChair, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is null)
        {
            return refuse["Error.NotFound"];
        }

        if (!await db.Users.AnyAsync(u => u.Id == personId && u.IsActive, ct))
        {
            return refuse["Error.PersonNotFound"];
        }

        var jurors = await db.Set<CallJuror>().Where(j => j.CallId == callId).ToListAsync(ct);
        var juror = jurors.SingleOrDefault(j => j.UserId == personId);
        if (juror is null)
        {
            juror = new CallJuror { CallId = callId, UserId = personId, AddedAt = access.UtcNow };
            db.Add(juror);
        }

        if (isChair)
        {
            foreach (var other in jurors.Where(j => j.IsChair && j.UserId != personId))
            {
                other.IsChair = false;
            }
        }

        juror.IsChair = isChair;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.Stale"];
        }

        await live.CallChangedAsync(callId, ct);
        return Outcome<Guid>.Done(juror.Id);
    }

    public async Task<Outcome<Guid>> RemoveJurorAsync(ClaimsPrincipal user, Guid callId, Guid jurorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is null || await db.Set<CallJuror>().SingleOrDefaultAsync(j => j.Id == jurorId && j.CallId == callId, ct) is not { } juror)
        {
            return refuse["Error.NotFound"];
        }

        db.Remove(juror);
        return await SaveAsync(db, callId, ct);
    }

    /// <summary>
    /// Publishes the call: refused unless it is complete (titles, envelope or prizes, at least one form field, a grid).
    /// From its publication instant members see it, and the public too when it is open to outside initiatives.
    /// </summary>
    public async Task<Outcome<Guid>> PublishAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, user, callId, ct) is not { } call)
        {
            return refuse["Error.NotFound"];
        }

        if (call.PublishedAt is not null)
        {
            return refuse["Error.AlreadyPublished"];
        }

        if (!await db.Set<CallFormField>().AnyAsync(f => f.CallId == callId, ct))
        {
            return refuse["Error.NoForm"];
        }

        if (!await db.Set<EvaluationCriterion>().AnyAsync(c => c.CallId == callId, ct))
        {
            return refuse["Error.NoGrid"];
        }

        if (call.Kind == CallKind.Competition && !await db.Set<CallPrize>().AnyAsync(p => p.CallId == callId, ct))
        {
            return refuse["Error.NoPrizes"];
        }

        call.PublishedAt = access.UtcNow;
        return await SaveAsync(db, callId, ct);
    }

    private async Task<Call?> EditableAsync(NoressDbContext db, ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            throw new UnauthorizedAccessException("Only the secretariat edits calls.");
        }

        return await db.Set<Call>().SingleOrDefaultAsync(c => c.Id == callId, ct);
    }

    private async Task<Outcome<Guid>> SaveAsync(NoressDbContext db, Guid callId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Stale"];
        }

        await live.CallChangedAsync(callId, ct);
        return Outcome<Guid>.Done(callId);
    }

    private static async Task<HashSet<Guid>> AnsweredFieldsAsync(NoressDbContext db, List<Guid> fieldIds, CancellationToken ct)
    {
        var answers = await db.Set<ApplicationAnswer>().Where(a => fieldIds.Contains(a.FieldId)).Select(a => a.FieldId).Distinct().ToListAsync(ct);
        var lines = await db.Set<ApplicationBudgetLine>().Where(a => fieldIds.Contains(a.FieldId)).Select(a => a.FieldId).Distinct().ToListAsync(ct);
        var partners = await db.Set<ApplicationPartner>().Where(a => fieldIds.Contains(a.FieldId)).Select(a => a.FieldId).Distinct().ToListAsync(ct);
        var files = await db.Set<ApplicationFile>().Where(a => fieldIds.Contains(a.FieldId)).Select(a => a.FieldId).Distinct().ToListAsync(ct);
        return [.. answers, .. lines, .. partners, .. files];
    }

    private Refusal? Validate(CallInput input)
    {
        if (string.IsNullOrWhiteSpace(input.TitleFr) || string.IsNullOrWhiteSpace(input.TitleAr)
            || input.TitleFr.Length > CallLimits.MaxTitle || input.TitleAr.Length > CallLimits.MaxTitle || input.TitleEn?.Length > CallLimits.MaxTitle)
        {
            return refuse["Error.Title"];
        }

        if (input.Edition is < 1 or > 999)
        {
            return refuse["Error.Edition"];
        }

        if (CallSchedule.Invalid(input.PublicationAt, input.OpensAt, input.DeadlineAt, input.EvaluationEndsAt, input.ResultsAt) is { } schedule)
        {
            return refuse[schedule];
        }

        if (Jobs.CallDueRules.InvalidReports(input.Kind, input.ResultsAt, input.InterimReportDueOn, input.FinalReportDueOn) is { } reports)
        {
            return refuse[reports];
        }

        if (input.Kind == CallKind.Ami && (input.EnvelopeTotal is not > 0m || input.ProjectCount is not > 0))
        {
            return refuse["Error.Envelope"];
        }

        if (input.Kind == CallKind.Competition && (input.Prizes.Count == 0 || input.Prizes.Count > 20 || input.Prizes.Any(p => p <= 0m)))
        {
            return refuse["Error.Prizes"];
        }

        return null;
    }

    private Refusal? ValidateField(FormFieldInput field)
    {
        if (!Enum.IsDefined(field.Kind))
        {
            return refuse["Error.FieldKind"];
        }

        if (string.IsNullOrWhiteSpace(field.LabelFr) || string.IsNullOrWhiteSpace(field.LabelAr) || field.LabelFr.Length > CallLimits.MaxLabel
            || field.LabelAr.Length > CallLimits.MaxLabel || field.LabelEn?.Length > CallLimits.MaxLabel)
        {
            return refuse["Error.Label"];
        }

        if (field.HelpFr?.Length > CallLimits.MaxHelp || field.HelpAr?.Length > CallLimits.MaxHelp || field.HelpEn?.Length > CallLimits.MaxHelp)
        {
            return refuse["Error.Help"];
        }

        if (field.MaxLength is < 1 or > 100_000 || (field.Kind == FormFieldKind.Text && field.MaxLength > CallLimits.MaxTextAnswer))
        {
            return refuse["Error.FieldLimits"];
        }

        if (field.MinAmount is < 0m || (field.MinAmount is { } min && field.MaxAmount is { } max && max < min) || field.MaxItems is < 1 or > CallLimits.MaxItems)
        {
            return refuse["Error.FieldLimits"];
        }

        if (field.Kind == FormFieldKind.Choice)
        {
            var fr = FormRules.Choices(field.ChoicesFr);
            var ar = FormRules.Choices(field.ChoicesAr);
            var en = FormRules.Choices(field.ChoicesEn);
            if (fr.Count < 2 || ar.Count != fr.Count || (en.Count > 0 && en.Count != fr.Count) || (field.ChoicesFr?.Length ?? 0) > CallLimits.MaxChoices)
            {
                return refuse["Error.Choices"];
            }
        }

        return null;
    }

    private static void Apply(Call call, CallInput input)
    {
        call.Kind = input.Kind;
        call.Edition = input.Edition;
        call.TitleFr = input.TitleFr.Trim();
        call.TitleAr = input.TitleAr.Trim();
        call.TitleEn = Blank(input.TitleEn);
        call.PublicationAt = input.PublicationAt;
        call.OpensAt = input.OpensAt;
        call.DeadlineAt = input.DeadlineAt;
        call.EvaluationEndsAt = input.EvaluationEndsAt;
        call.ResultsAt = input.ResultsAt;
        call.InterimReportDueOn = input.Kind == CallKind.Ami ? input.InterimReportDueOn : null;
        call.FinalReportDueOn = input.Kind == CallKind.Ami ? input.FinalReportDueOn : null;
        call.EnvelopeTotal = input.Kind == CallKind.Ami ? input.EnvelopeTotal : null;
        call.ProjectCount = input.Kind == CallKind.Ami ? input.ProjectCount : null;
        call.IsBlind = input.IsBlind;
        call.OpenToOutsideInitiatives = input.OpenToOutsideInitiatives;
    }

    private static void AddPrizes(NoressDbContext db, Guid callId, CallInput input)
    {
        if (input.Kind != CallKind.Competition)
        {
            return;
        }

        for (var i = 0; i < input.Prizes.Count; i++)
        {
            db.Add(new CallPrize { CallId = callId, Rank = i + 1, Amount = input.Prizes[i] });
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
