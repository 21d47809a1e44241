using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>What a member proposes.</summary>
/// <param name="Kind">Amend an article, add one, or repeal one.</param>
/// <param name="ArticleNumber">The article amended or repealed ("Art. 11"), or the new article's number.</param>
/// <param name="TextFr">The new French text (not for a repeal).</param>
/// <param name="TextAr">The new Arabic text (not for a repeal).</param>
/// <param name="Rationale">Why.</param>
/// <param name="EffectiveFrom">The date it takes effect; null for the day after the session that adopts it.</param>
/// <param name="NewTitleFr">A new article's French title.</param>
/// <param name="NewTitleAr">A new article's Arabic title.</param>
/// <param name="Parameters">Rule parameters the amended article sets from then on (key → new value).</param>
public sealed record AmendmentInput(
    AmendmentKind Kind,
    string ArticleNumber,
    string? TextFr,
    string? TextAr,
    string Rationale,
    DateOnly? EffectiveFrom = null,
    string? NewTitleFr = null,
    string? NewTitleAr = null,
    IReadOnlyDictionary<RuleKey, string>? Parameters = null);

/// <summary>An amendment with its diff against the text it changes (in force today while undecided).</summary>
/// <param name="Amendment">The amendment.</param>
/// <param name="Number">The article's number.</param>
/// <param name="TitleFr">The article's French title.</param>
/// <param name="TitleAr">The article's Arabic title.</param>
/// <param name="DiffFr">French diff: the text in force to the proposed text.</param>
/// <param name="DiffAr">Arabic diff.</param>
/// <param name="Parameters">The parameter changes it declares.</param>
/// <param name="Proposer">The proposing institution's acronym, or null for the secretariat.</param>
public sealed record AmendmentView(
    RulesAmendment Amendment,
    string Number,
    string TitleFr,
    string TitleAr,
    IReadOnlyList<WordPiece> DiffFr,
    IReadOnlyList<WordPiece> DiffAr,
    IReadOnlyList<RulesAmendmentParameter> Parameters,
    string? Proposer);

/// <summary>One version in an article's history with its diff from the previous one.</summary>
/// <param name="Entry">The version and when it was superseded.</param>
/// <param name="DiffFr">French diff from the previous version (all inserted for the first).</param>
/// <param name="DiffAr">Arabic diff.</param>
public sealed record ArticleVersionView(ArticleHistoryEntry Entry, IReadOnlyList<WordPiece> DiffFr, IReadOnlyList<WordPiece> DiffAr);

/// <summary>An article's page: its versions newest first, the parameters it sets today and its amendments.</summary>
/// <param name="Article">The article.</param>
/// <param name="Versions">Its history, newest first.</param>
/// <param name="Parameters">The rule parameters in force today that cite it.</param>
/// <param name="Amendments">The amendments of this article, newest first.</param>
public sealed record ArticleDetail(RulesArticle Article, IReadOnlyList<ArticleVersionView> Versions, IReadOnlyList<RuleParameter> Parameters, IReadOnlyList<AmendmentView> Amendments);

/// <summary>One article of the founding text as the secretariat enters or corrects it.</summary>
/// <param name="Number">"Art. 7", "7" or "7 bis": an existing founding article is corrected, a new number adds one.</param>
/// <param name="TitleFr">French title.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TextFr">French text.</param>
/// <param name="TextAr">Arabic text.</param>
public sealed record FoundingArticleInput(string Number, string TitleFr, string TitleAr, string TextFr, string TextAr);

/// <summary>The founding text as the secretariat edits it.</summary>
/// <param name="IsOpen">Whether it may still be entered or corrected: until the first amendment is adopted.</param>
/// <param name="Articles">Each article with its founding version, in order.</param>
public sealed record FoundingText(bool IsOpen, IReadOnlyList<ArticleInForce> Articles);

