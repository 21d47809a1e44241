using Microsoft.EntityFrameworkCore;
using Noress.App.Calls;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.IntegrationTests.Calls;

/// <summary>Issue 12 §4-§5 and "Bad input": the deadline judged by the server's clock, who may submit, who sees what, the cap, withdraw and resubmit.</summary>
public sealed class ApplicationSubmissionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, -1, true)]
    [InlineData(DatabaseProvider.Sqlite, 0, false)]
    [InlineData(DatabaseProvider.Sqlite, 1, false)]
    [InlineData(DatabaseProvider.PostgreSql, -1, true)]
    [InlineData(DatabaseProvider.PostgreSql, 0, false)]
    [InlineData(DatabaseProvider.PostgreSql, 1, false)]
    public async Task SubmitAsync_AroundTheDeadline_AcceptedOnlyBeforeIt(DatabaseProvider provider, int offsetMs, bool accepted)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var version = (await calls.ApplicationAsync(id)).Version;

        calls.Clock.SetUtcNow(new DateTimeOffset(calls.Deadline.AddMilliseconds(offsetMs), TimeSpan.Zero));
        var outcome = await calls.ApplicationsAsync(s => s.SubmitAsync(calls.RepresentativeA, id, version, default));

        var stored = await calls.ApplicationAsync(id);
        if (accepted)
        {
            var receipt = CallsTestHost.Ok(outcome);
            Assert.Equal(ApplicationState.Submitted, stored.State);
            Assert.Equal(calls.Deadline.AddMilliseconds(-1), stored.SubmittedAt);
            Assert.Equal(receipt.Hash, stored.ReceiptHash);
            Assert.Matches("^[0-9a-f]{64}$", receipt.Hash);
            Assert.Equal("AMI-2-001", receipt.Reference);
        }
        else
        {
            Assert.Equal("Error.DeadlinePassed", outcome.Refusal?.Code);
            Assert.Equal(ApplicationState.Draft, stored.State);
            Assert.Null(stored.ReceiptHash);
            Assert.Equal(version, stored.Version);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SubmitAsync_ByAColleagueWithoutMandate_Refused(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var version = (await calls.ApplicationAsync(id)).Version;

        var outcome = await calls.ApplicationsAsync(s => s.SubmitAsync(calls.ColleagueA, id, version, default));

        Assert.Equal("Error.NotRepresentative", outcome.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        Assert.Equal(ApplicationState.Draft, (await calls.ApplicationAsync(id)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AnotherInstitution_SeesNothingOfTheApplication(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var version = (await calls.ApplicationAsync(id)).Version;
        var longText = await LongTextFieldAsync(calls);
        var documentId = CallsTestHost.Ok(await calls.ApplicationsAsync(s => s.LongTextDocumentAsync(calls.ColleagueA, id, longText, default)));

        Assert.Null(await calls.ApplicationsAsync(s => s.GetAsync(calls.RepresentativeB, id, default)));
        Assert.Equal("Error.NotFound", (await calls.ApplicationsAsync(s => s.SaveAsync(calls.RepresentativeB, id, calls.Draft(1m, 1m), version, default))).Refusal?.Code);
        Assert.Equal("Error.NotFound", (await calls.ApplicationsAsync(s => s.SubmitAsync(calls.RepresentativeB, id, version, default))).Refusal?.Code);
        Assert.Null(await calls.ApplicationsAsync(s => s.ReceiptAsync(calls.RepresentativeB, id, default)));
        var details = await calls.CallsAsync(s => s.GetAsync(calls.RepresentativeB, calls.CallId, default));
        Assert.Empty(details!.MyApplications);

        // Its co-edited text: editable by the applicant's people, read by the secretariat, nothing for anyone else.
        Assert.Equal(DocumentRight.Edit, (await calls.Host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(calls.ColleagueA, documentId, default)))!.Right);
        Assert.Equal(DocumentRight.Read, (await calls.Host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(calls.Secretariat, documentId, default)))!.Right);
        Assert.Equal(DocumentRight.None, (await calls.Host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(calls.RepresentativeB, documentId, default)))!.Right);

        // And the applicant's side sees it whole.
        var view = await calls.ApplicationsAsync(s => s.GetAsync(calls.ColleagueA, id, default));
        Assert.NotNull(view);
        Assert.True(view.CanEdit);
        Assert.False(view.IsRepresentative);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveAsync_AboveTheCap_RefusedAndNothingSaved(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var before = await calls.ApplicationAsync(id);

        var outcome = await calls.ApplicationsAsync(s => s.SaveAsync(calls.ColleagueA, id, calls.Draft(60_000.01m, 20_000m), before.Version, default));

        Assert.Equal("Error.AboveCap", outcome.Refusal?.Code);
        var after = await calls.ApplicationAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(60_000m, after.RequestedAmount);
        await using var db = await calls.DbAsync();
        Assert.Equal(60_000m, await db.Set<ApplicationBudgetLine>().Where(l => l.ApplicationId == id).SumAsync(l => l.Requested));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveAsync_OverAVersionItHasNotSeen_RefusedAsStale(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var seen = (await calls.ApplicationAsync(id)).Version;
        CallsTestHost.Ok(await calls.ApplicationsAsync(s => s.SaveAsync(calls.RepresentativeA, id, calls.Draft(50_000m, 15_000m), seen, default)));

        var outcome = await calls.ApplicationsAsync(s => s.SaveAsync(calls.ColleagueA, id, calls.Draft(40_000m, 15_000m), seen, default));

        Assert.Equal("Error.Stale", outcome.Refusal?.Code);
        Assert.Equal(50_000m, (await calls.ApplicationAsync(id)).RequestedAmount);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SubmitAsync_BreakingARule_SaysWhichAndStaysADraft(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var version = CallsTestHost.Ok(await calls.ApplicationsAsync(async s => await s.SaveAsync(calls.ColleagueA, id, calls.Draft(60_000m, 10_000m), (await calls.ApplicationAsync(id)).Version, default)));

        var outcome = await calls.ApplicationsAsync(s => s.SubmitAsync(calls.RepresentativeA, id, version, default));

        Assert.Equal("Error.Ineligible", outcome.Refusal?.Code);
        Assert.Contains("20", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Draft, (await calls.ApplicationAsync(id)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WithdrawAndResubmit_BeforeTheDeadline_ThenNothingChangesAfterIt(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var id = await calls.CompleteDraftAsync();
        var first = CallsTestHost.Ok(await calls.ApplicationsAsync(async s => await s.SubmitAsync(calls.RepresentativeA, id, (await calls.ApplicationAsync(id)).Version, default)));

        // Submitted: nothing changes until it is withdrawn.
        var submitted = await calls.ApplicationAsync(id);
        Assert.Equal("Error.ClosedForChanges", (await calls.ApplicationsAsync(s => s.SaveAsync(calls.ColleagueA, id, calls.Draft(50_000m, 15_000m), submitted.Version, default))).Refusal?.Code);
        Assert.Equal("Error.NotRepresentative", (await calls.ApplicationsAsync(s => s.WithdrawAsync(calls.ColleagueA, id, null, default))).Refusal?.Code);

        var version = CallsTestHost.Ok(await calls.ApplicationsAsync(s => s.WithdrawAsync(calls.RepresentativeA, id, "Budget à revoir", default)));
        Assert.Equal(ApplicationState.Withdrawn, (await calls.ApplicationAsync(id)).State);
        version = CallsTestHost.Ok(await calls.ApplicationsAsync(s => s.SaveAsync(calls.ColleagueA, id, calls.Draft(50_000m, 15_000m), version, default)));
        calls.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = CallsTestHost.Ok(await calls.ApplicationsAsync(s => s.SubmitAsync(calls.RepresentativeA, id, version, default)));
        Assert.NotEqual(first.Hash, second.Hash);

        calls.Clock.SetUtcNow(new DateTimeOffset(calls.Deadline, TimeSpan.Zero));
        var last = await calls.ApplicationAsync(id);
        Assert.Equal("Error.DeadlinePassed", (await calls.ApplicationsAsync(s => s.WithdrawAsync(calls.RepresentativeA, id, null, default))).Refusal?.Code);
        Assert.Equal("Error.DeadlinePassed", (await calls.ApplicationsAsync(s => s.SaveAsync(calls.ColleagueA, id, calls.Draft(50_000m, 15_000m), last.Version, default))).Refusal?.Code);
        Assert.Equal("Error.DeadlinePassed", (await calls.ApplicationsAsync(s => s.StartAsync(calls.ColleagueA, calls.CallId, "Trop tard", default))).Refusal?.Code);
        var after = await calls.ApplicationAsync(id);
        Assert.Equal((ApplicationState.Submitted, last.Version, second.Hash), (after.State, after.Version, after.ReceiptHash));

        await using var db = await calls.DbAsync();
        var steps = await db.Set<ApplicationTransition>().Where(t => t.ApplicationId == id).OrderBy(t => t.At).Select(t => t.To).ToListAsync();
        Assert.Equal([ApplicationState.Submitted, ApplicationState.Withdrawn, ApplicationState.Submitted], steps);
        var receipts = await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("call-receipt:")).ToListAsync();
        Assert.Equal(2, receipts.Count);
        Assert.Contains(receipts, m => m.TextBody.Contains(second.Hash, StringComparison.Ordinal));
    }

    private static async Task<Guid> LongTextFieldAsync(CallsTestHost calls)
    {
        await using var db = await calls.DbAsync();
        return await db.Set<CallFormField>().Where(f => f.CallId == calls.CallId && f.Kind == FormFieldKind.LongText).Select(f => f.Id).SingleAsync();
    }
}
