using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Email;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;

namespace Noress.App.Calls;

public sealed partial class ApplicationService
{
    /// <summary>
    /// Submits the application: a representative of the applicant institution (or the outside applicant), strictly before
    /// the deadline read from the server's clock now, every rule and required field satisfied. Saved in one
    /// transaction with its history step and the receipt mail; the receipt's hash covers what was submitted.
    /// </summary>
    public async Task<Outcome<SubmissionReceipt>> SubmitAsync(ClaimsPrincipal user, Guid applicationId, Guid version, CancellationToken ct)
    {
        // The one instant the whole submission is judged on.
        var now = access.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (application, call, refusal) = await ChangeableAsync(db, user, applicationId, ct, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var userId = CallsAccess.UserId(user)!.Value;
        if (application!.InstitutionId is { } institution && !await CallsAccess.IsRepresentativeAsync(db, userId, institution, access.Today, ct))
        {
            return refuse["Error.NotRepresentative"];
        }

        if (application.Version != version)
        {
            return refuse["Error.Stale"];
        }

        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == call!.Id).OrderBy(f => f.Position).ToListAsync(ct);
        var (draft, longTextDocuments) = await LoadDraftAsync(db, application, ct);
        var files = await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == applicationId).ToListAsync(ct);
        var fileCounts = files.GroupBy(f => f.FieldId).ToDictionary(g => g.Key, g => g.Count());
        var longTexts = new Dictionary<Guid, string>();
        foreach (var (fieldId, documentId) in longTextDocuments)
        {
            longTexts[fieldId] = (await authority.GetHeadAsync(documentId, ct))?.Text ?? string.Empty;
        }

        var missing = FormRules.Missing(fields, draft, fileCounts, longTexts);
        if (missing.Count > 0)
        {
            return refuse.Format("Error.MissingFields", string.Join(", ", missing.Select(Label)));
        }

        if (FormRules.TooLong(fields, longTexts) is [var tooLong, ..])
        {
            return refuse.Format("Error.TooLong", Label(tooLong));
        }

        var eligibility = await db.Set<CallEligibility>().AsNoTracking().SingleOrDefaultAsync(e => e.CallId == call!.Id, ct) ?? new CallEligibility { CallId = call!.Id };
        var facts = await FactsAsync(db, call!, application, fields, fileCounts, ct);
        var failed = EligibilityRules.Evaluate(eligibility, facts, fields.Any(f => f.Kind == FormFieldKind.Files && f.Required)).Where(c => !c.Passed).ToList();
        if (failed.Count > 0)
        {
            return refuse.Format("Error.Ineligible", string.Join(" ", failed.Select(RuleText)));
        }

        var reference = CallService.Reference(call!, application.Number);
        var answers = await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync(ct);
        var positions = fields.ToDictionary(f => f.Id, f => f.Position);
        var kinds = fields.ToDictionary(f => f.Id, f => f.Kind);
        var submission = new SubmittedApplication(call!.Id, application.Id, reference, application.InstitutionId, application.ApplicantUserId, application.Title, now,
            [.. answers.Where(a => positions.ContainsKey(a.FieldId)).Select(a => new SubmittedAnswer(a.FieldId, positions[a.FieldId], kinds[a.FieldId],
                kinds[a.FieldId] == FormFieldKind.LongText ? longTexts.GetValueOrDefault(a.FieldId, string.Empty) : a.Text, a.Amount, a.Date))],
            [.. draft.BudgetLines.Select((l, i) => new SubmittedBudgetLine(l.FieldId, i, l.Label, l.Requested, l.OwnContribution))],
            [.. draft.Partners.Select((p, i) => new SubmittedPartner(p.FieldId, i, p.InstitutionId, p.Name, p.Role))],
            [.. files.Select(f => new SubmittedFile(f.FieldId, f.FileName, f.ContentType, f.Size, f.Sha256))]);
        var hash = ReceiptHash.Compute(submission);