/// <summary>
/// The internal rules: the consolidated text on any date, each article's history, and amendments proposed by
/// representatives or the secretariat and put on a plenary's agenda (ADR 0026). Adoption is in
/// <see cref="RulesAmendmentAdoption"/>, run when the vote on the item closes.
/// </summary>
public sealed class RulesService(
    IDbContextFactory<NoressDbContext> dbFactory,
    SessionsAccess access,
    SessionLive live,
    IStringLocalizer<RulesOfProcedureText> text,
    Refusals<RulesOfProcedureText> refuse)
{
    public async Task<IReadOnlyList<ArticleInForce>> InForceAsync(ClaimsPrincipal user, DateOnly date, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await InForceAsync(db, date, ct);
    }

    public static async Task<IReadOnlyList<ArticleInForce>> InForceAsync(NoressDbContext db, DateOnly date, CancellationToken ct)
    {
        var articles = await db.Set<RulesArticle>().AsNoTracking().ToListAsync(ct);
        var versions = await db.Set<RulesArticleVersion>().AsNoTracking().Where(v => v.EffectiveFrom <= date).ToListAsync(ct);
        return RulesText.InForce(articles, versions, date);
    }

    /// <summary>The article at /rules/articles/<paramref name="slug"/>, with its history and amendments; null when there is none.</summary>
    public async Task<ArticleDetail?> ArticleAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = (await db.Set<RulesArticle>().AsNoTracking().ToListAsync(ct))
            .SingleOrDefault(a => RulesText.Slug(a.Number) == (slug ?? string.Empty).ToLowerInvariant());
        if (article is null)
        {
            return null;
        }

        var history = RulesText.History(await db.Set<RulesArticleVersion>().AsNoTracking().Where(v => v.ArticleId == article.Id).ToListAsync(ct));
        var versions = history.Select((entry, i) => new ArticleVersionView(
            entry,
            RulesText.Diff(RulesText.Previous(history, i)?.TextFr ?? string.Empty, entry.Version.TextFr),
            RulesText.Diff(RulesText.Previous(history, i)?.TextAr ?? string.Empty, entry.Version.TextAr))).Reverse().ToList();
        var rules = await RuleParameterService.InForceAsync(db, access.Today, ct);
        var parameters = rules.Parameters.Values.Where(p => p.Article == article.Number).OrderBy(p => p.Key).ToList();
        var amendments = await ViewsAsync(db, db.Set<RulesAmendment>().Where(a => a.ArticleId == article.Id || a.NewNumber == article.Number), ct);
        return new ArticleDetail(article, versions, parameters, amendments);
    }

    /// <summary>The founding text (each article's version without amendment), for the secretariat's page.</summary>
    public async Task<FoundingText> FoundingAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var articles = await db.Set<RulesArticle>().AsNoTracking().ToListAsync(ct);
        var founding = (await db.Set<RulesArticleVersion>().AsNoTracking().Where(v => v.AmendmentId == null).ToListAsync(ct))
            .GroupBy(v => v.ArticleId).ToDictionary(g => g.Key, g => g.MinBy(v => v.EffectiveFrom)!);
        return new FoundingText(
            !await AnyAmendmentAdoptedAsync(db, ct),
            [.. articles.Where(a => founding.ContainsKey(a.Id))
                .OrderBy(a => a.Position).ThenBy(a => a.Number, StringComparer.Ordinal)
                .Select(a => new ArticleInForce(a, founding[a.Id]))]);
    }

    /// <summary>
    /// Enters or corrects one article of the founding text (titles and texts in French and Arabic), by the
    /// secretariat, as long as no amendment has ever been adopted: from then on only amendments voted in plenary
    /// change the rules (ADR 0026). A correction rewrites the founding version in place (the audit chain keeps
    /// what it said); a new number adds an article to the founding text, in force from the founding date.
    /// </summary>
    public async Task<Outcome<Guid>> SaveFoundingArticleAsync(ClaimsPrincipal user, FoundingArticleInput input, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (RulesText.Normalize(input.Number) is not { } number)
        {
            return refuse["Error.ArticleNumber"];
        }

        var titleFr = (input.TitleFr ?? string.Empty).Trim();
        var titleAr = (input.TitleAr ?? string.Empty).Trim();
        var textFr = (input.TextFr ?? string.Empty).Trim();
        var textAr = (input.TextAr ?? string.Empty).Trim();
        if (titleFr.Length is 0 or > 200 || titleAr.Length is 0 or > 200)
        {
            return refuse["Error.ArticleTitle"];
        }

        if (textFr.Length is 0 or > RulesText.MaxTextLength || textAr.Length is 0 or > RulesText.MaxTextLength)
        {
            return refuse["Error.AmendmentText"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AnyAmendmentAdoptedAsync(db, ct))
        {
            return refuse["Error.FoundingClosed"];
        }

        var article = await db.Set<RulesArticle>().SingleOrDefaultAsync(a => a.Number == number, ct);
        if (article is null)
        {
            article = new RulesArticle { Number = number, Position = RulesText.PositionOf(number), TitleFr = titleFr, TitleAr = titleAr, CreatedAt = access.UtcNow };
            db.Add(article);
            db.Add(new RulesArticleVersion { ArticleId = article.Id, TextFr = textFr, TextAr = textAr, EffectiveFrom = FoundingRules.Date, CreatedAt = access.UtcNow });
        }
        else
        {
            var founding = await db.Set<RulesArticleVersion>().Where(v => v.ArticleId == article.Id && v.AmendmentId == null).OrderBy(v => v.EffectiveFrom).FirstOrDefaultAsync(ct);
            if (founding is null)
            {
                return refuse["Error.ArticleNumberTaken"];
            }

            // Members are voting on a diff against this text: it must not move under them.
            if (await db.Set<RulesAmendment>().AnyAsync(a => a.ArticleId == article.Id && a.State == AmendmentState.OnAgenda, ct))
            {
                return refuse["Error.FoundingArticleOnAgenda"];
            }

            if (article.TitleFr == titleFr && article.TitleAr == titleAr && founding.TextFr == textFr && founding.TextAr == textAr)
            {
                return refuse["Error.FoundingUnchanged"];
            }

            (article.TitleFr, article.TitleAr, founding.TextFr, founding.TextAr) = (titleFr, titleAr, textFr, textAr);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same new number added at the same moment by someone else (unique number).
            return refuse["Error.FoundingConcurrent"];
        }

        return Outcome<Guid>.Done(article.Id);
    }

    /// <summary>Every amendment not yet decided (proposed or on an agenda), or all of them.</summary>
    public async Task<IReadOnlyList<AmendmentView>> AmendmentsAsync(ClaimsPrincipal user, bool undecidedOnly, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<RulesAmendment>().AsQueryable();
        if (undecidedOnly)
        {
            query = query.Where(a => a.State == AmendmentState.Proposed || a.State == AmendmentState.OnAgenda);
        }

        return await ViewsAsync(db, query, ct);
    }

    public async Task<AmendmentView?> AmendmentAsync(ClaimsPrincipal user, Guid amendmentId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ViewsAsync(db, db.Set<RulesAmendment>().Where(a => a.Id == amendmentId), ct)).SingleOrDefault();
    }

    /// <summary>
    /// Proposes an amendment, by the secretariat or by the titular or alternate representative of a member
    /// institution (in its name). It is only a suggestion until a plenary adopts it.
    /// </summary>
    public async Task<Outcome<Guid>> ProposeAsync(ClaimsPrincipal user, AmendmentInput input, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = access.Today;
        var userId = SessionsAccess.UserId(user);
        Guid? institutionId = null;
        if (!await access.IsSecretariatAsync(user))
        {
            institutionId = userId is { } id ? await RepresentedInstitutionAsync(db, id, today, ct) : null;
            if (institutionId is null)
            {
                return refuse["Error.AmendmentNotRepresentative"];
            }
        }

        var rationale = (input.Rationale ?? string.Empty).Trim();
        var textFr = (input.TextFr ?? string.Empty).Trim();
        var textAr = (input.TextAr ?? string.Empty).Trim();
        if (!Enum.IsDefined(input.Kind))
        {
            return refuse["Error.AmendmentKind"];
        }

        if (RulesText.Normalize(input.ArticleNumber) is not { } number)
        {
            return refuse["Error.ArticleNumber"];
        }

        if (input.Kind != AmendmentKind.Repeal && (textFr.Length is 0 or > RulesText.MaxTextLength || textAr.Length is 0 or > RulesText.MaxTextLength))
        {
            return refuse["Error.AmendmentText"];
        }

        if (rationale.Length is 0 or > RulesText.MaxTextLength)
        {
            return refuse["Error.AmendmentRationale"];
        }

        if (input.EffectiveFrom is { } stated && stated <= today)
        {
            return refuse["Error.AmendmentEffectiveDate"];
        }

        var parameters = input.Parameters ?? new Dictionary<RuleKey, string>();
        if (parameters.Count > 0 && input.Kind == AmendmentKind.Repeal)
        {
            return refuse["Error.AmendmentParameterArticle"];
        }

        foreach (var (key, value) in parameters)
        {
            if (!Enum.IsDefined(key) || RuleBook.Validate(key, (value ?? string.Empty).Trim()) is not null)
            {
                return refuse["Error.AmendmentParameter"];
            }
        }

        var amendment = new RulesAmendment
        {
            Kind = input.Kind,
            TextFr = input.Kind == AmendmentKind.Repeal ? string.Empty : textFr,
            TextAr = input.Kind == AmendmentKind.Repeal ? string.Empty : textAr,
            Rationale = rationale,
            EffectiveFrom = input.EffectiveFrom,
            ProposedById = userId ?? Guid.Empty,
            ProposedByInstitutionId = institutionId,
            ProposedAt = access.UtcNow,
        };
        var article = await db.Set<RulesArticle>().AsNoTracking().SingleOrDefaultAsync(a => a.Number == number, ct);
        if (input.Kind == AmendmentKind.NewArticle)
        {
            var titleFr = (input.NewTitleFr ?? string.Empty).Trim();
            var titleAr = (input.NewTitleAr ?? string.Empty).Trim();
            if (titleFr.Length is 0 or > 200 || titleAr.Length is 0 or > 200)
            {
                return refuse["Error.ArticleTitle"];
            }

            if (article is not null)
            {
                return refuse["Error.ArticleNumberTaken"];
            }

            (amendment.NewNumber, amendment.NewTitleFr, amendment.NewTitleAr) = (number, titleFr, titleAr);
        }
        else
        {
            if (article is null)
            {
                return refuse["Error.NotFound"];
            }

            var current = await CurrentVersionAsync(db, article.Id, today, ct);
            if (current is null || current.Repealed)
            {
                return refuse["Error.ArticleRepealed"];
            }

            if (input.Kind == AmendmentKind.Amend && current.TextFr == textFr && current.TextAr == textAr)
            {
                return refuse["Error.AmendmentUnchanged"];
            }

            // A parameter follows the article that sets it: an amendment cannot move another article's parameter.
            var rules = await RuleParameterService.InForceAsync(db, today, ct);
            if (parameters.Keys.Any(k => rules.Article(k) != article.Number))
            {
                return refuse["Error.AmendmentParameterArticle"];
            }

            (amendment.ArticleId, amendment.BaseVersionId) = (article.Id, current.Id);
        }

        db.Add(amendment);
        db.AddRange(parameters.Select(p => new RulesAmendmentParameter { AmendmentId = amendment.Id, Key = p.Key, Value = p.Value.Trim() }));
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Done(amendment.Id);
    }

    /// <summary>Withdraws a proposal not yet on an agenda: by whoever proposed it or by the secretariat.</summary>
    public async Task<Outcome<Guid>> WithdrawAsync(ClaimsPrincipal user, Guid amendmentId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var amendment = await db.Set<RulesAmendment>().SingleOrDefaultAsync(a => a.Id == amendmentId, ct);
        if (amendment is null)
        {
            return refuse["Error.NotFound"];
        }

        if (amendment.ProposedById != SessionsAccess.UserId(user) && !await access.IsSecretariatAsync(user))
        {
            throw new UnauthorizedAccessException("Only the proposer or the secretariat may withdraw an amendment.");
        }

        if (amendment.State != AmendmentState.Proposed)
        {
            return refuse[amendment.State == AmendmentState.OnAgenda ? "Error.AmendmentAlreadyOnAgenda" : "Error.AmendmentDecided"];
        }

        amendment.State = AmendmentState.Withdrawn;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        return Outcome<Guid>.Done(amendment.Id);
    }

    /// <summary>
    /// Puts the amendment on a plenary's agenda as an item of kind <see cref="AgendaItemKind.RulesAmendment"/>,
    /// linked to it: the vote on that item uses the amendment majority and decides it.
    /// </summary>
    public async Task<Outcome<Guid>> PutOnAgendaAsync(ClaimsPrincipal user, Guid amendmentId, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var amendment = await db.Set<RulesAmendment>().SingleOrDefaultAsync(a => a.Id == amendmentId, ct);
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (amendment is null || session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (amendment.State != AmendmentState.Proposed)
        {
            return refuse[amendment.State == AmendmentState.OnAgenda ? "Error.AmendmentAlreadyOnAgenda" : "Error.AmendmentDecided"];
        }

        if (session.Body != SessionBody.Plenary)
        {
            return refuse["Error.AmendmentPlenaryOnly"];
        }

        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return refuse["Error.AgendaFrozen"];
        }

        var sessionDate = DateOnly.FromDateTime(NoressClock.ToLocal(session.EndsAt));
        if (amendment.EffectiveFrom is { } stated && stated <= sessionDate)
        {
            return refuse["Error.AmendmentEffectiveBeforeSession"];
        }

        string number;
        if (amendment.ArticleId is { } articleId)
        {
            var current = await CurrentVersionAsync(db, articleId, sessionDate, ct);
            if (current is null || current.Repealed)
            {
                return refuse["Error.ArticleRepealed"];
            }

            number = (await db.Set<RulesArticle>().AsNoTracking().SingleAsync(a => a.Id == articleId, ct)).Number;
        }
        else
        {
            number = amendment.NewNumber!;
            if (await db.Set<RulesArticle>().AnyAsync(a => a.Number == number, ct))
            {
                return refuse["Error.ArticleNumberTaken"];
            }
        }

        // Two amendments of one article on agendas at once could both be adopted for the same date: one at a time.
        if (await db.Set<RulesAmendment>().AnyAsync(a => a.State == AmendmentState.OnAgenda
                && (amendment.ArticleId != null ? a.ArticleId == amendment.ArticleId : a.NewNumber == number), ct))
        {
            return refuse["Error.AmendmentArticleBusy"];
        }

        var items = await db.Set<AgendaItem>().CountAsync(a => a.SessionId == sessionId, ct);
        if (items >= SessionService.MaxAgendaItems)
        {
            return refuse["Error.AgendaFull"];
        }

        var item = new AgendaItem
        {
            SessionId = sessionId,
            Kind = AgendaItemKind.RulesAmendment,
            Title = text["Amendment.AgendaTitle", number, text[$"Amendment.Kind.{amendment.Kind}"]],
            EstimatedMinutes = 15,
            Position = items,
        };
        db.Add(item);
        (amendment.AgendaItemId, amendment.SessionId, amendment.State) = (item.Id, sessionId, AmendmentState.OnAgenda);
        // Touching the session makes two concurrent additions conflict instead of sharing a position.
        db.Entry(session).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(sessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(item.Id);
    }

    /// <summary>Plenaries whose agenda can still take an amendment, soonest first.</summary>
    public async Task<IReadOnlyList<Session>> OpenAgendasAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.Set<Session>().AsNoTracking()
            .Where(s => s.Body == SessionBody.Plenary && (s.State == SessionState.Draft || s.State == SessionState.Convened))
            .ToListAsync(ct);
        return [.. sessions.OrderBy(s => s.StartsAt)];
    }

    /// <summary>Whether any amendment was ever adopted (its version stays even when an override revoked it).</summary>
    private static Task<bool> AnyAmendmentAdoptedAsync(NoressDbContext db, CancellationToken ct) =>
        db.Set<RulesArticleVersion>().AnyAsync(v => v.AmendmentId != null, ct);

    internal static Task<RulesArticleVersion?> CurrentVersionAsync(NoressDbContext db, Guid articleId, DateOnly date, CancellationToken ct) =>
        db.Set<RulesArticleVersion>().AsNoTracking()
            .Where(v => v.ArticleId == articleId && v.EffectiveFrom <= date && v.RevokedAt == null)
            .OrderByDescending(v => v.EffectiveFrom).FirstOrDefaultAsync(ct);

    /// <summary>The institution <paramref name="userId"/> is titular or alternate of on <paramref name="date"/>, if any.</summary>
    private static async Task<Guid?> RepresentedInstitutionAsync(NoressDbContext db, Guid userId, DateOnly date, CancellationToken ct)
    {
        var institutions = await db.Set<RepresentativeMandate>().AsNoTracking()
            .Where(m => m.UserId == userId && m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date))
            .Select(m => m.InstitutionId).Distinct().ToListAsync(ct);
        if (institutions.Count == 0)
        {
            return null;
        }

        var representation = await SessionBodies.RepresentativesAsync(db, institutions, date, ct);
        return institutions.Cast<Guid?>().FirstOrDefault(i => representation[i!.Value].TitularId == userId || representation[i!.Value].AlternateId == userId);
    }

    private async Task<IReadOnlyList<AmendmentView>> ViewsAsync(NoressDbContext db, IQueryable<RulesAmendment> query, CancellationToken ct)
    {
        var amendments = await query.AsNoTracking().ToListAsync(ct);
        if (amendments.Count == 0)
        {
            return [];
        }

        var ids = amendments.Select(a => a.Id).ToList();
        var parameters = await db.Set<RulesAmendmentParameter>().AsNoTracking().Where(p => ids.Contains(p.AmendmentId)).ToListAsync(ct);
        var articles = await db.Set<RulesArticle>().AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var baseIds = amendments.Where(a => a.BaseVersionId != null).Select(a => a.BaseVersionId!.Value).ToList();
        var bases = await db.Set<RulesArticleVersion>().AsNoTracking().Where(v => baseIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var institutionIds = amendments.Where(a => a.ProposedByInstitutionId != null).Select(a => a.ProposedByInstitutionId!.Value).ToList();
        var acronyms = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
        var views = new List<AmendmentView>();
        foreach (var a in amendments.OrderByDescending(a => a.ProposedAt))
        {
            // Undecided: against the text in force today, which may have changed since it was proposed.
            var before = a.State is AmendmentState.Proposed or AmendmentState.OnAgenda && a.ArticleId is { } articleId
                ? await CurrentVersionAsync(db, articleId, access.Today, ct)
                : a.BaseVersionId is { } baseId ? bases.GetValueOrDefault(baseId) : null;
            var article = a.ArticleId is { } id ? articles.GetValueOrDefault(id) : null;
            views.Add(new AmendmentView(
                a,
                article?.Number ?? a.NewNumber ?? string.Empty,
                article?.TitleFr ?? a.NewTitleFr ?? string.Empty,
                article?.TitleAr ?? a.NewTitleAr ?? string.Empty,
                RulesText.Diff(before?.TextFr ?? string.Empty, a.Kind == AmendmentKind.Repeal ? string.Empty : a.TextFr),
                RulesText.Diff(before?.TextAr ?? string.Empty, a.Kind == AmendmentKind.Repeal ? string.Empty : a.TextAr),
                [.. parameters.Where(p => p.AmendmentId == a.Id).OrderBy(p => p.Key)],
                a.ProposedByInstitutionId is { } inst ? acronyms.GetValueOrDefault(inst) : null));
        }

        return views;
    }
}
