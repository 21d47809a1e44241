using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Pdf;
using Noress.App.Shared.RealTime;
using Noress.Testing;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

/// <summary>The minutes panel and the decisions register, on a database seeded with a closed session.</summary>
public sealed class MinutesPagesTests : NoressTestContext
{
    private TestDatabase database = default!;
    private Guid sessionId;

    private async Task ArrangeAsync(string role, MinutesState state, DateTime? pdfFailedAt = null)
    {
        database = await UseDatabaseAsync();
        Services.AddNoressDocuments(new ConfigurationBuilder().Build());
        Services.AddNoressPdf(new ConfigurationBuilder().Build());
        Services.AddNoressSessions();
        await database.AddPersonAsync(UserId, UserName);
        await using var db = await database.Factory.CreateDbContextAsync();
        var session = new Session { Title = "Session plénière de printemps", Place = "Tanger", StartsAt = Clock.GetUtcNow().UtcDateTime.AddDays(-10), EndsAt = Clock.GetUtcNow().UtcDateTime.AddDays(-10).AddHours(3), State = SessionState.Closed };
        sessionId = session.Id;
        db.Add(session);
        var vote = new Vote
        {
            SessionId = session.Id,
            Question = "Adopter le plan d'action 2027 ?",
            State = VoteState.Closed,
            For = 20,
            Against = 3,
            Abstain = 2,
            BaseCount = 23,
            RequiredFor = 12,
            Verdict = Verdict.Adopted,
            ComputedVerdict = Verdict.Adopted,
            OpenedAt = session.StartsAt,
            ClosedAt = session.StartsAt.AddHours(1),
        };
        db.Add(vote);
        db.Add(new Decision { Year = 2026, Sequence = 7, Text = "Le plan d'action 2027 est adopté.", SessionId = session.Id, VoteId = vote.Id, DecidedAt = vote.ClosedAt.Value });
        db.Add(new Decision { Year = 2025, Sequence = 3, Text = "Le budget 2026 est voté.", SessionId = session.Id, VoteId = (await AddVoteAsync(db, session)).Id, DecidedAt = vote.ClosedAt.Value.AddYears(-1) });
        var french = DocumentRecords.Add(db, DocumentSpaceKind.Session, session.Id, "Procès-verbal", "# PV", UserId, session.StartsAt);
        var arabic = DocumentRecords.Add(db, DocumentSpaceKind.Session, session.Id, "محضر", "# محضر", UserId, session.StartsAt);
        db.Add(new SessionMinutes
        {
            SessionId = session.Id,
            FrenchDocumentId = french.Id,
            ArabicDocumentId = arabic.Id,
            State = state,
            GeneratedAt = session.StartsAt,
            RemarksUntil = state == MinutesState.Draft ? null : Clock.GetUtcNow().UtcDateTime.AddDays(3),
            ApprovedAt = state == MinutesState.Approved ? Clock.GetUtcNow().UtcDateTime : null,
            FrenchPdfSha256 = state == MinutesState.Approved ? new string('a', 64) : null,
            ArabicPdfSha256 = state == MinutesState.Approved ? new string('b', 64) : null,
            PdfFailedAt = pdfFailedAt,
        });
        await db.SaveChangesAsync();
        await SignInAsAsync(role);
    }

    private static async Task<Vote> AddVoteAsync(Noress.App.Data.NoressDbContext db, Session session)
    {
        var vote = new Vote { SessionId = session.Id, Question = "Voter le budget 2026 ?", State = VoteState.Closed, Verdict = Verdict.Adopted, OpenedAt = session.StartsAt };
        db.Add(vote);
        await Task.CompletedTask;
        return vote;
    }

