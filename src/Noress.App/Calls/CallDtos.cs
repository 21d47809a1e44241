namespace Noress.App.Calls;

/// <summary>What the secretariat sets on a call (all instants in UTC).</summary>
public sealed class CallInput
{
    public CallKind Kind { get; set; }

    public int Edition { get; set; } = 1;

    public string TitleFr { get; set; } = string.Empty;

    public string TitleAr { get; set; } = string.Empty;

    public string? TitleEn { get; set; }

    public DateTime PublicationAt { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime DeadlineAt { get; set; }

    public DateTime EvaluationEndsAt { get; set; }

    public DateTime ResultsAt { get; set; }

    /// <summary>AMI: when selected projects' interim report is due (optional).</summary>
    public DateOnly? InterimReportDueOn { get; set; }

    /// <summary>AMI: when selected projects' final report is due (optional).</summary>
    public DateOnly? FinalReportDueOn { get; set; }

    public decimal? EnvelopeTotal { get; set; }

    public int? ProjectCount { get; set; }

    /// <summary>Competition: the prizes' amounts, first prize first.</summary>
    public List<decimal> Prizes { get; set; } = [];

    public bool IsBlind { get; set; }

    public bool OpenToOutsideInitiatives { get; set; }
}

/// <summary>A field of the form builder: <see cref="Id"/> null for a new field; the list's order is the form's.</summary>
public sealed class FormFieldInput
{
    public Guid? Id { get; set; }

    public FormFieldKind Kind { get; set; }

    public string LabelFr { get; set; } = string.Empty;

    public string LabelAr { get; set; } = string.Empty;

    public string? LabelEn { get; set; }

    public string? HelpFr { get; set; }

    public string? HelpAr { get; set; }

    public string? HelpEn { get; set; }

    public bool Required { get; set; }

    public int? MaxLength { get; set; }

    public decimal? MinAmount { get; set; }

    public decimal? MaxAmount { get; set; }

    public int? MaxItems { get; set; }

    public string? ChoicesFr { get; set; }

    public string? ChoicesAr { get; set; }

    public string? ChoicesEn { get; set; }

    public static FormFieldInput From(CallFormField f) => new()
    {
        Id = f.Id,
        Kind = f.Kind,
        LabelFr = f.LabelFr,
        LabelAr = f.LabelAr,
        LabelEn = f.LabelEn,
        HelpFr = f.HelpFr,
        HelpAr = f.HelpAr,
        HelpEn = f.HelpEn,
        Required = f.Required,
        MaxLength = f.MaxLength,
        MinAmount = f.MinAmount,
        MaxAmount = f.MaxAmount,
        MaxItems = f.MaxItems,
        ChoicesFr = f.ChoicesFr,
        ChoicesAr = f.ChoicesAr,
        ChoicesEn = f.ChoicesEn,
    };
}

/// <summary>A criterion of the grid builder; <see cref="Id"/> null for a new one.</summary>
public sealed class CriterionInput
{
    public Guid? Id { get; set; }

    public string LabelFr { get; set; } = string.Empty;

    public string LabelAr { get; set; } = string.Empty;

    public string? LabelEn { get; set; }

    public decimal Weight { get; set; } = 1m;

    public int ScaleMin { get; set; }

    public int ScaleMax { get; set; } = 5;
}

/// <summary>The eligibility parameters the secretariat sets.</summary>
public sealed class EligibilityInput
{
    public bool RequireMemberInGoodStanding { get; set; }

    public int? MaxApplicationsPerApplicant { get; set; }

    public decimal? MaxRequestedAmount { get; set; }

    public decimal? MinOwnContributionPercent { get; set; }

    public static EligibilityInput From(CallEligibility e) => new()
    {
        RequireMemberInGoodStanding = e.RequireMemberInGoodStanding,
        MaxApplicationsPerApplicant = e.MaxApplicationsPerApplicant,
        MaxRequestedAmount = e.MaxRequestedAmount,
        MinOwnContributionPercent = e.MinOwnContributionPercent,
    };
}

/// <summary>A line of the calls list.</summary>
public sealed record CallSummary(
    Guid Id, CallKind Kind, int Edition, string TitleFr, string TitleAr, string? TitleEn,
    DateTime OpensAt, DateTime DeadlineAt, bool IsPublished, bool AcceptsSubmissions, bool OpenToOutsideInitiatives, int? MyApplications);

public sealed record CallJurorView(Guid Id, Guid UserId, string Name, bool IsChair);

/// <summary>A whole call as its pages show it.</summary>
public sealed record CallDetails(
    Call Call,
    CallEligibility Eligibility,
    IReadOnlyList<CallPrize> Prizes,
    IReadOnlyList<CallFormField> Fields,
    IReadOnlyList<EvaluationCriterion> Criteria,
    IReadOnlyList<CallJurorView> Jurors,
    bool CanEdit,
    bool AcceptsSubmissions,
    IReadOnlyList<MyApplication> MyApplications);

/// <summary>One of the caller's side's applications to a call.</summary>
public sealed record MyApplication(Guid Id, string Reference, string Title, ApplicationState State, DateTime? SubmittedAt);

/// <summary>What the public page of a call open to outside initiatives shows (no people, no applications).</summary>
public sealed record PublicCall(
    Guid Id, CallKind Kind, int Edition, string TitleFr, string TitleAr, string? TitleEn, Guid? TextDocumentId,
    DateTime OpensAt, DateTime DeadlineAt, DateTime ResultsAt, IReadOnlyList<CallPrize> Prizes, decimal? EnvelopeTotal, int? ProjectCount, bool AcceptsSubmissions);

/// <summary>A person the secretariat may add to a call's jury.</summary>
public sealed record JurorChoice(Guid Id, string FullName);
