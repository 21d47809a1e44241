using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>
/// When the vote on a rules-amendment agenda item closes: adopted, the amendment becomes the article's new
/// version from its effective date (default: the day after the session), and the rule parameters it declares
/// get new versions citing the article from the same date; rejected, it is marked so. Same transaction as the close.
/// </summary>
public sealed class RulesAmendmentAdoption(SessionLive live, ILogger<RulesAmendmentAdoption> logger) : IVerdictListener
{
    private Guid? decidedInSession;

    /// <summary>Only the close decides an amendment: an override finds it decided already and changes nothing (ADR 0026).</summary>
    public async Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        decidedInSession = null;
        if ((await DecideAsync(db, vote, ct)).Count > 0)
        {
            decidedInSession = vote.SessionId;
        }
    }

    public async Task AfterVerdictAsync(Vote vote, CancellationToken ct)
    {
        if (decidedInSession is { } sessionId)
        {
            decidedInSession = null;
            await live.ChangedAsync(sessionId, SessionEvents.Rules);
        }
    }

    private async Task<IReadOnlyList<string>> DecideAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        if (vote.AgendaItemId is not { } itemId)
        {
            return [];
        }

        var amendment = await db.Set<RulesAmendment>().SingleOrDefaultAsync(a => a.AgendaItemId == itemId && a.State == AmendmentState.OnAgenda, ct);
        if (amendment is null)
        {
            return [];
        }

        var decidedAt = vote.ClosedAt ?? DateTime.UtcNow;
        (amendment.DecidedByVoteId, amendment.DecidedAt) = (vote.Id, decidedAt);
        if (vote.Verdict != Verdict.Adopted)
        {
            amendment.State = AmendmentState.Rejected;
            logger.LogInformation("Amendment {AmendmentId} rejected by vote {VoteId}", amendment.Id, vote.Id);
            return [SessionEvents.Rules];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == vote.SessionId, ct);
        var dayAfter = DateOnly.FromDateTime(NoressClock.ToLocal(session.EndsAt)).AddDays(1);
        var closedOn = DateOnly.FromDateTime(NoressClock.ToLocal(decidedAt));
        // Never retroactive: a stated date already past when the vote closes gives way to the day after the session.
        var effective = amendment.EffectiveFrom is { } stated && stated > closedOn ? stated : (dayAfter > closedOn ? dayAfter : closedOn.AddDays(1));

        var article = await ArticleAsync(db, amendment, decidedAt, ct);
        var keys = await db.Set<RulesAmendmentParameter>().Where(p => p.AmendmentId == amendment.Id).ToListAsync(ct);
        var keyList = keys.Select(k => k.Key).ToList();
        // The unique (article, date) and (key, date) indexes: a version already set that day moves this one to the next free day.
        while (await db.Set<RulesArticleVersion>().AnyAsync(v => v.ArticleId == article.Id && v.EffectiveFrom == effective, ct)
            || await db.Set<RuleParameter>().AnyAsync(p => keyList.Contains(p.Key) && p.EffectiveFrom == effective, ct))
        {
            effective = effective.AddDays(1);
        }

        var version = new RulesArticleVersion
        {
            ArticleId = article.Id,
            TextFr = amendment.Kind == AmendmentKind.Repeal ? string.Empty : amendment.TextFr,
            TextAr = amendment.Kind == AmendmentKind.Repeal ? string.Empty : amendment.TextAr,
            Repealed = amendment.Kind == AmendmentKind.Repeal,
            EffectiveFrom = effective,
            AmendmentId = amendment.Id,
            AdoptedByVoteId = vote.Id,
            CreatedAt = decidedAt,
        };
        db.Add(version);
        db.AddRange(keys.Select(k => new RuleParameter
        {
            Key = k.Key,
            Value = k.Value,
            Article = article.Number,
            EffectiveFrom = effective,
            CreatedById = vote.ClosedById,
            CreatedAt = decidedAt,
        }));
        (amendment.State, amendment.ArticleId, amendment.AdoptedVersionId) = (AmendmentState.Adopted, article.Id, version.Id);
        logger.LogInformation("Amendment {AmendmentId} adopted by vote {VoteId}, in force from {EffectiveFrom}", amendment.Id, vote.Id, effective.ToString("O", CultureInfo.InvariantCulture));
        return [SessionEvents.Rules];
    }

    /// <summary>The article amended, or the new one (its order follows its number: "Art. 11 bis" after "Art. 11").</summary>
    private static async Task<RulesArticle> ArticleAsync(NoressDbContext db, RulesAmendment amendment, DateTime now, CancellationToken ct)
    {
        if (amendment.ArticleId is { } id)
        {
            return await db.Set<RulesArticle>().SingleAsync(a => a.Id == id, ct);
        }

        var number = amendment.NewNumber!;
        // Taken since it was put on the agenda (another amendment adopted first): the text becomes that article's new version.
        var existing = await db.Set<RulesArticle>().SingleOrDefaultAsync(a => a.Number == number, ct);
        if (existing is not null)
        {
            return existing;
        }

        var article = new RulesArticle
        {
            Number = number,
            Position = RulesText.PositionOf(number),
            TitleFr = amendment.NewTitleFr!,
            TitleAr = amendment.NewTitleAr!,
            CreatedAt = now,
        };
        db.Add(article);
        return article;
    }
}
