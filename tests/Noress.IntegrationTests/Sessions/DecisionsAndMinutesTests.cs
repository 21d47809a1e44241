using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Pdf;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Sessions;

public sealed class DecisionsAndMinutesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CloseAsync_TwoAdoptedVotesAtOnce_GetDistinctConsecutiveNumbers(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(sessionId, voters);
        var first = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        var second = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        foreach (var vote in new[] { first, second })
        {
            foreach (var institution in voters.Take(12))
            {
                SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], vote, institution, VoteChoice.For, default)));
            }
        }

        var closes = await Task.WhenAll(new[] { first, second }.Select(vote => Task.Run(() =>
            host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, vote, default)))));

        Assert.All(closes, c => Assert.True(c.Succeeded, c.Error));
        await using var db = await host.DbAsync();
        var decisions = await db.Set<Decision>().AsNoTracking().ToListAsync();
        Assert.Equal(2, decisions.Count);
        Assert.Equal(new[] { 1, 2 }, decisions.Select(d => d.Sequence).Order());
        Assert.All(decisions, d => Assert.Equal(NoressClock.ToLocal(d.DecidedAt).Year, d.Year));
        Assert.Equal($"{decisions[0].Year}-001", decisions.Single(d => d.Sequence == 1).Number);
    }

    [Fact]
    public async Task OverrideVerdictAsync_ToRejected_WithdrawsTheDecisionAndKeepsItsNumber()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(sessionId, voters);
        var adopted = await AdoptedVoteAsync(host, sessionId, voters);

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, adopted, Verdict.Rejected, "Erreur matérielle constatée au dépouillement.", default)));
        var next = await AdoptedVoteAsync(host, sessionId, voters);

        await using var db = await host.DbAsync();
        var withdrawn = await db.Set<Decision>().AsNoTracking().SingleAsync(d => d.VoteId == adopted);
        var taken = await db.Set<Decision>().AsNoTracking().SingleAsync(d => d.VoteId == next);
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(1, withdrawn.Sequence);
        Assert.Equal(2, taken.Sequence);
        var register = await host.WithAsync<DecisionService, IReadOnlyList<DecisionSummary>>(s => s.ListAsync(host.Secretariat, withdrawn.Year, "2027", default));
        Assert.Equal(2, register.Count);
        Assert.Contains(register, r => r.IsWithdrawn && r.Id == withdrawn.Id);
        Assert.NotNull(await host.WithAsync<DecisionService, DecisionSummary?>(s => s.LookupAsync(taken.Id, default)));
    }

    [Fact]
    public async Task CloseAsync_AFollowUpFailsAfterTheCommit_TheCloseStillSucceedsAndTheDecisionStands()
    {
        await using var host = await SessionsTestHost.StartAsync(configure: f => f.WithServices(s => s.AddScoped<IVerdictListener, FailingFollowUp>()));
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(sessionId, voters);

        var adopted = await AdoptedVoteAsync(host, sessionId, voters);

        await using var db = await host.DbAsync();
        Assert.Equal(VoteState.Closed, (await db.Set<Vote>().AsNoTracking().SingleAsync(v => v.Id == adopted)).State);
        Assert.NotNull(await db.Set<Decision>().AsNoTracking().SingleOrDefaultAsync(d => d.VoteId == adopted));
        Assert.True(FailingFollowUp.Called);
    }

    [Fact]
    public async Task CloseAsync_Session_DraftsMinutesContainingEveryVoteWithItsCounts()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(sessionId, voters);
        var adopted = await AdoptedVoteAsync(host, sessionId, voters);
        var secret = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, null, "Élire le rapporteur au scrutin secret ?", BallotKind.Secret, default)));
        foreach (var institution in voters.Take(5))
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], secret, institution, VoteChoice.Against, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, secret, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, sessionId, default)));

        var minutes = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.NotNull(minutes);
        Assert.Equal(MinutesState.Draft, minutes.Minutes.State);
        var french = await TextAsync(host, minutes.Minutes.FrenchDocumentId);
        var arabic = await TextAsync(host, minutes.Minutes.ArabicDocumentId);
        Assert.Contains("Adopter le plan d'action 2027 ?", french, StringComparison.Ordinal);
        Assert.Contains("Élire le rapporteur au scrutin secret ?", french, StringComparison.Ordinal);
        Assert.Contains("Pour\u00a0: 12\u00a0; contre\u00a0: 0\u00a0; abstentions\u00a0: 0", french, StringComparison.Ordinal);
        Assert.Contains("Pour\u00a0: 0\u00a0; contre\u00a0: 5\u00a0; abstentions\u00a0: 0", french, StringComparison.Ordinal);
        Assert.Contains("Institutions présentes (20)", french, StringComparison.Ordinal);
        var decision = await host.WithAsync<DecisionService, IReadOnlyList<DecisionSummary>>(s => s.ListAsync(host.Secretariat, null, null, default));
        Assert.Contains($"Décision n° {decision.Single(d => d.VoteId == adopted).Number}", french, StringComparison.Ordinal);
        Assert.Contains("التصويت 1", arabic, StringComparison.Ordinal);
        Assert.Contains("مع: 12", arabic, StringComparison.Ordinal);
        await using var db = await host.DbAsync();
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == minutes.Minutes.FrenchDocumentId);
        Assert.Equal(DocumentSpaceKind.Session, document.SpaceKind);
        Assert.Equal(sessionId, document.SpaceId);
    }

    [Fact]
    public async Task CirculateAsync_BeforeTheDeadline_RemindsTheMembersOnce()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await ClosedSessionAsync(host);
        await using (var db = await host.DbAsync())
        {
            // Only this test's rule: "two days before the deadline, from midnight", so it is due whatever the hour.
            await db.ReminderRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsActive, false));
            db.ReminderRules.Add(new ReminderRule { SourceKind = CalendarKinds.MinutesRemarks, OffsetDays = -2, LocalTime = TimeOnly.MinValue });
            await db.SaveChangesAsync();
        }

        var until = NoressClock.Today(TimeProvider.System).AddDays(2);
        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.CirculateAsync(host.Secretariat, sessionId, until, default)));
        var reminders = host.Factory.Services.GetRequiredService<ReminderService>();
        var sent = await reminders.DispatchDueAsync();
        var again = await reminders.DispatchDueAsync();

        Assert.True(sent >= 20, $"{sent} reminders");
        Assert.Equal(0, again);
        var representative = host.Representatives[host.Institutions.Values.First()];
        await using var check = await host.DbAsync();
        var userId = SessionsAccess.UserId(representative);
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == userId && n.Category == Noress.App.Notifications.NotificationCategories.Reminders));
        // Circulated: the members may remark (suggest and comment), not edit.
        var access = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(representative, (check.Set<SessionMinutes>().Single(m => m.SessionId == sessionId)).FrenchDocumentId, default));
        Assert.Equal(DocumentRight.Suggest, access!.Right);
        var early = await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.ScheduleApprovalAsync(host.Secretariat, sessionId, Guid.NewGuid(), default));
        Assert.Equal("Error.RemarksOpen", early.Refusal?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ApprovalVote_AtALaterSession_FreezesTheMinutes_AndAJobStoresAndAuditsTwoPdfs(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await ClosedSessionAsync(host);
        await ApproveAsync(host, sessionId);

        // The close returned without printing: the minutes are frozen and their PDFs are being prepared by a job.
        var adopted = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Equal(MinutesState.Adopted, adopted!.Minutes.State);
        var job = Assert.Single(host.Jobs.Pending);
        Assert.Equal(typeof(MinutesPdfJob), job.Type);
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        var early = await client.GetAsync(MinutesService.PdfLink(sessionId, MinutesCultures.French));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, early.StatusCode);
        Assert.Equal("text/html", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("minutes-pdf-preparing", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(early.Headers.RetryAfter);

        Assert.Equal(1, await host.RunJobsAsync());

        var view = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Equal(MinutesState.Approved, view!.Minutes.State);
        Assert.Equal(SessionState.MinutesApproved, view.Session.State);
        await using var db2 = await host.DbAsync();
        // No decision for a minutes approval: it is not a deliberation.
        Assert.False(await db2.Set<Decision>().AnyAsync(d => d.VoteId == view.Minutes.ApprovalVoteId));
        var french = await client.GetByteArrayAsync(MinutesService.PdfLink(sessionId, MinutesCultures.French));
        var arabic = await client.GetByteArrayAsync(MinutesService.PdfLink(sessionId, MinutesCultures.Arabic));
        Assert.Contains("Procès-verbal", PdfText.Text(french), StringComparison.Ordinal);
        Assert.Contains("التصويت", PdfText.Text(arabic), StringComparison.Ordinal);
        var audited = await db2.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(SessionMinutes) && e.EntityId == view.Minutes.Id.ToString()).Select(e => e.Changes).ToListAsync();
        Assert.Contains(audited, c => c.Contains(Convert.ToHexStringLower(SHA256.HashData(french)), StringComparison.Ordinal));
        Assert.Contains(audited, c => c.Contains(Convert.ToHexStringLower(SHA256.HashData(arabic)), StringComparison.Ordinal));
        Assert.Equal(view.Minutes.FrenchPdfSha256, Convert.ToHexStringLower(SHA256.HashData(french)));
        // Frozen: the secretariat itself may only read, and the labelled version is there.
        var access = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(host.Secretariat, view.Minutes.FrenchDocumentId, default));
        Assert.Equal(DocumentRight.Read, access!.Right);
        Assert.True(await db2.DocumentLabels.AnyAsync(l => l.DocumentId == view.Minutes.ArabicDocumentId && l.Label == MinutesService.ApprovedLabel));

        // The job again (a Hangfire retry, a second worker) and the sweep: nothing printed twice, the approved files stand.
        await RecordedJobs.RunAsync(host.Factory.Services, job);
        Assert.Equal(0, await host.WithAsync<MinutesService, int>(s => s.ProducePendingPdfsAsync(default)));
        await using var db3 = await host.DbAsync();
        Assert.Equal(2, await db3.Set<MinutesPdf>().CountAsync(p => p.MinutesId == view.Minutes.Id));
        Assert.Equal(2, await db3.DocumentLabels.CountAsync(l => (l.DocumentId == view.Minutes.FrenchDocumentId || l.DocumentId == view.Minutes.ArabicDocumentId) && l.Label == MinutesService.ApprovedLabel));
        Assert.Equal(french, await client.GetByteArrayAsync(MinutesService.PdfLink(sessionId, MinutesCultures.French)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RequestDraftPdfsAsync_ByTheSecretariat_AJobPrintsTheDraftOnce_ServedToMembers(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await ClosedSessionAsync(host);
        var member = await host.PrincipalAsync("member@noress.demo");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<MinutesService, Outcome<Guid>>(s => s.RequestDraftPdfsAsync(member, sessionId, default)));

        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.RequestDraftPdfsAsync(host.Secretariat, sessionId, default)));
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        var early = await client.GetAsync(MinutesService.DraftPdfLink(sessionId, MinutesCultures.Arabic));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, early.StatusCode);

        Assert.Equal(1, await host.RunJobsAsync());

        var arabic = await client.GetByteArrayAsync(MinutesService.DraftPdfLink(sessionId, MinutesCultures.Arabic));
        Assert.Contains("التصويت", PdfText.Text(arabic), StringComparison.Ordinal);
        Assert.Contains("Procès-verbal", PdfText.Text(await client.GetByteArrayAsync(MinutesService.DraftPdfLink(sessionId, MinutesCultures.French))), StringComparison.Ordinal);
        var view = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Null(view!.Minutes.DraftPdfRequestedAt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(arabic)), view.DraftPdfs!.Single(d => d.Culture == MinutesCultures.Arabic).Sha256);
        // The approved PDFs are not these: the approved address has nothing yet.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(MinutesService.PdfLink(sessionId, MinutesCultures.Arabic))).StatusCode);

        // Asked again with the documents unchanged: the job finds the same versions printed and prints nothing.
        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.RequestDraftPdfsAsync(host.Secretariat, sessionId, default)));
        await host.RunJobsAsync();
        await using var db = await host.DbAsync();
        var drafts = await db.Set<MinutesPdf>().AsNoTracking().Where(p => p.MinutesId == view.Minutes.Id && p.IsDraft).ToListAsync();
        Assert.Equal(2, drafts.Count);
        Assert.Equal(arabic, drafts.Single(d => d.Culture == MinutesCultures.Arabic).Content);
    }

    [Fact]
    public async Task MinutesPdfJob_WithoutChromium_NotesTheFailureAndThrowsForARetry_ThenTheSecretariatQueuesItAgain()
    {
        await using var host = await SessionsTestHost.StartAsync(configure: f => f.With("Pdf:ChromiumPath", "/nonexistent/chromium"));
        var sessionId = await ClosedSessionAsync(host);
        await ApproveAsync(host, sessionId);

        await Assert.ThrowsAsync<PdfUnavailableException>(() => host.RunJobsAsync());

        var view = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Equal(MinutesState.Adopted, view!.Minutes.State);
        Assert.NotNull(view.Minutes.PdfFailedAt);
        var member = await host.PrincipalAsync("member@noress.demo");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<MinutesService, Outcome<Guid>>(s => s.ProducePdfsAsync(member, sessionId, default)));
        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.ProducePdfsAsync(host.Secretariat, sessionId, default)));
        Assert.Single(host.Jobs.Pending);
        var again = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        Assert.Null(again!.Minutes.PdfFailedAt);
    }

    /// <summary>Circulates the minutes, lets the deadline pass, and approves them by vote at a later plenary.</summary>
    private static async Task ApproveAsync(SessionsTestHost host, Guid sessionId)
    {
        SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.CirculateAsync(host.Secretariat, sessionId, NoressClock.Today(TimeProvider.System).AddDays(3), default)));
        await using (var db = await host.DbAsync())
        {
            // The deadline passes.
            await db.Set<SessionMinutes>().Where(m => m.SessionId == sessionId).ExecuteUpdateAsync(s => s.SetProperty(m => m.RemarksUntil, DateTime.UtcNow.AddMinutes(-1)));
        }

        var start = NoressClock.ToUtc(NoressClock.Today(TimeProvider.System).AddDays(5).ToDateTime(new TimeOnly(10, 0)));
        var later = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat,
            new SessionInput(SessionBody.Plenary, null, "Session plénière suivante", "Rabat", start, start.AddHours(2)), default)));
        var item = SessionsTestHost.Ok(await host.WithAsync<MinutesService, Outcome<Guid>>(s => s.ScheduleApprovalAsync(host.Secretariat, sessionId, later, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, later, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, default)));
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(later, voters);
        var vote = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, item, "Approuver le procès-verbal ?", BallotKind.Open, default)));
        foreach (var institution in voters.Take(15))
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], vote, institution, VoteChoice.For, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, vote, default)));
    }

    private static async Task<Guid> ClosedSessionAsync(SessionsTestHost host)
    {
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(20).ToList();
        await host.CheckInAsync(sessionId, voters);
        await AdoptedVoteAsync(host, sessionId, voters);
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, sessionId, default)));
        return sessionId;
    }

    private static async Task<Guid> AdoptedVoteAsync(SessionsTestHost host, Guid sessionId, IReadOnlyList<Guid> voters)
    {
        var vote = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        foreach (var institution in voters.Take(12))
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], vote, institution, VoteChoice.For, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, vote, default)));
        return vote;
    }

    private static async Task<string> TextAsync(SessionsTestHost host, Guid documentId) =>
        (await host.Factory.Services.GetRequiredService<DocumentAuthority>().GetHeadAsync(documentId))!.Text;

    private sealed class FailingFollowUp : IVerdictListener
    {
        public static bool Called { get; private set; }

        public Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct) => Task.CompletedTask;

        public Task AfterVerdictAsync(Vote vote, CancellationToken ct)
        {
            Called = true;
            throw new InvalidOperationException("The job store is unreachable.");
        }
    }
}
