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
/// When the secretariat overrides that vote's verdict, adoption follows in the override's transaction: to rejected,
/// the version is revoked (kept in the history, no longer in force) and the parameter versions it wrote are removed;
/// to adopted, the amendment is adopted as at a close happening now (ADR 0026).
/// </summary>
public sealed class RulesAmendmentAdoption(SessionsAccess access, SessionLive live, ILogger<RulesAmendmentAdoption> logger) : IVerdictListener
{
    private Guid? decidedInSession;

    public async Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        decidedInSession = null;
        if (vote.AgendaItemId is not { } itemId)
        {
            return;
        }

        var amendment = await db.Set<RulesAmendment>().SingleOrDefaultAsync(a => a.AgendaItemId == itemId, ct);
        if (amendment is null)
        {
            return;
        }

        var decidedHere = amendment.DecidedByVoteId == vote.Id;
        var adopted = vote.Verdict == Verdict.Adopted;
        var changed = amendment.State switch
        {
            AmendmentState.OnAgenda => await DecideAsync(db, vote, amendment, vote.ClosedAt ?? access.UtcNow, ct),
            // Only the vote that decided the amendment can undo it; a later vote on the same item decides nothing.
            AmendmentState.Adopted when decidedHere && !adopted => await RevokeAsync(db, vote, amendment, ct),
            // Never retroactive: adopted by an override, it takes effect as if the vote closed now.
            AmendmentState.Rejected when decidedHere && adopted => await DecideAsync(db, vote, amendment, access.UtcNow, ct),
            _ => false,
        };
        if (changed)
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

    private async Task<bool> DecideAsync(NoressDbContext db, Vote vote, RulesAmendment amendment, DateTime decidedAt, CancellationToken ct)
    {
        (amendment.DecidedByVoteId, amendment.DecidedAt) = (vote.Id, decidedAt);
        if (vote.Verdict != Verdict.Adopted)
        {
            amendment.State = AmendmentState.Rejected;
            logger.LogInformation("Amendment {AmendmentId} rejected by vote {VoteId}", amendment.Id, vote.Id);
            return true;
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
        return true;
    }

    /// <summary>
    /// Undoes an adoption after an override to rejected: the article version is revoked (the history keeps it,
    /// marked) so the previous version reads again, and the parameter versions it wrote are removed (the audit chain
    /// keeps them). Their (key, date) is unique and adoption chose a date free for every key, so they are exactly these.
    /// </summary>
    private async Task<bool> RevokeAsync(NoressDbContext db, Vote vote, RulesAmendment amendment, CancellationToken ct)
    {
        var now = access.UtcNow;
        if (amendment.AdoptedVersionId is { } versionId && await db.Set<RulesArticleVersion>().SingleOrDefaultAsync(v => v.Id == versionId, ct) is { } version)
        {
            version.RevokedAt = now;
            var number = await db.Set<RulesArticle>().Where(a => a.Id == version.ArticleId).Select(a => a.Number).SingleAsync(ct);
            var keys = await db.Set<RulesAmendmentParameter>().Where(p => p.AmendmentId == amendment.Id).Select(p => p.Key).ToListAsync(ct);
            db.RemoveRange(await db.Set<RuleParameter>()
                .Where(p => keys.Contains(p.Key) && p.EffectiveFrom == version.EffectiveFrom && p.Article == number)
                .ToListAsync(ct));
        }

        (amendment.State, amendment.AdoptedVersionId, amendment.DecidedAt) = (AmendmentState.Rejected, null, now);
        logger.LogInformation("Amendment {AmendmentId} revoked: the verdict of vote {VoteId} was overridden to rejected", amendment.Id, vote.Id);
        return true;
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
