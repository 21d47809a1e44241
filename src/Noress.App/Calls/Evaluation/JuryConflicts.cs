namespace Noress.App.Calls.Evaluation;

/// <summary>Why a juror is conflicted with an entry.</summary>
public enum ConflictReason
{
    /// <summary>The juror belongs, or belonged, to the applicant institution.</summary>
    ApplicantInstitution = 0,

    /// <summary>The juror belongs, or belonged, to one of the application's partner institutions.</summary>
    PartnerInstitution = 1,

    /// <summary>The juror is one of the people named on the application (its authors, its team).</summary>
    NamedOnApplication = 2,

    /// <summary>The juror declared the conflict.</summary>
    Declared = 3,
}

/// <param name="ApplicationId">The entry.</param>
/// <param name="ApplicantInstitutionId">The applicant institution (null for an outside initiative not in the register).</param>
/// <param name="PartnerInstitutionIds">Its partner institutions.</param>
/// <param name="PeopleIds">The people named on it (applicant representative, team), as person ids comparable to juror ids.</param>
public sealed record ConflictEntry(Guid ApplicationId, Guid? ApplicantInstitutionId, IReadOnlyList<Guid> PartnerInstitutionIds, IReadOnlyList<Guid> PeopleIds);

/// <summary>A juror's affiliation, past or present: both count (a former employee still has ties).</summary>
/// <param name="JurorId">The juror.</param>
/// <param name="InstitutionId">The institution.</param>
public sealed record JurorAffiliation(Guid JurorId, Guid InstitutionId);

/// <param name="ApplicationId">The entry.</param>
/// <param name="JurorId">The juror.</param>
/// <param name="Conflicted">Declared a conflict (true) or declared none (false).</param>
public sealed record ConflictDeclaration(Guid ApplicationId, Guid JurorId, bool Conflicted);

/// <param name="ApplicationId">The entry.</param>
/// <param name="JurorId">The juror.</param>
/// <param name="Reasons">Every reason that applies, automatic ones first.</param>
public sealed record JurorConflict(Guid ApplicationId, Guid JurorId, IReadOnlyList<ConflictReason> Reasons)
{
    public bool Automatic => Reasons.Any(r => r != ConflictReason.Declared);
}

/// <summary>Whether a juror may see an entry, and if not, why (the page shows the declaration form for <see cref="DeclarationPending"/>).</summary>
public enum EntryAccess
{
    MaySee = 0,
    NotAssigned = 1,
    Conflicted = 2,
    DeclarationPending = 3,
}

/// <summary>
/// Conflicts of interest, institution-aware (issue 12 §8). Automatic ones come from affiliations and the people named on
/// the application; a juror adds one by declaring it. A declaration of "no conflict" never lifts an automatic conflict.
/// </summary>
public sealed class JuryConflicts
{
    private readonly Dictionary<(Guid Application, Guid Juror), JurorConflict> conflicts;
    private readonly Dictionary<(Guid Application, Guid Juror), bool> declarations;

    private JuryConflicts(Dictionary<(Guid, Guid), JurorConflict> conflicts, Dictionary<(Guid, Guid), bool> declarations)
    {
        this.conflicts = conflicts;
        this.declarations = declarations;
    }

    /// <summary>Every conflict, by application then juror.</summary>
    public IReadOnlyList<JurorConflict> All =>
        conflicts.Values.OrderBy(c => c.ApplicationId).ThenBy(c => c.JurorId).ToList();

    /// <summary>The conflicted (application, juror) pairs, for the assignment.</summary>
    public IReadOnlySet<(Guid ApplicationId, Guid JurorId)> Pairs => conflicts.Keys.ToHashSet();