        var from = application.State;
        application.State = ApplicationState.Submitted;
        application.SubmittedAt = now;
        application.SubmittedById = userId;
        application.ReceiptHash = hash;
        application.UpdatedAt = now;
        db.Add(new ApplicationTransition { ApplicationId = applicationId, From = from, To = ApplicationState.Submitted, ById = userId, At = now });
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        if (!string.IsNullOrEmpty(submitter.Email))
        {
            OutboxMail.Add(db, ReceiptMail(submitter.Email, submitter.FullName, call, application, reference, now, hash),
                $"call-receipt:{applicationId:N}:{hash}", Culture, "calls", userId, now);
        }

        Refusal? stale;
        try
        {
            stale = await SaveOrStaleAsync(db, ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<CallApplication>().Any())
        {
            // Two submissions of one version in the same instant: the receipt mail's key (same hash) clashed before the
            // version check could; when the other one won, this one is stale, not an error.
            if (!await VersionChangedAsync(applicationId, version, ct))
            {
                throw;
            }

            stale = refuse["Error.Stale"];
        }

        if (stale is not null)
        {
            return stale;
        }

        await live.ApplicationChangedAsync(call.Id, applicationId, ct);
        return Outcome<SubmissionReceipt>.Done(new SubmissionReceipt(applicationId, reference, now, hash));
    }

    /// <summary>Withdraws a submitted application before the deadline (a representative); it may then change and be submitted again.</summary>
    public async Task<Outcome<Guid>> WithdrawAsync(ClaimsPrincipal user, Guid applicationId, string? reason, CancellationToken ct)
    {
        var now = access.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CallerAsync(user, ct) is not { } caller
            || await db.Set<CallApplication>().SingleOrDefaultAsync(a => a.Id == applicationId, ct) is not { } application
            || !CallsAccess.CanRead(caller, application))
        {
            return refuse["Error.NotFound"];
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        if (!CallsAccess.IsApplicant(caller, application))
        {
            return refuse["Error.NotAnApplicant"];
        }

        if (!CallSchedule.AcceptsSubmissions(call, now))
        {
            return refuse["Error.DeadlinePassed"];
        }

        if (application.State != ApplicationState.Submitted)
        {
            return refuse["Error.NotSubmitted"];
        }

        if (application.InstitutionId is { } institution && !await CallsAccess.IsRepresentativeAsync(db, caller.UserId, institution, access.Today, ct))
        {
            return refuse["Error.NotRepresentative"];
        }

        if (reason?.Length > CallLimits.MaxReason)
        {
            return refuse["Error.Reason"];
        }

        application.State = ApplicationState.Withdrawn;
        application.UpdatedAt = now;
        db.Add(new ApplicationTransition { ApplicationId = applicationId, From = ApplicationState.Submitted, To = ApplicationState.Withdrawn, ById = caller.UserId, At = now, Reason = Blank(reason) });
        if (await SaveOrStaleAsync(db, ct) is { } stale)
        {
            return stale;
        }

        await live.ApplicationChangedAsync(call.Id, applicationId, ct);
        return Outcome<Guid>.Done(application.Version);
    }

    /// <summary>The receipt as markdown (for the PDF): reference, call, applicant, instant and hash; null when not readable or never submitted.</summary>
    public async Task<(string Title, string Markdown)?> ReceiptAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var view = await GetAsync(user, applicationId, ct);
        if (view?.Application.SubmittedAt is not { } submittedAt || view.Application.ReceiptHash is not { } hash)
        {
            return null;
        }

