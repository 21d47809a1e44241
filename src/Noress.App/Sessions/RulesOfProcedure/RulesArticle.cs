using Noress.App.Data;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>One numbered article of the internal rules (règlement intérieur); its text lives in versions.</summary>
public sealed class RulesArticle
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>"Art. 11": the same text rule parameters cite in <see cref="RuleParameter.Article"/>.</summary>
    public required string Number { get; set; }

    /// <summary>Order in the consolidated text.</summary>
    public int Position { get; set; }

    public required string TitleFr { get; set; }

    public required string TitleAr { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The text of an article from <see cref="EffectiveFrom"/> until the next version; a repeal is a version without
/// text. Rows are only appended: the rules in force on any past date can always be read again.
/// </summary>
public sealed class RulesArticleVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ArticleId { get; set; }

    public required string TextFr { get; set; }

    public required string TextAr { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>From <see cref="EffectiveFrom"/> the article is no longer in force.</summary>
    public bool Repealed { get; set; }

    /// <summary>The amendment that produced this version; null for the founding text.</summary>
    public Guid? AmendmentId { get; set; }

    /// <summary>The vote that adopted it; null for the founding text.</summary>
    public Guid? AdoptedByVoteId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Set when the secretariat overrode the adopting vote's verdict to rejected: the version stays in the history,
    /// marked, but is no longer in force; the article reads as before it (ADR 0026).
    /// </summary>
    public DateTime? RevokedAt { get; set; }

    public bool IsFounding => AmendmentId is null;

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>
/// A proposed change of the internal rules: a new text for one article, a new article, or a repeal, with its
/// rationale. Put on a session's agenda, it is adopted or rejected by the vote on that item.
/// </summary>
public sealed class RulesAmendment : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public AmendmentKind Kind { get; set; }

    /// <summary>The article amended or repealed; for a new article, the article created at adoption.</summary>
    public Guid? ArticleId { get; set; }

    /// <summary>The version in force when proposed: what the diff is shown against.</summary>
    public Guid? BaseVersionId { get; set; }

    /// <summary>A new article's number ("Art. 19").</summary>
    public string? NewNumber { get; set; }

    public string? NewTitleFr { get; set; }

    public string? NewTitleAr { get; set; }

    public string TextFr { get; set; } = string.Empty;

    public string TextAr { get; set; } = string.Empty;

    public required string Rationale { get; set; }

    /// <summary>The date the amendment states; null means the day after the session that adopts it.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    public AmendmentState State { get; set; } = AmendmentState.Proposed;

    public Guid ProposedById { get; set; }

    /// <summary>The institution whose representative proposed it; null when the secretariat did.</summary>
    public Guid? ProposedByInstitutionId { get; set; }

    public DateTime ProposedAt { get; set; }

    /// <summary>The agenda item (kind <see cref="AgendaItemKind.RulesAmendment"/>) it is voted under.</summary>
    public Guid? AgendaItemId { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? DecidedByVoteId { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>The article version adoption wrote.</summary>
    public Guid? AdoptedVersionId { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A rule parameter an amendment sets: adoption writes a new <see cref="RuleParameter"/> version.</summary>
public sealed class RulesAmendmentParameter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AmendmentId { get; set; }

    public RuleKey Key { get; set; }

    public required string Value { get; set; }
}

public enum AmendmentKind
{
    Amend,
    NewArticle,
    Repeal,
}

public enum AmendmentState
{
    Proposed,
    OnAgenda,
    Adopted,
    Rejected,
    Withdrawn,
}
