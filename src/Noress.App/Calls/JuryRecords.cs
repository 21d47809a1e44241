using Noress.App.Data;

namespace Noress.App.Calls;

/// <summary>A juror (or evaluator) asked to review an application.</summary>
public sealed class JurorAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    /// <summary>The juror's user id (one of the call's <see cref="CallJuror"/>).</summary>
    public Guid JurorId { get; set; }

    public DateTime AssignedAt { get; set; }

    public Guid? AssignedById { get; set; }
}

/// <summary>How a juror's position on an application was established.</summary>
public enum ConflictKind
{
    /// <summary>Found by the platform: the juror belongs to the applicant or a partner institution.</summary>
    Automatic = 0,

    /// <summary>Declared by the juror.</summary>
    Declared = 1,

    /// <summary>The juror declared having no conflict, before seeing the entry.</summary>
    NoneDeclared = 2,
}

/// <summary>A juror's conflict of interest on an application, or their declaration of none; one row per pair.</summary>
public sealed class ConflictDeclaration
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid JurorId { get; set; }

    public ConflictKind Kind { get; set; }

    public string? Reason { get; set; }

    public DateTime At { get; set; }
}

public enum ScoreSheetState
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>A juror's scores on one application, a draft until submitted.</summary>
public sealed class ScoreSheet : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public Guid JurorId { get; set; }

    public ScoreSheetState State { get; set; }

    public string? Comment { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The score given to one criterion of the grid on a sheet.</summary>
public sealed class Score
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SheetId { get; set; }

    public Guid CriterionId { get; set; }

    // Not named Value: the audit trail redacts properties called Value.
    public decimal Points { get; set; }

    public string? Comment { get; set; }
}
