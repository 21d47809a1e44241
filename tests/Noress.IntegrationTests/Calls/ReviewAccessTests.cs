using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// A juror conflicted with an entry sees nothing of it anywhere (issue 12 §8), their scores count nowhere, others'
/// scores stay sealed, and two jurors submitting at once are both kept; on SQLite and PostgreSQL.
/// </summary>
public sealed class ReviewAccessTests
{
    private static readonly CriterionScore[] NoScores = [];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConflictedJuror_ProbesEveryReadPath_GetsNothingOfTheEntry(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.UnderEvaluation, calls.AppA, calls.AppB, calls.AppC);
        var signals = new List<BusEvent>();
        using var subscription = calls.Host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Call(calls.CallId), e =>
        {
            lock (signals)
            {
                signals.Add(e);
            }

            return Task.CompletedTask;
        });

        // Assignment by hand of the conflicted entry is refused; the automatic one leaves it out.
        var byHand = await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.AssignAsync(calls.Secretariat, calls.AppA, calls.ConflictedId, default));
        var added = CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<int>>(s => s.AssignAutomaticallyAsync(calls.Secretariat, calls.CallId, 3, default)));
        // Declaring on the conflicted entry is refused as for an unknown one; on the others it opens them.
        var declareNone = await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(calls.Conflicted, calls.AppA, false, null, default));
        foreach (var (juror, app) in new[] { (calls.Conflicted, calls.AppB), (calls.Conflicted, calls.AppC), (calls.JurorE, calls.AppA), (calls.JurorF, calls.AppA) })
        {
            CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(juror, app, false, null, default)));
        }

        // A sheet slipped in on the conflicted entry (say, before the partnership was known) must count nowhere.
        await using (var db = await calls.DbAsync())
        {
            var sheet = new ScoreSheet { ApplicationId = calls.AppA, JurorId = calls.ConflictedId, State = ScoreSheetState.Submitted, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(sheet);
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionQuality, Points = 10 });
            db.Add(new Score { SheetId = sheet.Id, CriterionId = calls.CriterionImpact, Points = 5 });
            await db.SaveChangesAsync();
        }

        await SubmitAsync(calls, calls.JurorE, calls.AppA, 4, 2);
        await SubmitAsync(calls, calls.JurorF, calls.AppA, 6, 2);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);

        Assert.Equal("Error.EntryConflicted", byHand.Refusal?.Code);
        Assert.Equal(8, added); // three entries, k = 3, three jurors, one pair conflicted
        Assert.Equal("Error.ApplicationNotFound", declareNone.Refusal?.Code); // never assigned to it: the entry does not exist for them
        await using (var db = await calls.DbAsync())
        {
            Assert.False(await db.Set<JurorAssignment>().AnyAsync(a => a.ApplicationId == calls.AppA && a.JurorId == calls.ConflictedId));
        }

        // Lists.
        var mine = await calls.WithAsync<JuryService, IReadOnlyList<JurorEntry>>(s => s.MyEntriesAsync(calls.Conflicted, calls.CallId, default));
        Assert.DoesNotContain(mine, e => e.ApplicationId == calls.AppA);
        Assert.Equal(2, mine.Count);
        // The score sheet, to read or to write.
        Assert.Null(await calls.WithAsync<ScoreSheetService, SheetView?>(s => s.LoadAsync(calls.Conflicted, calls.AppA, default)));
        var scoring = await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.Conflicted, calls.AppA, Guid.Empty,
            [new CriterionScore(calls.CriterionQuality, 5, null)], null, false, default));
        Assert.False(scoring.Succeeded);
        // Files: listed and opened.
        Assert.Empty(await calls.WithAsync<ReviewFileService, IReadOnlyList<ReviewFile>>(s => s.ListAsync(calls.Conflicted, calls.AppA, default)));
        Assert.Null(await calls.WithAsync<ReviewFileService, (byte[], string, string)?>(s => s.OpenAsync(calls.Conflicted, calls.FileOfA, default)));
        Assert.NotNull(await calls.WithAsync<ReviewFileService, (byte[], string, string)?>(s => s.OpenAsync(calls.JurorE, calls.FileOfA, default)));
        // The workflow: no buttons, no history, no step.
        Assert.Empty(await calls.WithAsync<ApplicationWorkflowService, IReadOnlyList<AvailableStep>>(s => s.AvailableAsync(calls.Conflicted, calls.AppA, default)));
        Assert.Empty(await calls.WithAsync<ApplicationWorkflowService, IReadOnlyList<HistoryLine>>(s => s.HistoryAsync(calls.Conflicted, calls.AppA, default)));
        var decide = await calls.WithAsync<ApplicationWorkflowService, Outcome<Guid>>(s => s.TransitionAsync(calls.Conflicted, calls.AppA, ApplicationState.Selected, null, null, default));
        Assert.Equal("Error.ApplicationNotFound", decide.Refusal?.Code);
        // The screening page is the secretariat's only.
        Assert.Null(await calls.WithAsync<ScreeningService, ScreeningBoard?>(s => s.LoadAsync(calls.Conflicted, calls.CallId, default)));
        // The deliberation screen of the (conflicted) chair: the entry is not there, and the ranks have no gap.
        var chairBoard = await calls.WithAsync<DeliberationService, DeliberationBoard?>(s => s.LoadAsync(calls.Conflicted, calls.CallId, default));
        Assert.NotNull(chairBoard);
        Assert.DoesNotContain(chairBoard.Rows, r => r.ApplicationId == calls.AppA || r.Title == "Projet A");
        Assert.Equal(2, chairBoard.Rows.Count);
        // The secretariat's board: A's mean ignores the conflicted 20/20 sheet. Each criterion on its own range, weighted
        // 2:1 (ADR 0037): E (4/10, 2/5) = (2 x 0.4 + 0.4) / 3 x 20 = 8; F (6/10, 2/5) = (2 x 0.6 + 0.4) / 3 x 20 = 10.67.
        var board = await calls.WithAsync<DeliberationService, DeliberationBoard?>(s => s.LoadAsync(calls.Secretariat, calls.CallId, default));
        var rowA = board!.Rows.Single(r => r.ApplicationId == calls.AppA);
        Assert.Equal(2, rowA.Jurors);
        Assert.Equal(9.33m, Math.Round(rowA.Mean!.Value, 2));
        // Live feeds: the call's signals carry nothing of any entry.
        lock (signals)
        {
            Assert.NotEmpty(signals);
            Assert.All(signals, s => Assert.Null(s.Payload));
        }

        // Notifications: nothing about the entry reached the conflicted juror.
        await using var check = await calls.DbAsync();
        Assert.False(await check.Notifications.AnyAsync(n => n.UserId == calls.ConflictedId && (n.Title.Contains("Projet A") || (n.Body != null && n.Body.Contains("Projet A")))));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveAsync_TwoJurorsSubmittingAtOnce_BothKept_OthersSealedUntilOwnSubmitted(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.UnderEvaluation, calls.AppB);
        foreach (var juror in new[] { calls.JurorEId, calls.JurorFId })
        {
            CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.AssignAsync(calls.Secretariat, calls.AppB, juror, default)));
        }

        foreach (var juror in new[] { calls.JurorE, calls.JurorF })
        {
            CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(juror, calls.AppB, false, null, default)));
        }

        // F keeps a draft, then both submit at once.
        var draft = CallsReviewTestHost.Ok(await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorF, calls.AppB, Guid.Empty,
            [new CriterionScore(calls.CriterionQuality, 7, "Solide")], "Brouillon", false, default)));
        var beforeE = await calls.WithAsync<ScoreSheetService, SheetView?>(s => s.LoadAsync(calls.JurorE, calls.AppB, default));
        var outOfScale = await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorE, calls.AppB, Guid.Empty,
            [new CriterionScore(calls.CriterionQuality, 11, null), new CriterionScore(calls.CriterionImpact, 3, null)], null, true, default));
        var stale = await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorF, calls.AppB, Guid.Empty, NoScores, null, false, default));

        var both = await Task.WhenAll(
            Task.Run(() => calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorE, calls.AppB, Guid.Empty,
                [new CriterionScore(calls.CriterionQuality, 8, null), new CriterionScore(calls.CriterionImpact, 4, null)], "Bon projet", true, default))),
            Task.Run(() => calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorF, calls.AppB, draft,
                [new CriterionScore(calls.CriterionQuality, 7, "Solide"), new CriterionScore(calls.CriterionImpact, 2, null)], "Moyen", true, default))));

        Assert.Equal("Error.ScoreOutOfScale", outOfScale.Refusal?.Code);
        Assert.Equal("Error.SheetChanged", stale.Refusal?.Code);
        Assert.All(both, o => Assert.True(o.Succeeded, o.Error));
        Assert.True(beforeE!.Sealed);
        Assert.Empty(beforeE.Others);
        await using var db = await calls.DbAsync();
        var sheets = await db.Set<ScoreSheet>().Where(s => s.ApplicationId == calls.AppB).ToListAsync();
        Assert.Equal(2, sheets.Count);
        Assert.All(sheets, s => Assert.Equal(ScoreSheetState.Submitted, s.State));
        var afterE = await calls.WithAsync<ScoreSheetService, SheetView?>(s => s.LoadAsync(calls.JurorE, calls.AppB, default));
        Assert.False(afterE!.Sealed);
        Assert.Equal("Moyen", Assert.Single(afterE.Others).Comment);
        var again = await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorE, calls.AppB, afterE.Version, NoScores, null, false, default));
        Assert.Equal("Error.SheetSubmitted", again.Refusal?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task OpenAsync_BlindCall_NeutralNameAndNoMetadata(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider, blind: true);
        await calls.SetStateAsync(ApplicationState.UnderEvaluation, calls.AppB);
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.AssignAsync(calls.Secretariat, calls.AppB, calls.JurorEId, default)));
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(calls.JurorE, calls.AppB, false, null, default)));

        var listed = await calls.WithAsync<ReviewFileService, IReadOnlyList<ReviewFile>>(s => s.ListAsync(calls.JurorE, calls.AppB, default));
        var opened = await calls.WithAsync<ReviewFileService, (byte[] Content, string Name, string ContentType)?>(s => s.OpenAsync(calls.JurorE, calls.FileOfB, default));
        var staff = await calls.WithAsync<ReviewFileService, (byte[] Content, string Name, string ContentType)?>(s => s.OpenAsync(calls.Secretariat, calls.FileOfB, default));
        var entries = await calls.WithAsync<JuryService, IReadOnlyList<JurorEntry>>(s => s.MyEntriesAsync(calls.JurorE, calls.CallId, default));

        Assert.Equal("application-2-field2-1.pdf", Assert.Single(listed).Name);
        Assert.Equal("application-2-field2-1.pdf", opened!.Value.Name);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(opened.Value.Content))
        {
            Assert.True(string.IsNullOrEmpty(pdf.Information.Author));
            Assert.True(string.IsNullOrEmpty(pdf.Information.Title));
            Assert.Equal(1, pdf.NumberOfPages);
        }

        Assert.Equal("budget-cooperative-b.pdf", staff!.Value.Name);
        Assert.Null(Assert.Single(entries).Applicant);
    }

    private static async Task SubmitAsync(CallsReviewTestHost calls, System.Security.Claims.ClaimsPrincipal juror, Guid app, decimal quality, decimal impact) =>
        CallsReviewTestHost.Ok(await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(juror, app, Guid.Empty,
            [new CriterionScore(calls.CriterionQuality, quality, null), new CriterionScore(calls.CriterionImpact, impact, null)], null, true, default)));
}
