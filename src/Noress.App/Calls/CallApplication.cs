using Noress.App.Data;

namespace Noress.App.Calls;

/// <summary>
/// An application to a call: from a member institution (prepared by its people, submitted by a representative) or,
/// when the call is open to outside initiatives, from an outside applicant person. <see cref="Version"/> is the
/// token autosave checks so no save overwrites one it has not seen.
/// </summary>
public sealed class CallApplication : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    /// <summary>1, 2, 3... per call, for references like "AMI-2-007".</summary>
    public int Number { get; set; }

    /// <summary>The applicant member institution; null for an outside initiative.</summary>
    public Guid? InstitutionId { get; set; }

    /// <summary>The outside applicant person (an outside-initiative account); null for a member institution.</summary>
    public Guid? ApplicantUserId { get; set; }

    /// <summary>The project's or initiative's name, shown in lists.</summary>
    public required string Title { get; set; }

    public ApplicationState State { get; set; } = ApplicationState.Draft;

    /// <summary>Competition: the prize's rank when <see cref="ApplicationState.Awarded"/>.</summary>
    public int? PrizeRank { get; set; }

    /// <summary>The budget table's requested total, kept with every save (envelopes and the cap read it).</summary>
    public decimal RequestedAmount { get; set; }

    /// <summary>The budget table's own-contribution total.</summary>
    public decimal OwnContribution { get; set; }

    /// <summary>The latest submission's instant; kept after a withdrawal.</summary>
    public DateTime? SubmittedAt { get; set; }

    public Guid? SubmittedById { get; set; }

    /// <summary>SHA-256 (hex) of the canonical serialization of what was submitted (the receipt's hash).</summary>
    public string? ReceiptHash { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The answer to one scalar field (text, amount, date, choice) or the document of a long-text field.
/// Budget lines, partners and files have their own rows.
/// </summary>
public sealed class ApplicationAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid FieldId { get; set; }

    // Not named Value: the audit trail redacts properties called Value.

    /// <summary>Text, or the chosen option's 0-based index for a choice.</summary>
    public string? Text { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>Long text: the co-edited document in the application's space.</summary>
    public Guid? DocumentId { get; set; }
}

/// <summary>One line of a budget table: what it costs, split between the amount requested and the own contribution.</summary>
public sealed class ApplicationBudgetLine
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid FieldId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    public decimal Requested { get; set; }

    public decimal OwnContribution { get; set; }
}

/// <summary>A partner of the application: a member institution (conflicts of interest follow it) or a named outside partner.</summary>
public sealed class ApplicationPartner
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid FieldId { get; set; }

    public int Position { get; set; }

    public Guid? InstitutionId { get; set; }

    /// <summary>The outside partner's name, when <see cref="InstitutionId"/> is null.</summary>
    public string? Name { get; set; }

    /// <summary>What the partner brings, in the applicant's words.</summary>
    public string? Role { get; set; }
}

/// <summary>A file attached to a files field, stored through the upload checks and the scanner.</summary>
public sealed class ApplicationFile
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid FieldId { get; set; }

    /// <summary>The sanitised name the person uploaded (hidden from evaluators of a blind call).</summary>
    public required string FileName { get; set; }

    /// <summary>The generated name in storage.</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 (hex) of the content, part of the receipt's hash.</summary>
    public required string Sha256 { get; set; }

    public Guid? UploadedById { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>One step of an application's history: from which state to which, who took it, when and why.</summary>
public sealed class ApplicationTransition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public ApplicationState From { get; set; }

    public ApplicationState To { get; set; }

    public Guid? ById { get; set; }

    public DateTime At { get; set; }

    public string? Reason { get; set; }
}
