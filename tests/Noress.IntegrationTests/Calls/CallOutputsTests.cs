using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Calls.Outputs;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// The calls' outputs (issue 12 §13): decision letters sent once, results published and shown to whom they should be,
/// the jury's minutes created once, the scores' workbook without conflicted scores, and the PDFs read back.
/// </summary>
public sealed class CallOutputsTests
{
    private const string Password = "Outputs-test-2026!";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SendAsync_Twice_MailsEachLetterOnce(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.Selected, calls.AppA);
        await calls.SetStateAsync(ApplicationState.Rejected, calls.AppB);
        await calls.SetStateAsync(ApplicationState.Reserve, calls.AppC);
        var beforeSending = await Letter(calls, calls.ApplicantA, calls.AppA);
        var beforePublication = await Send(calls, calls.Secretariat);
        var mailsBeforePublication = await DecisionMailsAsync(calls);
        CallsReviewTestHost.Ok(await calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.Secretariat, calls.CallId, default)));

        var first = CallsReviewTestHost.Ok(await Send(calls, calls.Secretariat));
        var mailsAfterFirst = await DecisionMailsAsync(calls);
        var second = CallsReviewTestHost.Ok(await Send(calls, calls.Secretariat));
        var byJuror = await Send(calls, calls.JurorE);

        Assert.Null(beforeSending);
        Assert.Equal("Error.ResultsNotPublished", beforePublication.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(beforePublication.Error));
        Assert.Empty(mailsBeforePublication);
        Assert.Equal(new SendReport(3, 0), first);
        Assert.Equal(new SendReport(0, 3), second);
        Assert.Equal("Error.NotAllowed", byJuror.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(byJuror.Error));
        Assert.True(mailsAfterFirst.Count >= 3, $"{mailsAfterFirst.Count} mails");
        Assert.Equal(mailsAfterFirst, await DecisionMailsAsync(calls));
        Assert.Single(mailsAfterFirst, m => m.StartsWith($"call-decision:{calls.AppA:N}:Selected:", StringComparison.Ordinal));
        var letter = await Letter(calls, calls.ApplicantA, calls.AppA);
        Assert.NotNull(letter);
        Assert.Contains("60", letter.Markdown, StringComparison.Ordinal);
        Assert.Contains("Projet A", letter.Markdown, StringComparison.Ordinal);
        // Another institution's letter does not exist for A's people.
        Assert.Null(await Letter(calls, calls.ApplicantA, calls.AppB));
        await using var db = await calls.DbAsync();
        Assert.Equal(3, await db.Set<DecisionLetterSent>().CountAsync(s => s.ApplicationId == calls.AppA || s.ApplicationId == calls.AppB || s.ApplicationId == calls.AppC));
    }

    [Fact]
    public async Task SaveTemplateAsync_UnknownPlaceholder_RefusedNamingIt_KnownOnesSavedAndUsed()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        await calls.SetStateAsync(ApplicationState.Selected, calls.AppA);

        var refused = await calls.WithAsync<DecisionLetterService, Outcome<Guid>>(s =>
            s.SaveTemplateAsync(calls.Secretariat, calls.CallId, LetterOutcome.Selected, "fr", "Bonjour {{aplicant}}", default));
        var byMember = await calls.WithAsync<DecisionLetterService, Outcome<Guid>>(s =>
            s.SaveTemplateAsync(calls.ApplicantA, calls.CallId, LetterOutcome.Selected, "fr", "Bonjour {{applicant}}", default));
        CallsReviewTestHost.Ok(await calls.WithAsync<DecisionLetterService, Outcome<Guid>>(s =>
            s.SaveTemplateAsync(calls.Secretariat, calls.CallId, LetterOutcome.Selected, "fr", "Félicitations {{applicant}} pour {{project}} : {{amount}}", default)));
        var letter = await Letter(calls, calls.Secretariat, calls.AppA);
        var templates = await calls.WithAsync<DecisionLetterService, IReadOnlyList<LetterTemplateView>?>(s => s.TemplatesAsync(calls.Secretariat, calls.CallId, default));

        Assert.Equal("Error.UnknownPlaceholder", refused.Refusal?.Code);
        Assert.Contains("aplicant", refused.Error, StringComparison.Ordinal);
        Assert.Contains("{{applicant}}", refused.Error, StringComparison.Ordinal);
        Assert.Equal("Error.NotAllowed", byMember.Refusal?.Code);
        Assert.NotNull(letter);
        Assert.StartsWith("Félicitations ", letter.Markdown, StringComparison.Ordinal);
        Assert.Contains("Projet A", letter.Markdown, StringComparison.Ordinal);
        Assert.NotNull(templates);
        Assert.Equal(12, templates.Count);
        Assert.False(templates.Single(t => t.Outcome == LetterOutcome.Selected && t.Culture == "fr").IsDefault);
        Assert.True(templates.Single(t => t.Outcome == LetterOutcome.Selected && t.Culture == "ar").IsDefault);
    }

    [Fact]
    public async Task LetterAndDossier_OverHttp_PdfsReadBack_OthersGet404()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        var budgetField = Guid.NewGuid();
        await using (var db = await calls.DbAsync())
        {
            var applicantA = await db.Users.SingleAsync(u => u.Id == Id(calls.ApplicantA));
            applicantA.PreferredCulture = "ar";
            var application = await db.Set<CallApplication>().SingleAsync(a => a.Id == calls.AppA);
            application.SubmittedById = applicantA.Id;
            application.State = ApplicationState.Selected;
            (await db.Set<CallApplication>().SingleAsync(a => a.Id == calls.AppB)).State = ApplicationState.Rejected;
            (await db.Set<CallApplication>().SingleAsync(a => a.Id == calls.AppC)).State = ApplicationState.Reserve;
            db.Add(new CallFormField { Id = budgetField, CallId = calls.CallId, Position = 2, Kind = FormFieldKind.BudgetTable, LabelFr = "Budget détaillé", LabelAr = "الميزانية المفصلة" });
            db.Add(new ApplicationBudgetLine { ApplicationId = calls.AppA, FieldId = budgetField, Position = 0, Label = "Formation", Requested = 35_000m, OwnContribution = 12_500m });
            db.Add(new ApplicationBudgetLine { ApplicationId = calls.AppA, FieldId = budgetField, Position = 1, Label = "Matériel", Requested = 25_000m, OwnContribution = 17_500m });
            var sheet = new ScoreSheet { ApplicationId = calls.AppA, JurorId = calls.JurorEId, State = ScoreSheetState.Submitted, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(sheet);
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionQuality, Points = 7 });
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionImpact, Points = 3 });
            await db.SaveChangesAsync();
        }

        CallsReviewTestHost.Ok(await calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.Secretariat, calls.CallId, default)));
        using var applicant = await SignInAsync(calls, calls.ApplicantA);
        using var secretariat = await calls.Host.Factory.CreateSignedInClientAsync("secretariat@noress.demo");
        using var otherMember = await SignInAsync(calls, calls.JurorF);
        using var conflicted = await SignInAsync(calls, calls.Conflicted);

        var letter = await Pdf(applicant, $"/applications/{calls.AppA}/decision-letter");
        var dossier = await Pdf(secretariat, $"/applications/{calls.AppA}/dossier");

        // The letter is in the applicant's language (Arabic), with the amount granted.
        Assert.Contains("قبوله", letter, StringComparison.Ordinal);
        Assert.Contains("60.000,00", letter, StringComparison.Ordinal);
        // The dossier: the budget table's values and totals, the history and the secretariat's scores.
        Assert.Contains("35.000,00", dossier, StringComparison.Ordinal);
        Assert.Contains("30.000,00", dossier, StringComparison.Ordinal);
        Assert.Contains("60.000,00", dossier, StringComparison.Ordinal);
        Assert.Contains("90.000,00", dossier, StringComparison.Ordinal);
        Assert.Contains("Représentant", dossier, StringComparison.Ordinal);
        foreach (var path in new[] { $"/applications/{calls.AppA}/decision-letter", $"/applications/{calls.AppA}/dossier" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherMember.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await conflicted.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Dossier_BlindJuror_NoApplicantNoFileNamesNoScores_ConflictedJurorNothing()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite, blind: true);
        await calls.SetStateAsync(ApplicationState.UnderEvaluation, calls.AppA, calls.AppB, calls.AppC);
        CallsReviewTestHost.Ok(await calls.WithAsync<App.Calls.Review.JuryService, Outcome<Guid>>(s => s.AssignAsync(calls.Secretariat, calls.AppB, calls.JurorEId, default)));
        CallsReviewTestHost.Ok(await calls.WithAsync<App.Calls.Review.JuryService, Outcome<Guid>>(s => s.DeclareAsync(calls.JurorE, calls.AppB, false, null, default)));

        var juror = await Dossier(calls, calls.JurorE, calls.AppB);
        var staff = await Dossier(calls, calls.Secretariat, calls.AppB);
        var conflicted = await Dossier(calls, calls.Conflicted, calls.AppA);
        var notAssigned = await Dossier(calls, calls.JurorF, calls.AppB);

        Assert.NotNull(juror);
        Assert.NotNull(staff);
        // Names are escaped for markdown (a backslash before each hyphen): compare the text as the PDF shows it.
        var jurorText = juror.Markdown.Replace("\\", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("budget-cooperative-b", jurorText, StringComparison.Ordinal);
        Assert.Contains("application-2-field2-1.pdf", jurorText, StringComparison.Ordinal);
        Assert.DoesNotContain("Représentant", jurorText, StringComparison.Ordinal);
        Assert.Contains("budget-cooperative-b", staff.Markdown.Replace("\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(conflicted);
        Assert.Null(notAssigned);
    }

    [Fact]
    public async Task ScoresWorkbook_ConflictedScoresAbsent_JurorsGetNothing_ChairWithoutConflictedEntry()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);
        await AddSheetsAsync(calls);

        var staff = await calls.WithAsync<ScoresExportService, ExportFile?>(s => s.ExportAsync(calls.Secretariat, calls.CallId, default));
        var chair = await calls.WithAsync<ScoresExportService, ExportFile?>(s => s.ExportAsync(calls.Conflicted, calls.CallId, default));
        var juror = await calls.WithAsync<ScoresExportService, ExportFile?>(s => s.ExportAsync(calls.JurorE, calls.CallId, default));

        Assert.Null(juror);
        Assert.NotNull(staff);
        var (scores, aggregates) = Read(staff.Content);
        // Header + A×E, A×F, B×E: the conflicted chair's 10/10 on A is not there.
        Assert.Equal(4, scores.Count);
        Assert.All(scores.Skip(1), r => Assert.NotEqual(10d, Convert.ToDouble(r["E"], System.Globalization.CultureInfo.InvariantCulture)));
        var conflictedName = await NameAsync(calls, calls.ConflictedId);
        Assert.DoesNotContain(scores, r => Equals(r["D"], conflictedName));
        Assert.Equal(2, scores.Count(r => Equals(r["B"], "Projet A")));
        // A: E gives 8/10 and 4/5, F 6/10 and 2/5; weights 2 and 1 on a scale of 20: totals 16 and 10.666…, mean 13.33.
        var a = aggregates.Single(r => Equals(r["B"], "Projet A"));
        Assert.Equal(13.33d, Convert.ToDouble(a["E"], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Equal(2d, Convert.ToDouble(a["H"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(chair);
        var (chairScores, chairAggregates) = Read(chair.Content);
        Assert.DoesNotContain(chairScores, r => Equals(r["B"], "Projet A"));
        Assert.DoesNotContain(chairAggregates, r => Equals(r["B"], "Projet A"));
        Assert.Contains(chairScores, r => Equals(r["B"], "Projet B"));

        using var jurorClient = await SignInAsync(calls, calls.JurorE);
        using var xlsx = await jurorClient.GetAsync($"/calls/{calls.CallId}/scores.xlsx");
        Assert.True(xlsx.StatusCode == HttpStatusCode.NotFound, $"{(int)xlsx.StatusCode} {xlsx.Headers.Location}");
    }

    [Fact]
    public async Task Minutes_CreatedOnce_PrefilledWithRankingAndConflictCountsOnly()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);
        await AddSheetsAsync(calls);

        var first = CallsReviewTestHost.Ok(await calls.WithAsync<JuryMinutesService, Outcome<Guid>>(s => s.OpenOrCreateAsync(calls.Secretariat, calls.CallId, default)));
        var second = CallsReviewTestHost.Ok(await calls.WithAsync<JuryMinutesService, Outcome<Guid>>(s => s.OpenOrCreateAsync(calls.Secretariat, calls.CallId, default)));
        var byConflictedChair = await calls.WithAsync<JuryMinutesService, Outcome<Guid>>(s => s.OpenOrCreateAsync(calls.Conflicted, calls.CallId, default));
        var byJuror = await calls.WithAsync<JuryMinutesService, Outcome<Guid>>(s => s.OpenOrCreateAsync(calls.JurorE, calls.CallId, default));
        var document = await calls.WithAsync<DocumentService, DocumentView?>(s => s.GetAsync(calls.Secretariat, first, default));
        var asJuror = await calls.WithAsync<DocumentService, DocumentView?>(s => s.GetAsync(calls.JurorE, first, default));
        var asChair = await calls.WithAsync<DocumentService, DocumentView?>(s => s.GetAsync(calls.Conflicted, first, default));

        Assert.Equal(first, second);
        Assert.Equal("Error.NotAllowed", byConflictedChair.Refusal?.Code);
        Assert.Equal("Error.NotAllowed", byJuror.Refusal?.Code);
        Assert.NotNull(document);
        Assert.Equal(DocumentSpaceKind.Call, document.SpaceKind);
        Assert.Null(asJuror);
        Assert.Null(asChair);
        // Names are escaped for markdown: read the text as it shows.
        var text = document.Text.Replace("\\", string.Empty, StringComparison.Ordinal);
        Assert.Contains("Projet A", text, StringComparison.Ordinal);
        Assert.Matches("13[.,]33", text);
        var conflictedName = await NameAsync(calls, calls.ConflictedId);
        // The chair appears twice: among the jurors, then under the conflicts with a count and nothing of the entry.
        var lines = text.Split('\n').Where(l => l.Contains(conflictedName + " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        var conflictLine = lines[1];
        Assert.Contains("1", conflictLine, StringComparison.Ordinal);
        Assert.DoesNotContain("Projet", conflictLine, StringComparison.Ordinal);
        await using var db = await calls.DbAsync();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.SpaceKind == DocumentSpaceKind.Call && d.SpaceId == calls.CallId));
    }

    [Fact]
    public async Task Results_NothingBeforePublication_MembersThenPublicForOpenCalls_NamesEvenWhenBlind_Arabic()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite, blind: true);
        await calls.SetStateAsync(ApplicationState.Selected, calls.AppA);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppB);
        await calls.SetStateAsync(ApplicationState.Rejected, calls.AppC);
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        var before = await Results(calls, calls.ApplicantA, publicPage: false);
        var undecided = await calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.Secretariat, calls.CallId, default));
        await calls.SetStateAsync(ApplicationState.Reserve, calls.AppB);
        var byMember = await calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.ApplicantA, calls.CallId, default));
        CallsReviewTestHost.Ok(await calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.Secretariat, calls.CallId, default)));
        var members = await Results(calls, calls.JurorF, publicPage: false);
        var publicBeforeOpen = await Results(calls, anonymous, publicPage: true);
        await using (var db = await calls.DbAsync())
        {
            (await db.Set<Call>().SingleAsync(c => c.Id == calls.CallId)).OpenToOutsideInitiatives = true;
            await db.SaveChangesAsync();
        }

        var open = await Results(calls, anonymous, publicPage: true);

        Assert.Null(before);
        Assert.Equal("Error.ResultsUndecided", undecided.Refusal?.Code);
        Assert.Equal("Error.NotAllowed", byMember.Refusal?.Code);
        Assert.NotNull(members);
        var line = Assert.Single(members.Lines);
        Assert.Equal(("Projet A", 60_000m), (line.Title, line.Amount!.Value));
        Assert.False(string.IsNullOrEmpty(line.Applicant));
        Assert.Null(publicBeforeOpen);
        Assert.NotNull(open);

        var client = calls.Host.Factory.CreateAnonymousClient();
        await client.GetAsync("/culture/set?culture=ar-MA&returnUrl=%2F");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/public/calls/{calls.CallId}/results"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("النتائج", page, StringComparison.Ordinal);
        Assert.Contains("دعوة تجريبية", page, StringComparison.Ordinal);
        Assert.Contains("Projet A", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Projet C", page, StringComparison.Ordinal);
    }

    private static Task<Outcome<SendReport>> Send(CallsReviewTestHost calls, ClaimsPrincipal user) =>
        calls.WithAsync<DecisionLetterService, Outcome<SendReport>>(s => s.SendAsync(user, calls.CallId, default));

    private static Task<DecisionLetter?> Letter(CallsReviewTestHost calls, ClaimsPrincipal user, Guid applicationId) =>
        calls.WithAsync<DecisionLetterService, DecisionLetter?>(s => s.LetterAsync(user, applicationId, default));

    private static Task<Dossier?> Dossier(CallsReviewTestHost calls, ClaimsPrincipal user, Guid applicationId) =>
        calls.WithAsync<DossierService, Dossier?>(s => s.DossierAsync(user, applicationId, default));

    private static Task<CallResultsView?> Results(CallsReviewTestHost calls, ClaimsPrincipal user, bool publicPage) =>
        calls.WithAsync<CallResultsService, CallResultsView?>(s => s.LoadAsync(user, calls.CallId, publicPage, default));

    private static async Task<List<string>> DecisionMailsAsync(CallsReviewTestHost calls)
    {
        await using var db = await calls.DbAsync();
        return await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("call-decision:")).Select(m => m.IdempotencyKey).OrderBy(k => k).ToListAsync();
    }

    /// <summary>E scores A 8/4 and B 7/3, F scores A 6/2; the chair (conflicted with A through the partnership) slipped in 10/5 on A.</summary>
    private static async Task AddSheetsAsync(CallsReviewTestHost calls)
    {
        await using var db = await calls.DbAsync();
        foreach (var (application, juror, quality, impact) in new[]
        {
            (calls.AppA, calls.JurorEId, 8, 4), (calls.AppA, calls.JurorFId, 6, 2), (calls.AppB, calls.JurorEId, 7, 3), (calls.AppA, calls.ConflictedId, 10, 5),
        })
        {
            var sheet = new ScoreSheet { ApplicationId = application, JurorId = juror, State = ScoreSheetState.Submitted, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(sheet);
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionQuality, Points = quality });
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionImpact, Points = impact });
        }

        await db.SaveChangesAsync();
    }

    private static (List<IDictionary<string, object?>> Scores, List<IDictionary<string, object?>> Aggregates) Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        var names = stream.GetSheetNames();
        Assert.Equal(2, names.Count);
        stream.Position = 0;
        var scores = stream.Query(useHeaderRow: false, sheetName: names[0]).Cast<IDictionary<string, object?>>().ToList();
        stream.Position = 0;
        var aggregates = stream.Query(useHeaderRow: false, sheetName: names[1]).Cast<IDictionary<string, object?>>().ToList();
        return (scores, aggregates);
    }

    private static async Task<string> NameAsync(CallsReviewTestHost calls, Guid userId)
    {
        await using var db = await calls.DbAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync();
    }

    private static async Task<HttpClient> SignInAsync(CallsReviewTestHost calls, ClaimsPrincipal user)
    {
        await using (var scope = calls.Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var person = await users.FindByIdAsync(Id(user).ToString()) ?? throw new InvalidOperationException("No such person.");
            if (!await users.HasPasswordAsync(person))
            {
                var added = await users.AddPasswordAsync(person, Password);
                Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Description)));
            }

            // The host's representatives carry the Member role in their test principals only: give it to the account.
            if (!await users.IsInRoleAsync(person, Roles.Member))
            {
                Assert.True((await users.AddToRoleAsync(person, Roles.Member)).Succeeded);
            }
        }

        return await calls.Host.Factory.CreateSignedInClientAsync(user.FindFirstValue(ClaimTypes.Name)!, Password);
    }

    private static async Task<string> Pdf(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText.Text(await response.Content.ReadAsByteArrayAsync());
    }

    private static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