        var call = view.Call;
        var title = text["Receipt.Title", view.Reference];
        var markdown = string.Join("\n\n",
            text["Receipt.Intro"],
            $"- **{text["Receipt.Reference"]}** : {view.Reference}",
            $"- **{text["Receipt.Call"]}** : {BilingualText.Preferred(call.TitleFr, call.TitleAr)}",
            $"- **{text["Receipt.Applicant"]}** : {view.ApplicantName}",
            $"- **{text["Receipt.Project"]}** : {PeopleText.Plain(view.Application.Title)}",
            $"- **{text["Receipt.SubmittedAt"]}** : {NoressFormat.LongDateTime(submittedAt)}",
            $"- **{text["Receipt.Requested"]}** : {Money(view.Application.RequestedAmount)}",
            $"- **{text["Receipt.State"]}** : {text["State." + view.Application.State]}",
            $"**{text["Receipt.Hash"]}** : `{hash}`",
            text["Receipt.HashExplained"]);
        return (title, markdown);
    }

    /// <summary>The application for a change by its applicant's side: refused when not found, closed or past the deadline.</summary>
    private async Task<(CallApplication? Application, Call? Call, Refusal? Refusal)> ChangeableAsync(NoressDbContext db, ClaimsPrincipal user, Guid applicationId, CancellationToken ct, DateTime? at = null)
    {
        var now = at ?? access.UtcNow;
        if (await access.CallerAsync(user, ct) is not { } caller
            || await db.Set<CallApplication>().SingleOrDefaultAsync(a => a.Id == applicationId, ct) is not { } application
            || !CallsAccess.CanRead(caller, application))
        {
            return (null, null, refuse["Error.NotFound"]);
        }

        if (!CallsAccess.IsApplicant(caller, application))
        {
            return (null, null, refuse["Error.NotAnApplicant"]);
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        if (!CallSchedule.AcceptsSubmissions(call, now))
        {
            return (null, null, refuse[now < call.OpensAt ? "Error.NotOpenYet" : "Error.DeadlinePassed"]);
        }

        if (application.State is not (ApplicationState.Draft or ApplicationState.Withdrawn))
        {
            return (null, null, refuse["Error.ClosedForChanges"]);
        }

        return (application, call, null);
    }

    private async Task<bool> VersionChangedAsync(Guid applicationId, Guid version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CallApplication>().AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync(ct) != version;
    }

    private async Task<Refusal?> SaveOrStaleAsync(NoressDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Stale"];
        }
    }

    private static async Task<(ApplicationDraft Draft, IReadOnlyDictionary<Guid, Guid> LongTexts)> LoadDraftAsync(NoressDbContext db, CallApplication application, CancellationToken ct)
    {
        var answers = await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == application.Id).ToListAsync(ct);
        var lines = await db.Set<ApplicationBudgetLine>().AsNoTracking().Where(l => l.ApplicationId == application.Id).OrderBy(l => l.FieldId).ThenBy(l => l.Position).ToListAsync(ct);
        var partners = await db.Set<ApplicationPartner>().AsNoTracking().Where(p => p.ApplicationId == application.Id).OrderBy(p => p.FieldId).ThenBy(p => p.Position).ToListAsync(ct);
        var draft = new ApplicationDraft
        {
            Title = application.Title,
            Answers = answers.Where(a => a.DocumentId is null).ToDictionary(a => a.FieldId, a => new AnswerInput { Text = a.Text, Amount = a.Amount, Date = a.Date }),
            BudgetLines = [.. lines.Select(l => new BudgetLineInput { FieldId = l.FieldId, Label = l.Label, Requested = l.Requested, OwnContribution = l.OwnContribution })],
            Partners = [.. partners.Select(p => new PartnerInput { FieldId = p.FieldId, InstitutionId = p.InstitutionId, Name = p.Name, Role = p.Role })],
        };
        return (draft, answers.Where(a => a.DocumentId is not null).ToDictionary(a => a.FieldId, a => a.DocumentId!.Value));
    }

    /// <summary>What the eligibility rules are judged on, read now: standing today, the applicant's other submissions, the budget, the files.</summary>
    private async Task<EligibilityFacts> FactsAsync(NoressDbContext db, Call call, CallApplication application, IReadOnlyList<CallFormField> fields, IReadOnlyDictionary<Guid, int> fileCounts, CancellationToken ct)
    {
        var inGoodStanding = false;
        if (application.InstitutionId is { } institutionId)
        {
            var facts = await (from i in db.Institutions.AsNoTracking()
                               join s in db.Set<MouSignature>() on i.Id equals s.InstitutionId into signatures
                               from s in signatures.DefaultIfEmpty()
                               where i.Id == institutionId
                               select new StandingFacts(i.Status, i.SuspendedOn, i.WithdrawnOn, s == null ? null : s.Status, s == null ? null : s.SignedOn, s == null ? null : s.ExpiresOn))
                              .ToListAsync(ct);
            inGoodStanding = facts.Any(f => MemberStanding.IsInGoodStanding(f, access.Today));
        }

        var others = db.Set<CallApplication>().AsNoTracking()
            .Where(a => a.CallId == application.CallId && a.Id != application.Id && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn);
        others = application.InstitutionId is { } institution ? others.Where(a => a.InstitutionId == institution) : others.Where(a => a.ApplicantUserId == application.ApplicantUserId);
        var lines = await db.Set<ApplicationBudgetLine>().AsNoTracking().Where(l => l.ApplicationId == application.Id).Select(l => new { l.Requested, l.OwnContribution }).ToListAsync(ct);
        return new EligibilityFacts(application.InstitutionId is not null, inGoodStanding, await others.CountAsync(ct),
            lines.Sum(l => l.Requested), lines.Sum(l => l.OwnContribution), [.. FormRules.MissingDocuments(fields, fileCounts).Select(Label)],
            application.InstitutionId is null && call.OpenToOutsideInitiatives);
    }

    /// <summary>Creates the documents of the long-text fields the application does not have yet (as the caller, who must be able to edit it).</summary>
    private async Task EnsureLongTextsAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleAsync(a => a.Id == applicationId, ct);
        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == application.CallId && f.Kind == FormFieldKind.LongText).ToListAsync(ct);
        var present = await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == applicationId && a.DocumentId != null).Select(a => a.FieldId).ToListAsync(ct);
        foreach (var field in fields.Where(f => !present.Contains(f.Id)))
        {
            if (!await documents.CanCreateAsync(user, DocumentSpaceKind.CallApplication, applicationId, ct))
            {
                return;
            }

            var created = await documents.CreateAsync(user, DocumentSpaceKind.CallApplication, applicationId, $"{application.Title} – {field.LabelFr}"[..Math.Min(300, application.Title.Length + 3 + field.LabelFr.Length)], string.Empty, ct);
            if (!created.Succeeded)
            {
                continue;
            }

            db.Add(new ApplicationAnswer { ApplicationId = applicationId, FieldId = field.Id, DocumentId = created.Value });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone else created it at the same moment: theirs is kept (the unique answer per field decides).
                db.ChangeTracker.Clear();
            }
        }
    }

    private OutgoingMail ReceiptMail(string email, string name, Call call, CallApplication application, string reference, DateTime at, string hash)
    {
        var callTitle = BilingualText.Preferred(call.TitleFr, call.TitleAr);
        var subject = text["Mail.ReceiptSubject", reference];
        var lines = new[]
        {
            text["Mail.ReceiptIntro", PeopleText.Plain(name)].Value,
            $"{text["Receipt.Reference"]} : {reference}",
            $"{text["Receipt.Call"]} : {callTitle}",
            $"{text["Receipt.Project"]} : {PeopleText.Plain(application.Title)}",
            $"{text["Receipt.SubmittedAt"]} : {NoressFormat.LongDateTime(at)}",
            $"{text["Receipt.Hash"]} : {hash}",
            text["Mail.ReceiptPdf", $"/applications/{application.Id}/receipt"].Value,
        };
        var html = string.Concat(lines.Select(l => $"<p>{Html(l)}</p>"));
        return new OutgoingMail(email, PeopleText.Plain(name), subject, html, string.Join("\n\n", lines));
    }

    private static string Label(CallFormField field) => BilingualText.Preferred(field.LabelFr, field.LabelAr);

    private string RuleText(EligibilityCheck check) => text["Rule." + check.Rule + ".Failed", [.. check.Arguments.Select(a => a is decimal d ? Money(d) : a)]];
}

/// <summary>
/// The calls feature's answer to the document rights of application spaces: the applicant's people edit while the
/// application can change, and read afterwards; nobody else gets anything from here (the secretariat reads by the
/// space's default).
/// </summary>
public sealed class CallApplicationDocuments(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock) : ICallApplicationDocuments
{
    public async Task<IReadOnlyDictionary<Guid, DocumentRight>> RightsAsync(Guid userId, Guid? institutionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Set<CallApplication>().AsNoTracking();
        mine = institutionId is { } institution ? mine.Where(a => a.InstitutionId == institution) : mine.Where(a => a.ApplicantUserId == userId);
        var rows = await (from a in mine join c in db.Set<Call>() on a.CallId equals c.Id select new { Application = a, Call = c }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.ToDictionary(r => r.Application.Id, r => CallsAccess.IsOpenForChanges(r.Call, r.Application, now) ? DocumentRight.Edit : DocumentRight.Read);
    }
}
