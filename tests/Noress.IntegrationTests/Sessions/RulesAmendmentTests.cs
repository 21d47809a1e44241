using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.RulesOfProcedure;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The internal rules changed by vote: an amendment adopted at a plenary takes effect from its date, and the parameters it sets follow.</summary>
public sealed class RulesAmendmentTests
{
    private static readonly DateOnly Today = NoressClock.Today(TimeProvider.System);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CloseAsync_AmendmentAdopted_NewVersionFromTheDayAfterTheSession_DayBeforeUnchanged(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var before = await InForceAsync(host, Today.AddDays(2), "Art. 7");
        var amendmentId = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "La plénière se réunit trois fois par an.", "ينعقد الجمع العام ثلاث مرات في السنة.", "Plus de réunions."));

        var (sessionId, voteId) = await VoteOnAsync(host, amendmentId, VoteChoice.For);

        await using var db = await host.DbAsync();
        var amendment = await db.Set<RulesAmendment>().SingleAsync(a => a.Id == amendmentId);
        Assert.Equal(AmendmentState.Adopted, amendment.State);
        Assert.Equal(voteId, amendment.DecidedByVoteId);
        var version = await db.Set<RulesArticleVersion>().SingleAsync(v => v.Id == amendment.AdoptedVersionId);
        // The session is tomorrow: the default effective date is the day after it.
        Assert.Equal(Today.AddDays(2), version.EffectiveFrom);
        Assert.Equal(voteId, version.AdoptedByVoteId);
        Assert.Equal(before.Version.TextFr, (await InForceAsync(host, Today.AddDays(1), "Art. 7")).Version.TextFr);
        Assert.Equal("La plénière se réunit trois fois par an.", (await InForceAsync(host, Today.AddDays(2), "Art. 7")).Version.TextFr);
        Assert.Equal(sessionId, amendment.SessionId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CloseAsync_ParameterAmendmentAdopted_RuleBookChangesFromItsDate_AndALaterVoteUsesIt(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var effective = Today.AddDays(5);
        var amendmentId = await ProposeAsync(host, new AmendmentInput(
            AmendmentKind.Amend, "Art. 11", "Les décisions sont prises à la majorité des deux tiers des suffrages exprimés.", "تتخذ القرارات بأغلبية ثلثي الأصوات المعبر عنها.",
            "Des décisions plus larges.", effective, Parameters: new Dictionary<RuleKey, string> { [RuleKey.DeliberationMajority] = "TwoThirds/VotesCast" }));

        var (_, amendmentVote) = await VoteOnAsync(host, amendmentId, VoteChoice.For);

        await using (var db = await host.DbAsync())
        {
            // The amendment vote itself was judged by the amendment majority (Art. 18).
            var vote = await db.Set<Vote>().SingleAsync(v => v.Id == amendmentVote);
            Assert.Equal((MajorityKind.TwoThirds, "Art. 18"), (vote.MajorityKind, vote.MajorityArticle));
            var parameter = await db.Set<RuleParameter>().SingleAsync(p => p.Key == RuleKey.DeliberationMajority && p.EffectiveFrom == effective);
            Assert.Equal(("TwoThirds/VotesCast", "Art. 11"), (parameter.Value, parameter.Article));
        }

        var dayBefore = await host.WithAsync<RuleParameterService, RuleBook>(s => s.InForceAsync(effective.AddDays(-1), default));
        var from = await host.WithAsync<RuleParameterService, RuleBook>(s => s.InForceAsync(effective, default));
        Assert.Equal(MajorityKind.Simple, dayBefore.DeliberationMajority.Kind);
        Assert.Equal(MajorityKind.TwoThirds, from.DeliberationMajority.Kind);

        // A plenary after the effective date: its deliberation vote takes the new majority.
        var start = NoressClock.ToUtc(effective.AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var later = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat,
            new SessionInput(SessionBody.Plenary, null, "Plénière suivante", "Tétouan", start, start.AddHours(2)), default)));
        var item = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, later, AgendaItemKind.Deliberation, "Budget", 20, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, later, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, default)));
        var laterVote = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, later, item, "Adopter le budget ?", BallotKind.Open, default)));
        await using var after = await host.DbAsync();
        var opened = await after.Set<Vote>().SingleAsync(v => v.Id == laterVote);
        Assert.Equal((MajorityKind.TwoThirds, "Art. 11"), (opened.MajorityKind, opened.MajorityArticle));
    }

    [Fact]
    public async Task CloseAsync_AmendmentRejected_MarkedRejectedAndRulesUnchanged()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var amendmentId = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Repeal, "Art. 16", null, null, "Une seule langue suffit."));

        await VoteOnAsync(host, amendmentId, VoteChoice.Against);

        await using var db = await host.DbAsync();
        Assert.Equal(AmendmentState.Rejected, (await db.Set<RulesAmendment>().SingleAsync(a => a.Id == amendmentId)).State);
        Assert.Equal(1, await db.Set<RulesArticleVersion>().CountAsync(v => v.ArticleId == FoundingArticle(16)));
        Assert.NotNull(await InForceAsync(host, Today.AddDays(30), "Art. 16"));
    }

    [Fact]
    public async Task CloseAsync_RepealAndNewArticleAdopted_ConsolidatedTextFollows()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var repeal = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Repeal, "Art. 12", null, null, "Le vote est réglé ailleurs."));
        var added = await ProposeAsync(host, new AmendmentInput(AmendmentKind.NewArticle, "11 bis", "Le vote électronique est admis.", "يقبل التصويت الإلكتروني.", "Les séances à distance.", NewTitleFr: "Vote électronique", NewTitleAr: "التصويت الإلكتروني"));

        await VoteOnAsync(host, [repeal, added], VoteChoice.For);

        var later = await host.WithAsync<RulesService, IReadOnlyList<ArticleInForce>>(s => s.InForceAsync(host.Secretariat, Today.AddDays(2), default));
        var numbers = later.Select(a => a.Article.Number).ToList();
        Assert.DoesNotContain("Art. 12", numbers);
        Assert.Equal(numbers.IndexOf("Art. 11") + 1, numbers.IndexOf("Art. 11 bis"));
        var earlier = await host.WithAsync<RulesService, IReadOnlyList<ArticleInForce>>(s => s.InForceAsync(host.Secretariat, Today.AddDays(1), default));
        Assert.Contains("Art. 12", earlier.Select(a => a.Article.Number));
        Assert.DoesNotContain("Art. 11 bis", earlier.Select(a => a.Article.Number));

        // A repealed article can no longer be amended.
        var refused = await host.WithAsync<RulesService, Outcome<Guid>>(s => s.ProposeAsync(host.Secretariat,
            new AmendmentInput(AmendmentKind.Amend, "Art. 12", "x", "y", "z", Today.AddDays(10)), default));
        Assert.True(refused.Succeeded, refused.Error); // still in force today: the repeal takes effect the day after the session
        await using var db = await host.DbAsync();
        db.Add(new RulesArticleVersion { ArticleId = FoundingArticle(14), TextFr = string.Empty, TextAr = string.Empty, Repealed = true, EffectiveFrom = Today, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var onRepealed = await host.WithAsync<RulesService, Outcome<Guid>>(s => s.ProposeAsync(host.Secretariat,
            new AmendmentInput(AmendmentKind.Amend, "Art. 14", "x", "y", "z"), default));
        Assert.Equal("Error.ArticleRepealed", onRepealed.Refusal?.Code);
    }

    [Fact]
    public async Task ProposeAndPutOnAgenda_BadInput_RefusedWithAReasonAndNothingStored()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var representative = host.Representatives[host.Institutions["ADS"]];
        var stranger = await host.PrincipalAsync("member@noress.demo");

        async Task<string?> Refusal(System.Security.Claims.ClaimsPrincipal user, AmendmentInput input) =>
            (await host.WithAsync<RulesService, Outcome<Guid>>(s => s.ProposeAsync(user, input, default))).Refusal?.Code;

        Assert.Equal("Error.AmendmentText", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "  ", "نص", "Pourquoi")));
        Assert.Equal("Error.AmendmentRationale", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Texte", "نص", "")));
        Assert.Equal("Error.ArticleNumber", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "septième", "Texte", "نص", "Pourquoi")));
        Assert.Equal("Error.NotFound", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 99", "Texte", "نص", "Pourquoi")));
        Assert.Equal("Error.ArticleNumberTaken", await Refusal(representative, new AmendmentInput(AmendmentKind.NewArticle, "Art. 7", "Texte", "نص", "Pourquoi", NewTitleFr: "T", NewTitleAr: "ع")));
        Assert.Equal("Error.AmendmentEffectiveDate", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Texte", "نص", "Pourquoi", Today)));
        Assert.Equal("Error.AmendmentParameterArticle", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Texte", "نص", "Pourquoi",
            Parameters: new Dictionary<RuleKey, string> { [RuleKey.Quorum] = "2/3" })));
        Assert.Equal("Error.AmendmentParameter", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 9", "Texte", "نص", "Pourquoi",
            Parameters: new Dictionary<RuleKey, string> { [RuleKey.Quorum] = "beaucoup" })));
        var founding = await InForceAsync(host, Today, "Art. 7");
        Assert.Equal("Error.AmendmentUnchanged", await Refusal(representative, new AmendmentInput(AmendmentKind.Amend, "Art. 7", founding.Version.TextFr, founding.Version.TextAr, "Pourquoi")));
        // The demo member is not a representative in force here (the test's representatives replaced the demo ones).
        Assert.Equal("Error.AmendmentNotRepresentative", await Refusal(stranger, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Texte", "نص", "Pourquoi")));

        var amendmentId = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Texte", "نص", "Pourquoi"), representative);
        var sessionId = await host.DraftPlenaryAsync();
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, amendmentId, sessionId, default)));
        var twice = await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, amendmentId, sessionId, default));
        Assert.Equal("Error.AmendmentAlreadyOnAgenda", twice.Refusal?.Code);
        var rival = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "Autre texte", "نص آخر", "Pourquoi pas"));
        Assert.Equal("Error.AmendmentArticleBusy", (await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, rival, sessionId, default))).Refusal?.Code);
        var tooEarly = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 8", "Texte", "نص", "Pourquoi", Today.AddDays(1)));
        Assert.Equal("Error.AmendmentEffectiveBeforeSession", (await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, tooEarly, sessionId, default))).Refusal?.Code);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(representative, rival, sessionId, default)));

        await using var db = await host.DbAsync();
        Assert.Equal(3, await db.Set<RulesAmendment>().CountAsync());
        Assert.Equal(1, await db.Set<AgendaItem>().CountAsync(a => a.SessionId == sessionId && a.Kind == AgendaItemKind.RulesAmendment));
    }

    private static Guid FoundingArticle(int number) => Guid.Parse($"7a1e0c00-0000-4000-8000-{number:D12}");

    private static async Task<ArticleInForce> InForceAsync(SessionsTestHost host, DateOnly date, string number) =>
        (await host.WithAsync<RulesService, IReadOnlyList<ArticleInForce>>(s => s.InForceAsync(host.Secretariat, date, default))).Single(a => a.Article.Number == number);

    private static async Task<Guid> ProposeAsync(SessionsTestHost host, AmendmentInput input, System.Security.Claims.ClaimsPrincipal? user = null) =>
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.ProposeAsync(user ?? host.Secretariat, input, default)));

    private static Task<(Guid SessionId, Guid VoteId)> VoteOnAsync(SessionsTestHost host, Guid amendmentId, VoteChoice choice) =>
        VoteOnAsync(host, [amendmentId], choice).ContinueWith(t => (t.Result.SessionId, t.Result.VoteIds[0]), TaskScheduler.Default);

    /// <summary>A plenary tomorrow with the amendments on its agenda; every institution checks in and votes <paramref name="choice"/> on each.</summary>
    private static async Task<(Guid SessionId, List<Guid> VoteIds)> VoteOnAsync(SessionsTestHost host, Guid[] amendmentIds, VoteChoice choice)
    {
        var sessionId = await host.DraftPlenaryAsync();
        var items = new List<Guid>();
        foreach (var id in amendmentIds)
        {
            items.Add(SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, id, sessionId, default))));
        }

        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var votes = new List<Guid>();
        foreach (var item in items)
        {
            var voteId = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, item, "Adopter l'amendement ?", BallotKind.Open, default)));
            foreach (var (institution, representative) in host.Representatives)
            {
                SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(representative, voteId, institution, choice, default)));
            }

            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));
            votes.Add(voteId);
        }

        return (sessionId, votes);
    }
}
