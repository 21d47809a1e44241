namespace Noress.App.Calls;

/// <summary>A file of an application as its pages list it.</summary>
public sealed record ApplicationFileView(Guid Id, Guid FieldId, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>A step of the application's history, with the name of who took it.</summary>
public sealed record ApplicationStep(ApplicationState From, ApplicationState To, string? By, DateTime At, string? Reason);

/// <summary>An institution a partner may be chosen from.</summary>
public sealed record PartnerChoice(Guid Id, string Acronym, string NameFr, string NameAr);

/// <summary>
/// An application as its form page shows it to the applicant's side (or the secretariat): the call's form, the saved
/// answers as a draft to edit, the long texts' documents, the files, what the checklist is judged on and what the
/// caller may do now. For the applicant's side, <see cref="Application"/>'s state and <see cref="History"/> hide the
/// deliberation's decision until the results are published (<see cref="Outputs.ResultsPublication"/>).
/// </summary>
public sealed record ApplicationView(
    CallApplication Application,
    string Reference,
    Call Call,
    CallEligibility Eligibility,
    IReadOnlyList<CallFormField> Fields,
    ApplicationDraft Draft,
    IReadOnlyDictionary<Guid, Guid> LongTextDocuments,
    IReadOnlyList<ApplicationFileView> Files,
    EligibilityFacts Facts,
    string ApplicantName,
    bool CanEdit,
    bool IsRepresentative,
    IReadOnlyList<ApplicationStep> History,
    IReadOnlyList<PartnerChoice> PartnerChoices,
    bool ResultsPublished = false)
{
    /// <summary>The outcome the caller may read (prize rank included), null until the call's results are published.</summary>
    public (ApplicationState State, int? PrizeRank)? Outcome => Outputs.ResultsPublication.Outcome(Application.State, Application.PrizeRank, ResultsPublished);

    /// <summary>The checklist for <paramref name="draft"/> (the page's current values): the same function submission runs.</summary>
    public IReadOnlyList<EligibilityCheck> Checklist(ApplicationDraft draft) =>
        EligibilityRules.Evaluate(Eligibility, Facts with { Requested = draft.Requested, OwnContribution = draft.OwnContribution }, RequiresDocuments);

    public bool RequiresDocuments => Fields.Any(f => f.Kind == FormFieldKind.Files && f.Required);
}

/// <summary>What a submission gives back: the reference, the instant and the receipt's hash.</summary>
public sealed record SubmissionReceipt(Guid ApplicationId, string Reference, DateTime SubmittedAt, string Hash);
