using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Email;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Markdown;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Outputs;

/// <summary>One template as the secretariat edits it.</summary>
/// <param name="Outcome">The outcome it announces.</param>
/// <param name="Culture">fr, ar or en.</param>
/// <param name="Markdown">Its text, the call's own or the default.</param>
/// <param name="IsDefault">No template of the call's own: the default is used.</param>
public sealed record LetterTemplateView(LetterOutcome Outcome, string Culture, string Markdown, bool IsDefault);

/// <summary>A decision letter ready to print.</summary>
/// <param name="Title">Its title (the reference and the outcome).</param>
/// <param name="Subtitle">The call.</param>
/// <param name="Markdown">The filled template.</param>
/// <param name="Culture">The letter's language (the applicant's).</param>
/// <param name="FileName">The PDF's name.</param>
public sealed record DecisionLetter(string Title, string Subtitle, string Markdown, CultureInfo Culture, string FileName);

/// <summary>What sending the decisions did.</summary>
/// <param name="Sent">Letters sent now.</param>
/// <param name="AlreadySent">Decided applications whose letter had been sent before (not sent again).</param>
public sealed record SendReport(int Sent, int AlreadySent);

/// <summary>
/// Decision letters (issue 12 §13): a template per outcome and language, the call's own or the default; a letter per
/// decided application in the applicant's language, read by the secretariat (any time) and by the application's
/// representatives or outside account once the results are published (<see cref="ResultsPublication"/>), and mailed
/// through the outbox when the secretariat sends the decisions (after publication only): a marker row per application and
/// outcome, written with the mails in one transaction serialized per call, so sending twice mails once.
/// </summary>
public sealed class DecisionLetterService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CallsAccess access,
    IEventBus bus,
    IStringLocalizer<OutputsText> text,
    Refusals<OutputsText> refuse)
{
    /// <summary>Every template of the call's kind in every language; null unless the caller is the secretariat and the call exists.</summary>
    public async Task<IReadOnlyList<LetterTemplateView>?> TemplatesAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var own = await db.Set<DecisionLetterTemplate>().AsNoTracking().Where(t => t.CallId == callId).ToListAsync(ct);
        return [.. LetterTemplates.Outcomes(call.Kind).SelectMany(o => LetterTemplates.Cultures.Select(c =>
            own.SingleOrDefault(t => t.Outcome == o && t.Culture == c) is { } saved
                ? new LetterTemplateView(o, c, saved.Markdown, false)
                : new LetterTemplateView(o, c, DefaultTemplate(o, c), true)))];
    }

    /// <summary>The default template of an outcome in a language (from the resources).</summary>
    public string DefaultTemplate(LetterOutcome outcome, string culture) =>
        NotificationMails.InCulture(culture, () => text[$"Template.{outcome}"].Value);

    /// <summary>Saves the call's template for one outcome and language; an unknown placeholder is refused, naming it.</summary>
    public async Task<Outcome<Guid>> SaveTemplateAsync(ClaimsPrincipal user, Guid callId, LetterOutcome outcome, string culture, string? markdown, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user) || CallsAccess.UserId(user) is not { } userId)
        {
            return refuse["Error.NotAllowed"];
        }

        markdown = markdown?.Trim() ?? string.Empty;
        if (markdown.Length == 0)
        {
            return refuse["Error.TemplateEmpty"];
        }

        if (markdown.Length > LetterTemplates.MaxLength)
        {
            return refuse.Format("Error.TemplateTooLong", LetterTemplates.MaxLength);
        }

        if (LetterTemplates.Unknown(markdown) is { Count: > 0 } unknown)
        {
            return refuse.Format("Error.UnknownPlaceholder", string.Join(", ", unknown), string.Join(", ", LetterTemplates.Placeholders.Select(p => "{{" + p + "}}")));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return refuse["Error.CallNotFound"];
        }

        if (!LetterTemplates.Outcomes(call.Kind).Contains(outcome) || !LetterTemplates.Cultures.Contains(culture))
        {
            return refuse["Error.TemplateUnknown"];
        }

        var template = await db.Set<DecisionLetterTemplate>().SingleOrDefaultAsync(t => t.CallId == callId && t.Outcome == outcome && t.Culture == culture, ct);
        if (template is null)
        {
            template = new DecisionLetterTemplate { CallId = callId, Outcome = outcome, Culture = culture, Markdown = markdown };
            db.Add(template);
        }

        template.Markdown = markdown;
        template.UpdatedById = userId;
        template.UpdatedAt = access.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people saved the first version of the same template at once: the other one's is kept.
            return refuse["Error.TemplateChanged"];
        }

        await bus.PublishAsync(Topics.Call(callId), new BusEvent(OutputEvents.Outputs), CancellationToken.None);
        return Outcome<Guid>.Done(template.Id);
    }

    /// <summary>
    /// The decision letter of an application: the secretariat reads it as soon as the application is decided, the
    /// representatives of the applicant institution (or the outside account that applied) once the call's results are
    /// published; null for anyone else (the same as for no application).
    /// </summary>
    public async Task<DecisionLetter?> LetterAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (await access.CallerAsync(user, ct) is not { } caller)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || LetterTemplates.OutcomeOf(application.State) is not { } outcome)
        {
            return null;
        }

        // The applicant's letter is part of the results: only once they are published, and only for its holders.
        if (!caller.IsStaff && !(await access.HoldsPapersAsync(db, caller, application, ct) && await ResultsPublication.IsPublishedAsync(db, application.CallId, ct)))
        {
            return null;
        }

        var sent = await db.Set<DecisionLetterSent>().AsNoTracking().SingleOrDefaultAsync(s => s.ApplicationId == applicationId && s.Outcome == outcome, ct);

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        return await ComposeAsync(db, call, application, outcome, sent?.Culture ?? await LetterCultureAsync(db, application, ct), ct);
    }

    /// <summary>
    /// Sends every decided application's letter not sent yet, to the active people of its applicant's side, through the
    /// outbox; the marker and the mails commit together, and the call's row is claimed first, so two sends at once
    /// mail each letter once.
    /// </summary>
    public async Task<Outcome<SendReport>> SendAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user) || CallsAccess.UserId(user) is not { } userId)
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim (ADR 0039), so sends and workflow steps of one call run one after the other.
        if (!await CallClaim.TakeAsync(db, callId, ct))
        {
            return refuse["Error.CallNotFound"];
        }

        // Letters announce decisions: never before the results are (ADR 0050).
        if (!await ResultsPublication.IsPublishedAsync(db, callId, ct))
        {
            return refuse["Error.ResultsNotPublished"];
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == callId, ct);
        var applications = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Number).ToListAsync(ct))
            .Where(a => LetterTemplates.OutcomeOf(a.State) is not null).ToList();
        if (applications.Count == 0)
        {
            return refuse["Error.NothingDecided"];
        }

        var ids = applications.Select(a => a.Id).ToList();
        var sent = (await db.Set<DecisionLetterSent>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(ct))
            .Select(s => (s.ApplicationId, s.Outcome)).ToHashSet();
        var now = access.UtcNow;
        var report = new SendReport(0, 0);
        foreach (var application in applications)
        {
            var outcome = LetterTemplates.OutcomeOf(application.State)!.Value;
            if (sent.Contains((application.Id, outcome)))
            {
                report = report with { AlreadySent = report.AlreadySent + 1 };
                continue;
            }

            var culture = await LetterCultureAsync(db, application, ct);
            var letter = await ComposeAsync(db, call, application, outcome, culture, ct);
            foreach (var person in await ApplicantPeopleAsync(db, application, ct))
            {
                OutboxMail.Add(db, LetterMail(person.Email, person.Name, application.Id, letter), $"call-decision:{application.Id:N}:{outcome}:{person.Id:N}",
                    culture, NotificationCategories.Calls, person.Id, now);
            }

            db.Add(new DecisionLetterSent { ApplicationId = application.Id, Outcome = outcome, Culture = culture, SentAt = now, SentById = userId });
            report = report with { Sent = report.Sent + 1 };
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(OutputEvents.Outputs), CancellationToken.None);
        return Outcome<SendReport>.Done(report);
    }

    /// <summary>The letter's language: the submitter's (or the outside applicant's, or the author's) preferred one; French otherwise.</summary>
    internal static async Task<string> LetterCultureAsync(NoressDbContext db, CallApplication application, CancellationToken ct)
    {
        foreach (var id in new[] { application.SubmittedById, application.ApplicantUserId, application.CreatedById }.OfType<Guid>())
        {
            var preferred = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct);
            if (preferred is not null)
            {
                var language = preferred.Split('-')[0];
                return LetterTemplates.Cultures.Contains(language) ? language : "fr";
            }
        }

        return "fr";
    }

    private async Task<DecisionLetter> ComposeAsync(NoressDbContext db, Call call, CallApplication application, LetterOutcome outcome, string culture, CancellationToken ct)
    {
        var stored = await db.Set<DecisionLetterTemplate>().AsNoTracking()
            .Where(t => t.CallId == call.Id && t.Outcome == outcome && t.Culture == culture).Select(t => t.Markdown).SingleOrDefaultAsync(ct);
        var template = stored ?? DefaultTemplate(outcome, culture);
        var decision = await db.Set<ApplicationTransition>().AsNoTracking().Where(t => t.ApplicationId == application.Id && t.To == application.State)
            .OrderByDescending(t => t.At).FirstOrDefaultAsync(ct);
        var prize = application.PrizeRank is { } rank && outcome == LetterOutcome.Prize
            ? await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == call.Id && p.Rank == rank).Select(p => (decimal?)p.Amount).SingleOrDefaultAsync(ct)
            : null;
        var applicant = await ApplicantNameAsync(db, application, culture, ct);
        var reference = CallService.Reference(call, application.Number);
        var cultureInfo = CultureInfo.GetCultureInfo(NoressCultures.Normalize(culture));
        return NotificationMails.InCulture(culture, () =>
        {
            var amount = outcome == LetterOutcome.Selected ? OutputsDisplay.Money(application.RequestedAmount, cultureInfo)
                : prize is { } p ? OutputsDisplay.Money(p, cultureInfo) : string.Empty;
            var values = new LetterValues(PeopleText.Plain(applicant), PeopleText.Plain(application.Title), OutputsDisplay.CallTitle(call, culture), call.Edition.ToString(cultureInfo), amount,
                application.PrizeRank?.ToString(cultureInfo) ?? string.Empty, NoressFormat.LongDate(decision?.At ?? application.UpdatedAt, cultureInfo), decision?.Reason ?? string.Empty);
            var title = $"{text["Letter.Title"].Value} {reference}";
            return new DecisionLetter(title, OutputsDisplay.CallTitle(call, culture), LetterTemplates.Fill(template, values), cultureInfo,
                $"{reference}-decision.pdf");
        });
    }

    private static async Task<string> ApplicantNameAsync(NoressDbContext db, CallApplication application, string culture, CancellationToken ct)
    {
        if (application.InstitutionId is { } institutionId)
        {
            var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => new { i.NameFr, i.NameAr }).SingleOrDefaultAsync(ct);
            return institution is null ? string.Empty : culture == "ar" && !string.IsNullOrWhiteSpace(institution.NameAr) ? institution.NameAr : institution.NameFr;
        }

        return application.ApplicantUserId is { } personId
            ? await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? string.Empty
            : string.Empty;
    }

    private static async Task<List<(Guid Id, string Email, string Name)>> ApplicantPeopleAsync(NoressDbContext db, CallApplication application, CancellationToken ct)
    {
        var query = application.InstitutionId is { } institution
            ? db.Users.AsNoTracking().Where(u => u.InstitutionId == institution && u.IsActive)
            : db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId && u.IsActive);
        var people = await query.Where(u => u.Email != null && u.Email != string.Empty).Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct);
        return [.. people.Select(p => (p.Id, p.Email!, p.FullName))];
    }

    private OutgoingMail LetterMail(string email, string name, Guid applicationId, DecisionLetter letter)
    {
        var link = text["Mail.LetterPdf", DecisionLetterLink(applicationId)].Value;
        var html = SafeMarkdown.ToHtml(letter.Markdown) + $"<p>{WebUtility.HtmlEncode(link)}</p>";
        return new OutgoingMail(email, PeopleText.Plain(name), text["Mail.LetterSubject", letter.Subtitle].Value, html, letter.Markdown + "\n\n" + link);
    }

    /// <summary>Where the letter's PDF is downloaded.</summary>
    public static string DecisionLetterLink(Guid applicationId) => $"/applications/{applicationId}/decision-letter";
}