    [Fact]
    public async Task Panel_Approved_ShowsBothPdfLinksWithTheirHashes()
    {
        await ArrangeAsync(Roles.Member, MinutesState.Approved);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Equal(new string('a', 64), cut.Find("[data-testid=minutes-hash-fr]").TextContent));
        Assert.Equal(new string('b', 64), cut.Find("[data-testid=minutes-hash-ar]").TextContent);
        Assert.Equal($"/sessions/{sessionId}/minutes/ar.pdf", cut.Find("[data-testid=minutes-pdf-ar]").GetAttribute("href"));
        Assert.Contains("Approuvé", cut.Find("[data-testid=minutes-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=minutes-circulate]"));
    }

    [Fact]
    public async Task Panel_Adopted_SaysThePdfsAreBeingPrepared_ThenShowsTheLinksWhenTheJobStoredThem()
    {
        await ArrangeAsync(Roles.Member, MinutesState.Adopted);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Contains("PDF en préparation", cut.Find("[data-testid=minutes-pdf-preparing]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=minutes-pdfs]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-produce]"));

        // What the job does once both files are stored: the row turns Approved and the session's topic is told.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var minutes = db.Set<SessionMinutes>().Single(m => m.SessionId == sessionId);
            (minutes.State, minutes.FrenchPdfSha256, minutes.ArabicPdfSha256) = (MinutesState.Approved, new string('c', 64), new string('d', 64));
            await db.SaveChangesAsync();
        }

        await Services.GetRequiredService<SessionLive>().ChangedAsync(sessionId, SessionEvents.Minutes);
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Equal(new string('c', 64), cut.Find("[data-testid=minutes-hash-fr]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=minutes-pdf-preparing]"));
    }

    [Fact]
    public async Task Panel_AdoptedAfterAFailedPrint_OffersTheSecretariatToProduceThePdfsAgain()
    {
        await ArrangeAsync(Roles.Secretariat, MinutesState.Adopted, Clock.GetUtcNow().UtcDateTime);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-produce]"));
        Assert.Contains("nouvelle tentative", cut.Find("[data-testid=minutes-pdf-preparing]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=minutes-produce]").Click();
        cut.WaitForAssertion(() => Assert.Contains("PDF en préparation", cut.Find("[data-testid=minutes-pdf-preparing]").TextContent, StringComparison.Ordinal));
        var job = Assert.Single(((RecordedJobs)Services.GetRequiredService<Hangfire.IBackgroundJobClient>()).Enqueued);
        Assert.Equal(typeof(MinutesPdfJob), job.Type);
    }

    [Fact]
    public async Task Panel_DraftForTheSecretariat_OffersToCirculate_ButNotToAMember()
    {
        await ArrangeAsync(Roles.Secretariat, MinutesState.Draft);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-circulate]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-pdfs]"));
        Assert.Contains("Projet", cut.Find("[data-testid=minutes-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_DraftForTheSecretariat_AsksForThePdfsOfTheDraft_AndSaysTheyAreBeingPrepared()
    {
        await ArrangeAsync(Roles.Secretariat, MinutesState.Draft);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-draft-pdf-request]"));
        cut.Find("[data-testid=minutes-draft-pdf-request]").Click();

        cut.WaitForAssertion(() => Assert.Contains("PDF du projet en préparation", cut.Find("[data-testid=minutes-draft-pdf-preparing]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=minutes-draft-pdf-request]"));
        var job = Assert.Single(((RecordedJobs)Services.GetRequiredService<Hangfire.IBackgroundJobClient>()).Enqueued);
        Assert.Equal(nameof(MinutesPdfJob.RunDraftAsync), job.Method.Name);
    }

    [Fact]
    public async Task Panel_Circulated_ShowsTheDeadline_AndAMemberHasNoActions()
    {
        await ArrangeAsync(Roles.Member, MinutesState.Circulated);

        var (_, cut) = RenderWithPopovers<SessionMinutesPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Contains("Diffusé pour remarques", cut.Find("[data-testid=minutes-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=minutes-circulate]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-schedule]"));
    }

    [Fact]
    public async Task DecisionsPage_ListsTheRegister_AndFiltersBySearch()
    {
        await ArrangeAsync(Roles.Member, MinutesState.Draft);

        var (_, cut) = RenderWithPopovers<DecisionsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=decision-row]").Count));
        Assert.Contains("2026-007", cut.FindAll("[data-testid=decision-row]")[0].TextContent, StringComparison.Ordinal);
        cut.Find("input[data-testid=decisions-search]").Change("budget");
        cut.WaitForAssertion(() => Assert.Contains("2025-003", Assert.Single(cut.FindAll("[data-testid=decision-row]")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecisionPage_ShowsTextSessionAndVote()
    {
        await ArrangeAsync(Roles.Member, MinutesState.Draft);
        await using var db = await database.Factory.CreateDbContextAsync();
        var id = db.Set<Decision>().Single(d => d.Sequence == 7).Id;

        var (_, cut) = RenderWithPopovers<DecisionPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("2026-007", cut.Find("[data-testid=decision-number]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Le plan d'action 2027 est adopté.", cut.Find("[data-testid=decision-text]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Pour 20, contre 3, abstentions 2", cut.Find("[data-testid=decision-vote]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/sessions/{sessionId}", cut.Find("[data-testid=decision-session]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=decision-edit]"));
    }
}
