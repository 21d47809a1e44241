using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.RulesOfProcedure;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The founding text entered by the secretariat until the first adoption; an override of an amendment vote redoes or undoes its adoption.</summary>
public sealed class RulesFoundingAndOverrideTests
{
    private const string Reason = "Erreur matérielle constatée au dépouillement.";
    private static readonly DateOnly Today = NoressClock.Today(TimeProvider.System);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OverrideVerdictAsync_AdoptedAmendmentToRejected_ArticleAndParameterReadAsBefore_HistoryKeepsBoth_AndBackToAdoptedAppliesItAgain(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var founding = await InForceAsync(host, Today.AddDays(30), "Art. 11");
        var effective = Today.AddDays(5);
        var amendmentId = await ProposeAsync(host, new AmendmentInput(
            AmendmentKind.Amend, "Art. 11", "Les décisions sont prises à la majorité des deux tiers des suffrages exprimés.", "تتخذ القرارات بأغلبية ثلثي الأصوات المعبر عنها.",
            "Des décisions plus larges.", effective, Parameters: new Dictionary<RuleKey, string> { [RuleKey.DeliberationMajority] = "TwoThirds/VotesCast" }));
        var voteId = await VoteOnAsync(host, amendmentId, VoteChoice.For);
        Assert.Equal(MajorityKind.TwoThirds, (await RuleBookAsync(host, effective)).DeliberationMajority.Kind);

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, voteId, Verdict.Rejected, Reason, default)));

        await using (var db = await host.DbAsync())
        {
            var amendment = await db.Set<RulesAmendment>().AsNoTracking().SingleAsync(a => a.Id == amendmentId);
            Assert.Equal(AmendmentState.Rejected, amendment.State);
            Assert.Null(amendment.AdoptedVersionId);
            var versions = await db.Set<RulesArticleVersion>().AsNoTracking().Where(v => v.ArticleId == founding.Article.Id).ToListAsync();
            Assert.Equal(2, versions.Count);
            Assert.NotNull(versions.Single(v => v.AmendmentId == amendmentId).RevokedAt);
            // Audited like every change of the rules.
            var revoked = versions.Single(v => v.AmendmentId == amendmentId).Id.ToString();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RulesArticleVersion) && e.EntityId == revoked && e.Changes.Contains("RevokedAt")));
        }

        Assert.Equal(founding.Version.TextFr, (await InForceAsync(host, effective.AddDays(1), "Art. 11")).Version.TextFr);
        Assert.Equal(MajorityKind.Simple, (await RuleBookAsync(host, effective)).DeliberationMajority.Kind);
        var detail = await host.WithAsync<RulesService, ArticleDetail?>(s => s.ArticleAsync(host.Secretariat, "11", default));
        Assert.Equal(2, detail!.Versions.Count);
        Assert.Contains(detail.Versions, v => v.Entry.Version.IsRevoked && v.Entry.SupersededOn is null);
        Assert.Null(detail.Versions.Single(v => v.Entry.Version.IsFounding).Entry.SupersededOn);

        // Back to adopted: the amendment applies again (a new version; the revoked one stays in the history).
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, voteId, Verdict.Adopted, Reason, default)));

        await using var after = await host.DbAsync();
        var readopted = await after.Set<RulesAmendment>().AsNoTracking().SingleAsync(a => a.Id == amendmentId);
        Assert.Equal(AmendmentState.Adopted, readopted.State);
        var version = await after.Set<RulesArticleVersion>().AsNoTracking().SingleAsync(v => v.Id == readopted.AdoptedVersionId);
        Assert.Null(version.RevokedAt);
        Assert.Equal(3, await after.Set<RulesArticleVersion>().CountAsync(v => v.ArticleId == founding.Article.Id));
        Assert.StartsWith("Les décisions sont prises à la majorité des deux tiers", (await InForceAsync(host, version.EffectiveFrom, "Art. 11")).Version.TextFr, StringComparison.Ordinal);
        Assert.Equal(MajorityKind.TwoThirds, (await RuleBookAsync(host, version.EffectiveFrom)).DeliberationMajority.Kind);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OverrideVerdictAsync_RejectedAmendmentToAdopted_AppliesIt(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var amendmentId = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 7", "La plénière se réunit trois fois par an.", "ينعقد الجمع العام ثلاث مرات في السنة.", "Plus de réunions."));
        var voteId = await VoteOnAsync(host, amendmentId, VoteChoice.Against);
        Assert.NotEqual("La plénière se réunit trois fois par an.", (await InForceAsync(host, Today.AddDays(30), "Art. 7")).Version.TextFr);

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, voteId, Verdict.Adopted, Reason, default)));

        await using var db = await host.DbAsync();
        var amendment = await db.Set<RulesAmendment>().AsNoTracking().SingleAsync(a => a.Id == amendmentId);
        Assert.Equal(AmendmentState.Adopted, amendment.State);
        var version = await db.Set<RulesArticleVersion>().AsNoTracking().SingleAsync(v => v.Id == amendment.AdoptedVersionId);
        Assert.Equal(voteId, version.AdoptedByVoteId);
        Assert.True(version.EffectiveFrom > Today, "never retroactive");
        Assert.Equal("La plénière se réunit trois fois par an.", (await InForceAsync(host, version.EffectiveFrom, "Art. 7")).Version.TextFr);
        Assert.NotEqual("La plénière se réunit trois fois par an.", (await InForceAsync(host, version.EffectiveFrom.AddDays(-1), "Art. 7")).Version.TextFr);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveFoundingArticleAsync_BySecretariat_CorrectsAndAdds_RefusedToOthersAndAfterAnAdoption(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var representative = host.Representatives[host.Institutions["ADS"]];
        var corrected = new FoundingArticleInput("7", "Convocation des sessions", "الدعوة إلى الدورات", "La plénière se réunit au moins deux fois par an.", "ينعقد الجمع العام مرتين في السنة على الأقل.");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<RulesService, Outcome<Guid>>(s => s.SaveFoundingArticleAsync(representative, corrected, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<RulesService, FoundingText>(s => s.FoundingAsync(representative, default)));
        Assert.Equal("Error.ArticleNumber", await RefusalAsync(host, corrected with { Number = "septième" }));
        Assert.Equal("Error.ArticleTitle", await RefusalAsync(host, corrected with { TitleAr = " " }));
        Assert.Equal("Error.AmendmentText", await RefusalAsync(host, corrected with { TextFr = "" }));

        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.SaveFoundingArticleAsync(host.Secretariat, corrected, default)));
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.SaveFoundingArticleAsync(host.Secretariat,
            new FoundingArticleInput("Art. 19", "Entrée en vigueur", "دخول حيز التنفيذ", "Le présent règlement entre en vigueur dès son adoption.", "يدخل هذا النظام حيز التنفيذ فور المصادقة عليه."), default)));
        Assert.Equal("Error.FoundingUnchanged", await RefusalAsync(host, corrected));

        // The founding text reads corrected from the founding date: no new version, the audit keeps the old wording.
        var founding = await InForceAsync(host, new DateOnly(2015, 3, 18), "Art. 7");
        Assert.Equal(("Convocation des sessions", "La plénière se réunit au moins deux fois par an."), (founding.Article.TitleFr, founding.Version.TextFr));
        Assert.Equal("Art. 19", (await InForceAsync(host, Today, "Art. 19")).Article.Number);
        await using (var db = await host.DbAsync())
        {
            Assert.Equal(1, await db.Set<RulesArticleVersion>().CountAsync(v => v.ArticleId == founding.Article.Id));
            var versionId = founding.Version.Id.ToString();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RulesArticleVersion) && e.EntityId == versionId && e.Changes.Contains("deux fois par an")));
        }

        var text = await host.WithAsync<RulesService, FoundingText>(s => s.FoundingAsync(host.Secretariat, default));
        Assert.True(text.IsOpen);
        Assert.Equal(19, text.Articles.Count);

        // An article with an amendment on an agenda keeps its founding text while members vote on the diff.
        var amendmentId = await ProposeAsync(host, new AmendmentInput(AmendmentKind.Amend, "Art. 8", "L'ordre du jour est arrêté par le bureau.", "يحدد المكتب جدول الأعمال.", "Le bureau."));
        var sessionId = await host.DraftPlenaryAsync();
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, amendmentId, sessionId, default)));
        var eight = await InForceAsync(host, Today, "Art. 8");
        Assert.Equal("Error.FoundingArticleOnAgenda", await RefusalAsync(host, new FoundingArticleInput("Art. 8", eight.Article.TitleFr, eight.Article.TitleAr, "Autre texte.", eight.Version.TextAr)));

        // Once an amendment is adopted, only amendments change the rules.
        await VoteOnAgendaAsync(host, sessionId, VoteChoice.For);
        Assert.Equal("Error.FoundingClosed", await RefusalAsync(host, corrected with { TextFr = "La plénière se réunit trois fois par an." }));
        Assert.Equal("Error.FoundingClosed", await RefusalAsync(host, new FoundingArticleInput("Art. 20", "Titre", "عنوان", "Texte.", "نص.")));
        Assert.False((await host.WithAsync<RulesService, FoundingText>(s => s.FoundingAsync(host.Secretariat, default))).IsOpen);
        await using var check = await host.DbAsync();
        Assert.False(await check.Set<RulesArticle>().AnyAsync(a => a.Number == "Art. 20"));
        Assert.Equal("La plénière se réunit au moins deux fois par an.", (await InForceAsync(host, Today, "Art. 7")).Version.TextFr);
    }

    private static async Task<string?> RefusalAsync(SessionsTestHost host, FoundingArticleInput input) =>
        (await host.WithAsync<RulesService, Outcome<Guid>>(s => s.SaveFoundingArticleAsync(host.Secretariat, input, default))).Refusal?.Code;

    private static Task<RuleBook> RuleBookAsync(SessionsTestHost host, DateOnly date) =>
        host.WithAsync<RuleParameterService, RuleBook>(s => s.InForceAsync(date, default));

    private static async Task<ArticleInForce> InForceAsync(SessionsTestHost host, DateOnly date, string number) =>
        (await host.WithAsync<RulesService, IReadOnlyList<ArticleInForce>>(s => s.InForceAsync(host.Secretariat, date, default))).Single(a => a.Article.Number == number);

    private static async Task<Guid> ProposeAsync(SessionsTestHost host, AmendmentInput input) =>
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.ProposeAsync(host.Secretariat, input, default)));

    /// <summary>A plenary tomorrow with the amendment on its agenda; every institution votes <paramref name="choice"/>.</summary>
    private static async Task<Guid> VoteOnAsync(SessionsTestHost host, Guid amendmentId, VoteChoice choice)
    {
        var sessionId = await host.DraftPlenaryAsync();
        SessionsTestHost.Ok(await host.WithAsync<RulesService, Outcome<Guid>>(s => s.PutOnAgendaAsync(host.Secretariat, amendmentId, sessionId, default)));
        return await VoteOnAgendaAsync(host, sessionId, choice);
    }

    private static async Task<Guid> VoteOnAgendaAsync(SessionsTestHost host, Guid sessionId, VoteChoice choice)
    {
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        await using var read = await host.DbAsync();
        var item = await read.Set<AgendaItem>().AsNoTracking().SingleAsync(a => a.SessionId == sessionId && a.Kind == AgendaItemKind.RulesAmendment);
        var voteId = SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, item.Id, "Adopter l'amendement ?", BallotKind.Open, default)));
        foreach (var (institution, representative) in host.Representatives)
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(representative, voteId, institution, choice, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));
        return voteId;
    }
}
