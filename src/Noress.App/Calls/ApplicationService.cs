using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Outputs;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Calls;

/// <summary>
/// Applications: a draft started by a person of the applicant's side, saved (autosave, guarded by the version token),
/// files added through the upload checks and the scanner, submitted by a representative, withdrawn and submitted
/// again, all before the deadline the server's clock judges at the moment of the request (ADR 0036). An application is
/// seen only by its applicant's side and the secretariat: for anyone else it does not exist (pages answer 404).
/// </summary>
public sealed partial class ApplicationService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CallsAccess access,
    CallLive live,
    DocumentService documents,
    DocumentAuthority authority,
    UploadStorage storage,
    UploadScanner scanner,
    IStringLocalizer<CallsText> text,
    Refusals<CallsText> refuse)
{
    /// <summary>The storage folder of application files.</summary>
    public const string FileKind = "call-files";

    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Starts a draft for the caller's institution (or the caller, an outside applicant) in a call that accepts applications.</summary>
    public async Task<Outcome<Guid>> StartAsync(ClaimsPrincipal user, Guid callId, string title, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller)
        {
            return refuse["Error.NotFound"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        var now = access.UtcNow;
        if (call is null || !CallSchedule.IsVisible(call, now))
        {
            return refuse["Error.NotFound"];
        }

        if (caller.InstitutionId is null ? !call.OpenToOutsideInitiatives : !caller.IsMember)
        {
            return refuse["Error.NotAnApplicant"];
        }

        if (!CallSchedule.AcceptsSubmissions(call, now))
        {
            return refuse[now < call.OpensAt ? "Error.NotOpenYet" : "Error.DeadlinePassed"];
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > CallLimits.MaxTitle)
        {
            return refuse["Error.ApplicationTitle"];
        }

        var application = new CallApplication
        {
            CallId = callId,
            InstitutionId = caller.InstitutionId,
            ApplicantUserId = caller.InstitutionId is null ? caller.UserId : null,
            Title = title.Trim(),
            CreatedById = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Numbers are per call; two drafts started at once race for the same number and the loser takes the next.
        for (var attempt = 0; ; attempt++)
        {
            application.Number = (await db.Set<CallApplication>().Where(a => a.CallId == callId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
            db.Add(application);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                application.Id = Guid.NewGuid();
            }
        }

        await EnsureLongTextsAsync(user, application.Id, ct);
        await live.ApplicationChangedAsync(callId, application.Id, ct);
        return Outcome<Guid>.Done(application.Id);
    }

    /// <summary>The application for its form page; null when absent or not readable by the caller (the page answers 404).</summary>
    public async Task<ApplicationView?> GetAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || !CallsAccess.CanRead(caller, application))
        {
            return null;
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        var eligibility = await db.Set<CallEligibility>().AsNoTracking().SingleOrDefaultAsync(e => e.CallId == call.Id, ct) ?? new CallEligibility { CallId = call.Id };
        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == call.Id).OrderBy(f => f.Position).ToListAsync(ct);
        var (draft, longTexts) = await LoadDraftAsync(db, application, ct);
        var files = await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == applicationId).OrderBy(f => f.UploadedAt)
            .Select(f => new ApplicationFileView(f.Id, f.FieldId, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt)).ToListAsync(ct);
        var facts = await FactsAsync(db, call, application, fields, files.GroupBy(f => f.FieldId).ToDictionary(g => g.Key, g => g.Count()), ct);
        var today = access.Today;
        var isRepresentative = application.InstitutionId is { } institution
            ? await CallsAccess.IsRepresentativeAsync(db, caller.UserId, institution, today, ct)
            : application.ApplicantUserId == caller.UserId;
        var applicantName = application.InstitutionId is { } id
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Acronym + " – " + i.NameFr).SingleAsync(ct)
            : await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => u.FullName).SingleAsync(ct);
        var history = await (from t in db.Set<ApplicationTransition>().AsNoTracking()
                             join u in db.Users on t.ById equals u.Id into people
                             from u in people.DefaultIfEmpty()
                             where t.ApplicationId == applicationId
                             orderby t.At
                             select new ApplicationStep(t.From, t.To, u == null ? null : u.FullName, t.At, t.Reason)).ToListAsync(ct);
        var partnerChoices = fields.Any(f => f.Kind == FormFieldKind.Partners)
            ? await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn).OrderBy(i => i.Acronym)
                .Select(i => new PartnerChoice(i.Id, i.Acronym, i.NameFr, i.NameAr)).ToListAsync(ct)
            : [];
        var canEdit = CallsAccess.IsApplicant(caller, application) && CallsAccess.IsOpenForChanges(call, application, access.UtcNow);
        var published = await ResultsPublication.IsPublishedAsync(db, call.Id, ct);
        if (!caller.IsStaff)
        {
            // The applicant's side reads a decision once the results are published (ADR 0050); the row is a detached copy.
            application.State = ResultsPublication.ShownState(application.State, published);
            application.PrizeRank = published ? application.PrizeRank : null;
            history = [.. history.Where(h => ResultsPublication.ShowsStep(h.From, h.To, published))];
        }

        return new ApplicationView(application, CallService.Reference(call, application.Number), call, eligibility, fields, draft, longTexts, files, facts,
            PeopleText.Plain(applicantName), canEdit, isRepresentative, history, partnerChoices, published);
    }

    /// <summary>
    /// Saves the draft (autosave): the applicant's side only, while it can change. <paramref name="version"/> is the
    /// token the caller last saw: a save over a newer one is refused, so no one silently overwrites another's change.
    /// Every limit is checked first; when one fails nothing is saved. Returns the new version token.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(ClaimsPrincipal user, Guid applicationId, ApplicationDraft draft, Guid version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (application, call, refusal) = await ChangeableAsync(db, user, applicationId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (application!.Version != version)
        {
            return refuse["Error.Stale"];
        }

        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == call!.Id).ToListAsync(ct);
        var cap = await db.Set<CallEligibility>().Where(e => e.CallId == call!.Id).Select(e => e.MaxRequestedAmount).SingleOrDefaultAsync(ct);
        if (FormRules.Limits(fields, draft, cap) is { } problem)
        {
            return problem.Code == "Error.AboveCap"
                ? refuse.Format(problem.Code, Money(cap ?? 0m), Money(draft.Requested))
                : refuse.Format(problem.Code, problem.Field ?? string.Empty);
        }

        application.Title = draft.Title.Trim();
        application.RequestedAmount = draft.Requested;
        application.OwnContribution = draft.OwnContribution;
        application.UpdatedAt = access.UtcNow;
        var answers = await db.Set<ApplicationAnswer>().Where(a => a.ApplicationId == applicationId).ToListAsync(ct);
        foreach (var field in fields.Where(f => f.Kind is FormFieldKind.Text or FormFieldKind.Amount or FormFieldKind.Date or FormFieldKind.Choice))
        {
            var answer = answers.SingleOrDefault(a => a.FieldId == field.Id);
            var input = draft.Answers.GetValueOrDefault(field.Id);
            if (input is null || input.IsEmpty)
            {
                if (answer is not null)
                {
                    db.Remove(answer);
                }

                continue;
            }

            if (answer is null)
            {
                answer = new ApplicationAnswer { ApplicationId = applicationId, FieldId = field.Id };
                db.Add(answer);
            }

            answer.Text = field.Kind is FormFieldKind.Text or FormFieldKind.Choice ? Blank(input.Text) : null;
            answer.Amount = field.Kind == FormFieldKind.Amount ? input.Amount : null;
            answer.Date = field.Kind == FormFieldKind.Date ? input.Date : null;
        }

        db.RemoveRange(await db.Set<ApplicationBudgetLine>().Where(l => l.ApplicationId == applicationId).ToListAsync(ct));
        db.RemoveRange(await db.Set<ApplicationPartner>().Where(p => p.ApplicationId == applicationId).ToListAsync(ct));
        foreach (var group in draft.BudgetLines.GroupBy(l => l.FieldId))
        {
            var position = 0;
            foreach (var line in group)
            {
                db.Add(new ApplicationBudgetLine { ApplicationId = applicationId, FieldId = group.Key, Position = position++, Label = line.Label.Trim(), Requested = line.Requested, OwnContribution = line.OwnContribution });
            }
        }

        foreach (var group in draft.Partners.GroupBy(p => p.FieldId))
        {
            var position = 0;
            foreach (var partner in group)
            {
                db.Add(new ApplicationPartner { ApplicationId = applicationId, FieldId = group.Key, Position = position++, InstitutionId = partner.InstitutionId, Name = Blank(partner.Name), Role = Blank(partner.Role) });
            }
        }

        if (await SaveOrStaleAsync(db, ct) is { } stale)
        {
            return stale;
        }

        await live.ApplicationChangedAsync(call!.Id, applicationId, ct);
        return Outcome<Guid>.Done(application.Version);
    }

    /// <summary>The document of a long-text field, created on first use in the application's document space.</summary>
    public async Task<Outcome<Guid>> LongTextDocumentAsync(ClaimsPrincipal user, Guid applicationId, Guid fieldId, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await access.CallerAsync(user, ct) is not { } caller
                || await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct) is not { } application
                || !CallsAccess.CanRead(caller, application))
            {
                return refuse["Error.NotFound"];
            }

            if (await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == applicationId && a.FieldId == fieldId && a.DocumentId != null)
                .Select(a => a.DocumentId).SingleOrDefaultAsync(ct) is { } existing)
            {
                return Outcome<Guid>.Done(existing);
            }
        }

        await EnsureLongTextsAsync(user, applicationId, ct);
        await using var again = await dbFactory.CreateDbContextAsync(ct);
        return await again.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == applicationId && a.FieldId == fieldId && a.DocumentId != null)
            .Select(a => a.DocumentId).SingleOrDefaultAsync(ct) is { } created
            ? Outcome<Guid>.Done(created)
            : refuse["Error.ClosedForChanges"];
    }

    /// <summary>Adds a file to a files field: a PDF, PNG or JPEG by its bytes (not its name), scanned, at most 10 MB.</summary>
    public async Task<Outcome<Guid>> AddFileAsync(ClaimsPrincipal user, Guid applicationId, Guid fieldId, string fileName, long size, Func<long, Stream> openRead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(openRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (application, call, refusal) = await ChangeableAsync(db, user, applicationId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var field = await db.Set<CallFormField>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fieldId && f.CallId == call!.Id && f.Kind == FormFieldKind.Files, ct);
        if (field is null)
        {
            return refuse["Error.UnknownField"];
        }

        var count = await db.Set<ApplicationFile>().CountAsync(f => f.ApplicationId == applicationId && f.FieldId == fieldId, ct);
        if (count >= Math.Min(field.MaxItems ?? CallLimits.MaxItems, CallLimits.MaxItems))
        {
            return refuse.Format("Error.TooManyItems", field.LabelFr);
        }

        if (UploadChecks.SanitizeFileName(fileName) is not { } safeName)
        {
            return refuse["Error.FileName"];
        }

        var content = await UploadReader.ReadAsync(size, MaxFileBytes, openRead, ct);
        if (content is null)
        {
            return refuse.Format("Error.FileTooLarge", MaxFileBytes / 1024 / 1024);
        }

        var kind = UploadChecks.IsPdf(content) ? ("application/pdf", ".pdf") : UploadChecks.ImageKind(content);
        if (kind is not { } fileKind)
        {
            return refuse["Error.FileType"];
        }

        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is not { } scanned)
        {
            return refuse[UploadChecks.RefusalKey(scan.Status)];
        }

        var stored = await storage.SaveAsync(FileKind, fileKind.Item2, scanned, ct);
        var file = new ApplicationFile
        {
            ApplicationId = applicationId,
            FieldId = fieldId,
            FileName = safeName,
            StoredName = stored,
            ContentType = fileKind.Item1,
            Size = content.LongLength,
            Sha256 = ReceiptHash.Sha256(content),
            UploadedById = CallsAccess.UserId(user),
            UploadedAt = access.UtcNow,
        };
        db.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            storage.Delete(FileKind, stored);
            throw;
        }

        await live.ApplicationChangedAsync(call!.Id, applicationId, ct);
        return Outcome<Guid>.Done(file.Id);
    }

    /// <summary>Removes a file while the application can change (the row, audited, then the stored bytes).</summary>
    public async Task<Outcome<Guid>> RemoveFileAsync(ClaimsPrincipal user, Guid fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<ApplicationFile>().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
        {
            return refuse["Error.NotFound"];
        }

        var (_, call, refusal) = await ChangeableAsync(db, user, file.ApplicationId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.Remove(file);
        await db.SaveChangesAsync(ct);
        storage.Delete(FileKind, file.StoredName);
        await live.ApplicationChangedAsync(call!.Id, file.ApplicationId, ct);
        return Outcome<Guid>.Done(file.ApplicationId);
    }

    /// <summary>A file's bytes for whoever may read its application; null otherwise (the endpoint answers 404).</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenFileAsync(ClaimsPrincipal user, Guid fileId, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<ApplicationFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        var application = file is null ? null : await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == file.ApplicationId, ct);
        if (file is null || application is null || !CallsAccess.CanRead(caller, application))
        {
            return null;
        }

        return storage.OpenRead(FileKind, file.StoredName) is { } stream ? (stream, file.FileName, file.ContentType) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Money(decimal dirhams) => NoressFormat.Amount((long)Math.Round(dirhams * 100m, 0, MidpointRounding.AwayFromZero));

    private static string Html(string value) => WebUtility.HtmlEncode(value);

    private static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "ar" or "en" ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "fr";
}
