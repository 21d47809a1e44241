using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Shared.Localization;

namespace Noress.App.Calls.Outputs;

/// <summary>An application's dossier ready to print.</summary>
/// <param name="Title">The reference (or a juror's neutral number).</param>
/// <param name="Subtitle">The call.</param>
/// <param name="Markdown">Its body.</param>
/// <param name="FileName">The PDF's name.</param>
public sealed record Dossier(string Title, string Subtitle, string Markdown, string FileName);

/// <summary>
/// An application's dossier (issue 12 §13): answers, the budget table with its totals, partners, the files list and the
/// workflow's history; the secretariat also reads every counted score sheet. The application's representatives (or the
/// outside account that applied) read theirs without the scores, and without the decision until the results are published. A juror who may see the entry reads its answers, budget, partners and files, but neither the
/// history nor the scores; in a blind call without the applicant, the partners' names or the files' names (ADR 0042).
/// Everyone else, a conflicted juror included, gets null.
/// </summary>
public sealed class DossierService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CallsAccess callsAccess,
    ReviewAccess reviewAccess,
    DocumentAuthority documents,
    IStringLocalizer<OutputsText> text)
{
    private enum Reader
    {
        Staff,
        Applicant,
        Juror,
    }

    /// <summary>The dossier for the caller; null when they may not read the application.</summary>
    public async Task<Dossier?> DossierAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (await callsAccess.CallerAsync(user, ct) is not { } caller)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return null;
        }

        var picture = await reviewAccess.PictureAsync(db, application.CallId, ct);
        Reader reader;
        if (caller.IsStaff)
        {
            reader = Reader.Staff;
        }
        else if (await callsAccess.HoldsPapersAsync(db, caller, application, ct))
        {
            reader = Reader.Applicant;
        }
        else if (picture is not null && await reviewAccess.CallerAsync(user, application.CallId, ct) is { } juror && ReviewAccess.CanSeeEntry(juror, picture, applicationId))
        {
            reader = Reader.Juror;
        }
        else
        {
            return null;
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        // The applicant reads the decision in its dossier only with the results (ADR 0050).
        var published = reader != Reader.Applicant || await ResultsPublication.IsPublishedAsync(db, call.Id, ct);
        var blind = reader == Reader.Juror && call.IsBlind;
        var reference = reader == Reader.Juror ? text["Dossier.Entry", ReviewNames.Reference(application.Number)].Value : CallService.Reference(call, application.Number);
        var markdown = new StringBuilder();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"## {LetterTemplates.Escape(PeopleText.Plain(application.Title))}").AppendLine();
        if (!blind)
        {
            var names = await JuryService.ApplicantNamesAsync(db, [application], ct);
            markdown.AppendLine(CultureInfo.InvariantCulture, $"**{text["Column.Applicant"].Value}** : {LetterTemplates.Escape(names.GetValueOrDefault(application.Id, string.Empty))}  ");
        }

        markdown.AppendLine(CultureInfo.InvariantCulture, $"**{text["Dossier.State"].Value}** : {text[$"State.{ResultsPublication.ShownState(application.State, published)}"].Value}  ");
        if (application.SubmittedAt is { } submitted)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"**{text["Dossier.SubmittedAt"].Value}** : {NoressFormat.LongDateTime(submitted)}  ");
        }

        markdown.AppendLine();
        await AnswersAsync(db, markdown, call, application, blind, ct);
        if (reader != Reader.Juror)
        {
            await HistoryAsync(db, markdown, application, published, ct);
        }

        if (reader == Reader.Staff && picture is not null)
        {
            await ScoresAsync(db, markdown, picture, application, ct);
        }

        return new Dossier($"{text["Dossier.Title"].Value} {reference}", OutputsDisplay.CallTitle(call), markdown.ToString(),
            $"{(reader == Reader.Juror ? "application-" + ReviewNames.Reference(application.Number) : reference)}-dossier.pdf");
    }

    private async Task AnswersAsync(NoressDbContext db, StringBuilder markdown, Call call, CallApplication application, bool blind, CancellationToken ct)
    {
        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == call.Id).OrderBy(f => f.Position).ToListAsync(ct);
        var answers = await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == application.Id).ToListAsync(ct);
        var lines = await db.Set<ApplicationBudgetLine>().AsNoTracking().Where(l => l.ApplicationId == application.Id).OrderBy(l => l.Position).ToListAsync(ct);
        var partners = await db.Set<ApplicationPartner>().AsNoTracking().Where(p => p.ApplicationId == application.Id).OrderBy(p => p.Position).ToListAsync(ct);
        var files = await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == application.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        var partnerIds = partners.Select(p => p.InstitutionId).OfType<Guid>().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => partnerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.NameFr, ct);
        foreach (var field in fields)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"### {LetterTemplates.Escape(Label(field))}").AppendLine();
            var answer = answers.SingleOrDefault(a => a.FieldId == field.Id);
            switch (field.Kind)
            {
                case FormFieldKind.Text:
                    markdown.AppendLine(Text(answer?.Text));
                    break;
                case FormFieldKind.LongText:
                    var head = answer?.DocumentId is { } documentId ? await documents.GetHeadAsync(documentId, ct) : null;
                    // The applicant's own markdown, rendered by the safe renderer like every document.
                    markdown.AppendLine(string.IsNullOrWhiteSpace(head?.Text) ? "–" : head.Text.Trim());
                    break;
                case FormFieldKind.Amount:
                    markdown.AppendLine(answer?.Amount is { } amount ? OutputsDisplay.Money(amount) : "–");
                    break;
                case FormFieldKind.Date:
                    markdown.AppendLine(answer?.Date is { } date ? NoressFormat.LongDate(date) : "–");
                    break;
                case FormFieldKind.Choice:
                    markdown.AppendLine(Text(Choice(field, answer?.Text)));
                    break;
                case FormFieldKind.BudgetTable:
                    Budget(markdown, [.. lines.Where(l => l.FieldId == field.Id)]);
                    break;
                case FormFieldKind.Partners:
                    var mine = partners.Where(p => p.FieldId == field.Id).ToList();
                    if (mine.Count == 0)
                    {
                        markdown.AppendLine("–");
                    }

                    foreach (var (partner, i) in mine.Select((p, i) => (p, i)))
                    {
                        var name = blind ? text["Dossier.Partner", i + 1].Value
                            : partner.InstitutionId is { } id ? institutions.GetValueOrDefault(id, string.Empty) : partner.Name ?? string.Empty;
                        var role = string.IsNullOrWhiteSpace(partner.Role) ? string.Empty : " – " + LetterTemplates.Escape(PeopleText.Plain(partner.Role));
                        markdown.AppendLine(CultureInfo.InvariantCulture, $"- {LetterTemplates.Escape(PeopleText.Plain(name))}{role}");
                    }

                    break;
                case FormFieldKind.Files:
                    var attached = files.Where(f => f.FieldId == field.Id).ToList();
                    if (attached.Count == 0)
                    {
                        markdown.AppendLine("–");
                    }

                    foreach (var (file, i) in attached.Select((f, i) => (f, i)))
                    {
                        var name = blind ? ReviewNames.FileName(application.Number, field.Position, i, ReviewNames.Extension(file.FileName)) : PeopleText.Plain(file.FileName);
                        markdown.AppendLine(CultureInfo.InvariantCulture, $"- {LetterTemplates.Escape(name)} ({NoressFormat.Number((file.Size + 1023) / 1024)} KB)");
                    }

                    break;
            }

            markdown.AppendLine();
        }
    }

    private void Budget(StringBuilder markdown, IReadOnlyList<ApplicationBudgetLine> lines)
    {
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| {text["Budget.Line"].Value} | {text["Budget.Requested"].Value} | {text["Budget.Own"].Value} | {text["Budget.Total"].Value} |");
        markdown.AppendLine("|---|---:|---:|---:|");
        foreach (var line in lines)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| {LetterTemplates.Escape(PeopleText.Plain(line.Label))} | {OutputsDisplay.Money(line.Requested)} | {OutputsDisplay.Money(line.OwnContribution)} | {OutputsDisplay.Money(line.Requested + line.OwnContribution)} |");
        }

        var requested = lines.Sum(l => l.Requested);
        var own = lines.Sum(l => l.OwnContribution);
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"| **{text["Budget.Totals"].Value}** | **{OutputsDisplay.Money(requested)}** | **{OutputsDisplay.Money(own)}** | **{OutputsDisplay.Money(requested + own)}** |");
    }

    private async Task HistoryAsync(NoressDbContext db, StringBuilder markdown, CallApplication application, bool published, CancellationToken ct)
    {
        var steps = (await db.Set<ApplicationTransition>().AsNoTracking().Where(t => t.ApplicationId == application.Id).OrderBy(t => t.At).ToListAsync(ct))
            .Where(t => ResultsPublication.ShowsStep(t.From, t.To, published)).ToList();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"### {text["Dossier.History"].Value}").AppendLine();
        if (steps.Count == 0)
        {
            markdown.AppendLine("–");
        }

        foreach (var step in steps)
        {
            var reason = step.Reason is null ? string.Empty : " – " + LetterTemplates.Escape(PeopleText.Plain(step.Reason));
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {NoressFormat.DateTime(step.At)} : {text[$"State.{step.From}"].Value} → {text[$"State.{step.To}"].Value}{reason}");
        }

        markdown.AppendLine();
    }

    private async Task ScoresAsync(NoressDbContext db, StringBuilder markdown, JuryPicture picture, CallApplication application, CancellationToken ct)
    {
        var criteria = await ScoreSheetService.CriteriaAsync(db, application.CallId, ct);
        var grid = ScoreSheetService.Grid(criteria);
        var sheets = (await db.Set<ScoreSheet>().AsNoTracking().Where(s => s.ApplicationId == application.Id && s.State == ScoreSheetState.Submitted).ToListAsync(ct))
            .Where(s => !picture.IsConflicted(s.ApplicationId, s.JurorId)).ToList();
        var sheetIds = sheets.Select(s => s.Id).ToList();
        var scores = (await db.Set<Score>().AsNoTracking().Where(s => sheetIds.Contains(s.SheetId)).ToListAsync(ct)).ToLookup(s => s.SheetId);
        var jurorIds = sheets.Select(s => s.JurorId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var index = criteria.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        markdown.AppendLine(CultureInfo.InvariantCulture, $"### {text["Dossier.Scores"].Value}").AppendLine();
        if (sheets.Count == 0 || criteria.Count == 0)
        {
            markdown.AppendLine("–");
            return;
        }

        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"| {text["Column.Juror"].Value} | {string.Join(" | ", criteria.Select(c => LetterTemplates.Escape(BilingualText.Preferred(c.LabelFr, c.LabelAr))))} | {text["Column.Total", ScoreSheetService.Scale].Value} |");
        markdown.AppendLine("|---|" + string.Concat(criteria.Select(_ => "---:|")) + "---:|");
        var totals = new List<decimal>();
        foreach (var sheet in sheets.OrderBy(s => names.GetValueOrDefault(s.JurorId), StringComparer.CurrentCulture))
        {
            var given = scores[sheet.Id].Where(s => index.ContainsKey(s.CriterionId)).ToDictionary(s => index[s.CriterionId], s => s.Points);
            var total = grid.Total(given);
            totals.Add(total);
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| {LetterTemplates.Escape(names.GetValueOrDefault(sheet.JurorId, string.Empty))} | {string.Join(" | ", criteria.Select((_, i) => given.TryGetValue(i, out var p) ? p.ToString("0.##", CultureInfo.CurrentCulture) : "–"))} | {OutputsDisplay.Stat(total)} |");
        }

        markdown.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{text["Column.Mean"].Value} : {OutputsDisplay.Stat(totals.Average())}");
    }

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "–" : LetterTemplates.Escape(PeopleText.Plain(value.Trim()));

    private static string Label(CallFormField field) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
        {
            "ar" => field.LabelAr,
            "en" when !string.IsNullOrWhiteSpace(field.LabelEn) => field.LabelEn,
            _ => field.LabelFr,
        };

    private static string? Choice(CallFormField field, string? index)
    {
        var options = (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
        {
            "ar" => field.ChoicesAr,
            "en" when !string.IsNullOrWhiteSpace(field.ChoicesEn) => field.ChoicesEn,
            _ => field.ChoicesFr,
        } ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries);
        return int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < options.Length ? options[i] : index;
    }
}