    public static JuryConflicts Compute(
        IEnumerable<ConflictEntry> entries,
        IEnumerable<Guid> jurors,
        IEnumerable<JurorAffiliation> affiliations,
        IEnumerable<ConflictDeclaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(jurors);
        ArgumentNullException.ThrowIfNull(affiliations);
        ArgumentNullException.ThrowIfNull(declarations);

        var jurorIds = jurors.ToHashSet();
        var institutionsOf = affiliations.Where(a => jurorIds.Contains(a.JurorId)).ToLookup(a => a.JurorId, a => a.InstitutionId);
        var declared = new Dictionary<(Guid, Guid), bool>();
        foreach (var d in declarations)
        {
            // A later "conflict" overrides an earlier "no conflict"; the reverse is refused upstream (CheckDeclaration).
            declared[(d.ApplicationId, d.JurorId)] = declared.GetValueOrDefault((d.ApplicationId, d.JurorId)) || d.Conflicted;
        }

        var found = new Dictionary<(Guid, Guid), JurorConflict>();
        foreach (var entry in entries)
        {
            foreach (var juror in jurorIds)
            {
                var reasons = new List<ConflictReason>();
                var institutions = institutionsOf[juror].ToHashSet();
                if (entry.ApplicantInstitutionId is { } applicant && institutions.Contains(applicant))
                {
                    reasons.Add(ConflictReason.ApplicantInstitution);
                }

                if (entry.PartnerInstitutionIds.Any(institutions.Contains))
                {
                    reasons.Add(ConflictReason.PartnerInstitution);
                }

                if (entry.PeopleIds.Contains(juror))
                {
                    reasons.Add(ConflictReason.NamedOnApplication);
                }

                if (declared.GetValueOrDefault((entry.ApplicationId, juror)))
                {
                    reasons.Add(ConflictReason.Declared);
                }

                if (reasons.Count > 0)
                {
                    found[(entry.ApplicationId, juror)] = new JurorConflict(entry.ApplicationId, juror, reasons);
                }
            }
        }

        return new JuryConflicts(found, declared);
    }

    public bool IsConflicted(Guid applicationId, Guid jurorId) => conflicts.ContainsKey((applicationId, jurorId));

    public JurorConflict? Conflict(Guid applicationId, Guid jurorId) => conflicts.GetValueOrDefault((applicationId, jurorId));

    /// <summary>
    /// The "may see the entry" rule: assigned, not conflicted (automatically or by declaration), and the juror has declared
    /// no conflict. Every read path asks this (or filters by it) before showing anything of the entry.
    /// </summary>
    public EntryAccess Access(Guid applicationId, Guid jurorId, bool assigned)
    {
        if (!assigned)
        {
            return EntryAccess.NotAssigned;
        }

        if (IsConflicted(applicationId, jurorId))
        {
            return EntryAccess.Conflicted;
        }

        return declarations.ContainsKey((applicationId, jurorId)) ? EntryAccess.MaySee : EntryAccess.DeclarationPending;
    }

    /// <summary>The refusal code for the access, null when the juror may see the entry.</summary>
    public static string? AccessRefusal(EntryAccess access) => access switch
    {
        EntryAccess.MaySee => null,
        EntryAccess.NotAssigned => CallsEngineCodes.EntryNotAssigned,
        EntryAccess.Conflicted => CallsEngineCodes.EntryConflicted,
        _ => CallsEngineCodes.DeclarationPending,
    };

    /// <summary>
    /// Null when the juror may record the declaration, else the refusal code: declaring a conflict is always allowed; declaring
    /// none is refused against an automatic conflict, and after a conflict was declared (only the secretariat lifts it).
    /// </summary>
    public string? CheckDeclaration(Guid applicationId, Guid jurorId, bool conflicted)
    {
        if (conflicted)
        {
            return null;
        }

        if (Conflict(applicationId, jurorId) is { Automatic: true })
        {
            return CallsEngineCodes.ConflictAutomatic;
        }

        return declarations.GetValueOrDefault((applicationId, jurorId)) ? CallsEngineCodes.ConflictAlreadyDeclared : null;
    }
}
