using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using ConflictReason = Noress.App.Calls.Evaluation.ConflictReason;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// Issue 12 §7, §12 and the notifications: the secretariat's jury page (jurors, chair, assignments, loads, conflicts),
/// the deliberation's notes (never read by a chair conflicted with the entry), and every notification's link opening
/// for its recipient.
/// </summary>
public sealed class JuryAndNotesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task JuryBoard_AssignsBalancedWithoutConflicts_ChairAndRemovalsGuardSubmittedSheets(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.UnderEvaluation, calls.AppA, calls.AppB, calls.AppC);

        var added = CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<int>>(s => s.AssignAutomaticallyAsync(calls.Secretariat, calls.CallId, 2, default)));
        var board = (await BoardAsync(calls))!;

        Assert.Equal(6, added);
        Assert.Equal(3, board.Members.Count);
        Assert.True(board.Members[0].IsChair);
        Assert.Equal(calls.ConflictedId, board.Members[0].UserId);
        Assert.Equal([2, 2, 2], board.Members.Select(m => m.Load));
        Assert.Equal(1, board.Members.Single(m => m.UserId == calls.ConflictedId).Conflicts);
        var rowA = board.Entries.Single(e => e.ApplicationId == calls.AppA);
        var conflict = Assert.Single(rowA.Conflicted);
        Assert.Equal(calls.ConflictedId, conflict.UserId);
        Assert.Contains(ConflictReason.PartnerInstitution, conflict.Reasons);
        Assert.DoesNotContain(rowA.Assigned, a => a.UserId == calls.ConflictedId);
        Assert.Null(await calls.WithAsync<JuryService, JuryBoard?>(s => s.BoardAsync(calls.JurorE, calls.CallId, default)));
        Assert.Equal("Error.NotAllowed", (await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.RemoveJurorAsync(calls.JurorE, calls.CallId, calls.JurorFId, default))).Refusal?.Code);

        // The chair changes hands; the previous chair stays a juror.
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.SetChairAsync(calls.Secretariat, calls.CallId, calls.JurorEId, default)));
        board = (await BoardAsync(calls))!;
        Assert.Equal(calls.JurorEId, Assert.Single(board.Members, m => m.IsChair).UserId);
        Assert.Equal(3, board.Members.Count);

        // A submitted sheet holds its assignment and its juror; a draft does not.
        var entryOfF = board.Entries.First(e => e.Assigned.Any(a => a.UserId == calls.JurorFId)).ApplicationId;
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(calls.JurorF, entryOfF, false, null, default)));
        CallsReviewTestHost.Ok(await calls.WithAsync<ScoreSheetService, Outcome<Guid>>(s => s.SaveAsync(calls.JurorF, entryOfF, Guid.Empty,
            [new CriterionScore(calls.CriterionQuality, 7, null), new CriterionScore(calls.CriterionImpact, 3, null)], null, true, default)));
        var unassign = await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.UnassignAsync(calls.Secretariat, entryOfF, calls.JurorFId, default));
        var remove = await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.RemoveJurorAsync(calls.Secretariat, calls.CallId, calls.JurorFId, default));
        Assert.Equal("Error.SheetSubmitted", unassign.Refusal?.Code);
        Assert.Equal("Error.JurorHasSheets", remove.Refusal?.Code);

        var entryOfD = board.Entries.First(e => e.Assigned.Any(a => a.UserId == calls.ConflictedId)).ApplicationId;
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.UnassignAsync(calls.Secretariat, entryOfD, calls.ConflictedId, default)));
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<Guid>>(s => s.RemoveJurorAsync(calls.Secretariat, calls.CallId, calls.ConflictedId, default)));
        board = (await BoardAsync(calls))!;
        Assert.DoesNotContain(board.Members, m => m.UserId == calls.ConflictedId);
        Assert.Contains(board.Candidates, c => c.UserId == calls.ConflictedId);
        await using var db = await calls.DbAsync();
        Assert.False(await db.Set<JurorAssignment>().AnyAsync(a => a.JurorId == calls.ConflictedId));
        Assert.True(await db.Set<ScoreSheet>().AnyAsync(s => s.JurorId == calls.JurorFId && s.ApplicationId == entryOfF && s.State == ScoreSheetState.Submitted));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Notes_WrittenByChairAndSecretariat_SignalledEmpty_NeverReadByAChairConflictedWithTheEntry(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);
        var signals = new List<BusEvent>();
        using var subscription = calls.Host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Call(calls.CallId), e =>
        {
            lock (signals)
            {
                signals.Add(e);
            }

            return Task.CompletedTask;
        });
        Task<Outcome<Guid>> Note(System.Security.Claims.ClaimsPrincipal who, Guid? about, string? text) =>
            calls.WithAsync<DeliberationService, Outcome<Guid>>(s => s.AddNoteAsync(who, calls.CallId, about, text, default));

        CallsReviewTestHost.Ok(await Note(calls.Secretariat, calls.AppA, "Projet A : budget à vérifier"));
        CallsReviewTestHost.Ok(await Note(calls.Secretariat, null, "Séance ouverte à 10 h"));
        CallsReviewTestHost.Ok(await Note(calls.Conflicted, calls.AppB, "Le président : B est solide"));
        var chairOnA = await Note(calls.Conflicted, calls.AppA, "Sur A");
        var juror = await Note(calls.JurorE, null, "Un juré");
        var blank = await Note(calls.Secretariat, null, "   ");
        var tooLong = await Note(calls.Secretariat, null, new string('x', DeliberationNote.MaxText + 1));

        Assert.Equal("Error.ApplicationNotFound", chairOnA.Refusal?.Code);
        Assert.Equal("Error.CallNotFound", juror.Refusal?.Code);
        Assert.Equal("Error.NoteRequired", blank.Refusal?.Code);
        Assert.Equal("Error.NoteTooLong", tooLong.Refusal?.Code);
        var staff = await NotesAsync(calls, calls.Secretariat);
        var chair = await NotesAsync(calls, calls.Conflicted);
        Assert.Equal(["Projet A : budget à vérifier", "Séance ouverte à 10 h", "Le président : B est solide"], staff.Select(n => n.Text));
        Assert.Equal(1, staff[0].Number);
        Assert.Null(staff[1].ApplicationId);
        Assert.Equal(["Séance ouverte à 10 h", "Le président : B est solide"], chair.Select(n => n.Text));
        Assert.DoesNotContain(chair, n => n.ApplicationId == calls.AppA || n.Text.Contains("Projet A", StringComparison.Ordinal));
        Assert.Empty(await NotesAsync(calls, calls.JurorE));
        lock (signals)
        {
            Assert.Equal(3, signals.Count(s => s.Kind == ReviewEvents.Notes));
            Assert.All(signals, s => Assert.Null(s.Payload));
        }

        await using var db = await calls.DbAsync();
        Assert.Equal(3, await db.Set<DeliberationNote>().CountAsync(n => n.CallId == calls.CallId));
    }

    [Fact]
    public async Task Notifications_OfScreeningAssignmentsAndDecisions_EachLinkOpensForItsRecipient()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        async Task Step(System.Security.Claims.ClaimsPrincipal who, Guid id, ApplicationState to, string? reason = null) =>
            CallsReviewTestHost.Ok(await calls.WithAsync<ApplicationWorkflowService, Outcome<Guid>>(s => s.TransitionAsync(who, id, to, reason, null, default)));

        await Step(calls.Secretariat, calls.AppA, ApplicationState.Screening);
        await Step(calls.Secretariat, calls.AppA, ApplicationState.InformationRequested, "Joignez le budget détaillé");
        CallsReviewTestHost.Ok(await calls.WithAsync<ApplicationWorkflowService, Outcome<Guid>>(s => s.AnswerAsync(calls.ApplicantA, calls.AppA, "Le budget est joint.", default)));
        await Step(calls.Secretariat, calls.AppA, ApplicationState.UnderEvaluation);
        await Step(calls.Secretariat, calls.AppB, ApplicationState.Screening);
        await Step(calls.Secretariat, calls.AppB, ApplicationState.UnderEvaluation);
        CallsReviewTestHost.Ok(await calls.WithAsync<JuryService, Outcome<int>>(s => s.AssignAutomaticallyAsync(calls.Secretariat, calls.CallId, 2, default)));
        await Step(calls.Secretariat, calls.AppA, ApplicationState.Deliberation);
        await Step(calls.Secretariat, calls.AppB, ApplicationState.Deliberation);
        await Step(calls.Conflicted, calls.AppB, ApplicationState.Selected);

        List<Notification> notes;
        Dictionary<Guid, string> emails;
        await using (var db = await calls.DbAsync())
        {
            notes = await db.Notifications.AsNoTracking().Where(n => n.Category == NotificationCategories.Calls).ToListAsync();
            var recipients = notes.Select(n => n.UserId).Distinct().ToList();
            emails = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!);
        }

        // The applicant's side: every step of A and B; the jurors: their assignments, pointing at their own list.
        Assert.Contains(notes, n => n.Link == $"/applications/{calls.AppA}" && n.Body != null && n.Body.Contains("Joignez le budget détaillé", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Link == $"/applications/{calls.AppB}");
        foreach (var juror in new[] { calls.ConflictedId, calls.JurorEId, calls.JurorFId })
        {
            Assert.Equal([JuryService.JurorLink(calls.CallId)], notes.Where(n => n.UserId == juror).Select(n => n.Link).Distinct());
        }

        foreach (var group in notes.GroupBy(n => n.UserId))
        {
            using var client = await CallsHttp.SignInAsync(calls.Host, await calls.Host.PrincipalAsync(emails[group.Key]));
            foreach (var link in group.Select(n => n.Link!).Distinct())
            {
                using var response = await client.GetAsync(link);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} for {group.Key}: {(int)response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync();
                if (link.StartsWith("/calls/", StringComparison.Ordinal))
                {
                    // The juror's list shows their entries (to declare on, then to score).
                    Assert.Contains("data-testid=\"juror-entry\"", html, StringComparison.Ordinal);
                }
            }
        }
    }

    private static Task<JuryBoard?> BoardAsync(CallsReviewTestHost calls) =>
        calls.WithAsync<JuryService, JuryBoard?>(s => s.BoardAsync(calls.Secretariat, calls.CallId, default));

    private static Task<IReadOnlyList<DeliberationNoteView>> NotesAsync(CallsReviewTestHost calls, System.Security.Claims.ClaimsPrincipal who) =>
        calls.WithAsync<DeliberationService, IReadOnlyList<DeliberationNoteView>>(s => s.NotesAsync(who, calls.CallId, default));
}
