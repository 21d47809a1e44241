using Noress.App.Data;

namespace Noress.App.Calls;

/// <summary>
/// One edition of a call (an AMI or a competition). Every instant is stored in UTC and shown in Africa/Casablanca
/// time; amounts are in MAD. A call stays a draft, seen by the secretariat only, until it is published.
/// </summary>
public sealed class Call : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public CallKind Kind { get; set; }

    /// <summary>1 for the first edition of this kind of call, 2 for the next...</summary>
    public int Edition { get; set; }

    public required string TitleFr { get; set; }

    public required string TitleAr { get; set; }

    public string? TitleEn { get; set; }

    /// <summary>The call's text, a co-edited document in the platform space (the secretariat edits it).</summary>
    public Guid? TextDocumentId { get; set; }

    /// <summary>When the call is shown (to members, and to the public when it is open to outside initiatives).</summary>
    public DateTime PublicationAt { get; set; }

    /// <summary>From this instant applications may be prepared and submitted.</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>Submissions are refused from this exact instant on (judged by the server's clock when submitting).</summary>
    public DateTime DeadlineAt { get; set; }

    public DateTime EvaluationEndsAt { get; set; }

    public DateTime ResultsAt { get; set; }

    /// <summary>AMI: the day a selected project's interim report is due (Casablanca); null when none is asked.</summary>
    public DateOnly? InterimReportDueOn { get; set; }

    /// <summary>AMI: the day a selected project's final report is due (Casablanca); null when none is asked.</summary>
    public DateOnly? FinalReportDueOn { get; set; }

    /// <summary>AMI: the envelope's total; null for a competition (its prizes say what is given).</summary>
    public decimal? EnvelopeTotal { get; set; }

    /// <summary>AMI: how many projects the envelope co-finances.</summary>
    public int? ProjectCount { get; set; }

    /// <summary>Evaluators do not see who applied (names, institutions, file names and metadata).</summary>
    public bool IsBlind { get; set; }

    /// <summary>Outside initiatives (cooperatives, associations) may apply; the call gets a public page.</summary>
    public bool OpenToOutsideInitiatives { get; set; }

    /// <summary>Set when the secretariat publishes the call; null while it is a draft.</summary>
    public DateTime? PublishedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A competition's prize: rank 1 is the first prize.</summary>
public sealed class CallPrize
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    public int Rank { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>
/// The parameters of a call's eligibility rules; one row per call.
/// A null limit means the rule does not apply. The required documents are the call's required file fields.
/// </summary>
public sealed class CallEligibility : IVersioned
{
    public Guid CallId { get; set; }

    /// <summary>The applicant must be a member institution in good standing with a signed MoU (AMI).</summary>
    public bool RequireMemberInGoodStanding { get; set; }

    /// <summary>At most this many applications submitted per institution (or outside applicant) in this call.</summary>
    public int? MaxApplicationsPerApplicant { get; set; }

    /// <summary>The requested amount (the budget's requested total) at most this.</summary>
    public decimal? MaxRequestedAmount { get; set; }

    /// <summary>The own contribution at least this share of the budget's total, in percent (0-100).</summary>
    public decimal? MinOwnContributionPercent { get; set; }

    public Guid Version { get; set; }
}

/// <summary>What one field of a call's application form asks for.</summary>
public enum FormFieldKind
{
    Text = 0,

    /// <summary>A co-edited document in the application's space.</summary>
    LongText = 1,
    Amount = 2,
    Date = 3,
    Choice = 4,

    /// <summary>Lines with the requested amount and the own contribution; totals computed.</summary>
    BudgetTable = 5,
    Partners = 6,
    Files = 7,
}

/// <summary>One field of a call's application form, in <see cref="Position"/> order.</summary>
public sealed class CallFormField : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    /// <summary>0-based order in the form, without gaps.</summary>
    public int Position { get; set; }

    public FormFieldKind Kind { get; set; }

    public required string LabelFr { get; set; }

    public required string LabelAr { get; set; }

    public string? LabelEn { get; set; }

    /// <summary>A line of help under the field, in French (ar/en optional).</summary>
    public string? HelpFr { get; set; }

    public string? HelpAr { get; set; }

    public string? HelpEn { get; set; }

    public bool Required { get; set; }

    /// <summary>Text: at most this many characters; long text: at most this many characters of the document.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Amount: the smallest accepted value.</summary>
    public decimal? MinAmount { get; set; }

    /// <summary>Amount: the largest accepted value.</summary>
    public decimal? MaxAmount { get; set; }

    /// <summary>Budget table, partners, files: at most this many lines, partners or files.</summary>
    public int? MaxItems { get; set; }

    /// <summary>Choice: the options, one per line, in French, Arabic and English (same count and order).</summary>
    public string? ChoicesFr { get; set; }

    public string? ChoicesAr { get; set; }

    public string? ChoicesEn { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One criterion of a call's evaluation grid; aggregation weights criteria by <see cref="Weight"/>.</summary>
public sealed class EvaluationCriterion : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    public int Position { get; set; }

    public required string LabelFr { get; set; }

    public required string LabelAr { get; set; }

    public string? LabelEn { get; set; }

    /// <summary>Positive; relative to the other criteria of the grid.</summary>
    public decimal Weight { get; set; } = 1m;

    public int ScaleMin { get; set; }

    public int ScaleMax { get; set; } = 5;

    public Guid Version { get; set; }
}

/// <summary>An evaluator (AMI) or juror (competition) of a call; one of them may chair.</summary>
public sealed class CallJuror
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    public Guid UserId { get; set; }

    public bool IsChair { get; set; }

    public DateTime AddedAt { get; set; }
}
