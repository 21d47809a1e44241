using Microsoft.EntityFrameworkCore;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Notifications;

namespace Noress.IntegrationTests.Calls;

/// <summary>The workflow service (issue 12 §6): checked on the server, atomic, audited, notified; on SQLite and PostgreSQL.</summary>
public sealed class ReviewWorkflowTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TransitionAsync_NotAllowedFromTheCurrentState_RefusedAndNothingSaved(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);

        var selected = await calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(s =>
            s.TransitionAsync(calls.Secretariat, calls.AppA, ApplicationState.Selected, null, null, default));
        var byApplicant = await calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(s =>
            s.TransitionAsync(calls.ApplicantA, calls.AppA, ApplicationState.Screening, null, null, default));
        var noReason = await calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(async s =>
        {
            CallsReviewTestHost.Ok(await s.TransitionAsync(calls.Secretariat, calls.AppA, ApplicationState.Screening, null, null, default));
            return await s.TransitionAsync(calls.Secretariat, calls.AppA, ApplicationState.Ineligible, "  ", null, default);
        });

        Assert.Equal("Error.TransitionNotAllowed", selected.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(selected.Error));
        Assert.Equal("Error.TransitionActorNotAllowed", byApplicant.Refusal?.Code);
        Assert.Equal("Error.ReasonRequired", noReason.Refusal?.Code);
        Assert.Equal(ApplicationState.Screening, (await calls.ApplicationAsync(calls.AppA)).State);
        await using var db = await calls.DbAsync();
        Assert.Equal(1, await db.Set<ApplicationTransition>().CountAsync(t => t.ApplicationId == calls.AppA));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Screening_InformationRequestedThenAnswered_HistoryNotificationsAndButtons(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        Task<Noress.App.Shared.Operations.Outcome<Guid>> Step(System.Security.Claims.ClaimsPrincipal who, ApplicationState to, string? reason) =>
            calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(s => s.TransitionAsync(who, calls.AppA, to, reason, null, default));

        CallsReviewTestHost.Ok(await Step(calls.Secretariat, ApplicationState.Screening, null));
        var buttons = await calls.WithAsync<ApplicationWorkflowService, IReadOnlyList<AvailableStep>>(s => s.AvailableAsync(calls.Secretariat, calls.AppA, default));
        CallsReviewTestHost.Ok(await Step(calls.Secretariat, ApplicationState.InformationRequested, "Joignez le budget détaillé"));
        var applicantButtons = await calls.WithAsync<ApplicationWorkflowService, IReadOnlyList<AvailableStep>>(s => s.AvailableAsync(calls.ApplicantA, calls.AppA, default));
        CallsReviewTestHost.Ok(await calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(s =>
            s.AnswerAsync(calls.ApplicantA, calls.AppA, "Le budget détaillé est joint.", default)));
        CallsReviewTestHost.Ok(await Step(calls.Secretariat, ApplicationState.UnderEvaluation, null));

        Assert.Equal([ApplicationState.InformationRequested, ApplicationState.Ineligible, ApplicationState.UnderEvaluation], buttons.Select(b => b.To).Order());
        Assert.True(buttons.Single(b => b.To == ApplicationState.Ineligible).NeedsReason);
        Assert.Equal([ApplicationState.Screening], applicantButtons.Select(b => b.To));
        var history = await calls.WithAsync<ApplicationWorkflowService, IReadOnlyList<HistoryLine>>(s => s.HistoryAsync(calls.ApplicantA, calls.AppA, default));
        Assert.Equal([ApplicationState.Screening, ApplicationState.InformationRequested, ApplicationState.Screening, ApplicationState.UnderEvaluation], history.Select(h => h.To));
        Assert.Equal("Le budget détaillé est joint.", history[2].Reason);
        await using var db = await calls.DbAsync();
        var applicantId = Guid.Parse(calls.ApplicantA.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);
        var notes = await db.Notifications.Where(n => n.UserId == applicantId && n.Category == NotificationCategories.Calls).ToListAsync();
        Assert.Equal(4, notes.Count);
        Assert.Contains(notes, n => n.Body != null && n.Body.Contains("Joignez le budget détaillé", StringComparison.Ordinal));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.UserId == applicantId && m.Category == NotificationCategories.Calls));
        // The history is also in the audit chain: the application's state change is an audited update.
        Assert.Equal(ApplicationState.UnderEvaluation, (await calls.ApplicationAsync(calls.AppA)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Select_ConcurrentSelectionsBeyondTheEnvelope_NeverExceedIt(DatabaseProvider provider)
    {
        // 100 000 MAD for three projects: A and B ask 60 000 each, C 40 000; all three selected at once.
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);
        // The chair is conflicted with A: E chairs for this test so every entry can be decided.
        await using (var db = await calls.DbAsync())
        {
            foreach (var juror in await db.Set<CallJuror>().Where(j => j.CallId == calls.CallId).ToListAsync())
            {
                juror.IsChair = juror.UserId == calls.JurorEId;
            }

            await db.SaveChangesAsync();
        }

        var outcomes = await Task.WhenAll(new[] { calls.AppA, calls.AppB, calls.AppC }.Select(id => Task.Run(() =>
            calls.WithAsync<ApplicationWorkflowService, Noress.App.Shared.Operations.Outcome<Guid>>(s =>
                s.TransitionAsync(calls.JurorE, id, ApplicationState.Selected, null, null, default)))));

        await using var check = await calls.DbAsync();
        var selected = await check.Set<CallApplication>().Where(a => a.CallId == calls.CallId && a.State == ApplicationState.Selected).ToListAsync();
        Assert.NotEmpty(selected);
        Assert.True(selected.Sum(a => a.RequestedAmount) <= 100_000m, $"{selected.Sum(a => a.RequestedAmount)} committed");
        Assert.Equal(selected.Count, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("Error.EnvelopeAmountExceeded", o.Refusal?.Code));
        var board = await calls.WithAsync<DeliberationService, DeliberationBoard?>(s => s.LoadAsync(calls.Secretariat, calls.CallId, default));
        Assert.Equal(selected.Sum(a => a.RequestedAmount), board!.Envelope.Committed);
        Assert.Equal(100_000m - board.Envelope.Committed, board.Envelope.Available);
    }
}
