using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Calls.Evaluation;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Time;
using EngineDeclaration = Noress.App.Calls.Evaluation.ConflictDeclaration;

namespace Noress.App.Calls.Review;

/// <summary>The person asking, as the review side of a call sees them.</summary>
/// <param name="UserId">Who.</param>
/// <param name="IsStaff">The secretariat: sees every submitted application of the call.</param>
/// <param name="IsJuror">One of the call's jurors (or evaluators).</param>
/// <param name="IsChair">The jury's chair.</param>
public sealed record ReviewCaller(Guid UserId, bool IsStaff, bool IsJuror, bool IsChair);

/// <summary>
/// What one call's jury may see, computed once per request from the stored rows: the conflicts (automatic from the
/// jurors' institutions and the people named on each entry, plus declarations), the assignments, and so what each
/// juror may see of each entry.
/// </summary>
public sealed class JuryPicture
{
    internal JuryPicture(Call call, IReadOnlyList<CallApplication> applications, IReadOnlyList<CallJuror> jurors, JuryConflicts conflicts, IReadOnlySet<(Guid, Guid)> assigned)
    {
        Call = call;
        Applications = applications;
        Jurors = jurors;
        Conflicts = conflicts;
        Assigned = assigned;
    }

    public Call Call { get; }

    /// <summary>The call's applications past the draft (submitted, screened, evaluated, decided).</summary>
    public IReadOnlyList<CallApplication> Applications { get; }

    public IReadOnlyList<CallJuror> Jurors { get; }

    public JuryConflicts Conflicts { get; }

    /// <summary>The (application, juror) pairs assigned.</summary>
    public IReadOnlySet<(Guid ApplicationId, Guid JurorId)> Assigned { get; }

    public bool IsAssigned(Guid applicationId, Guid jurorId) => Assigned.Contains((applicationId, jurorId));

    /// <summary>What a juror may see of an entry (the engine's rule: assigned, not conflicted, declaration made).</summary>
    public EntryAccess Access(Guid applicationId, Guid jurorId) => Conflicts.Access(applicationId, jurorId, IsAssigned(applicationId, jurorId));

    /// <summary>Whether the juror is conflicted with the entry: then nothing of it reaches them, and their sheet counts nowhere.</summary>
    public bool IsConflicted(Guid applicationId, Guid jurorId) => Conflicts.IsConflicted(applicationId, jurorId);
}

/// <summary>
/// The one read rule of the review side (issue 12 §8): every page, list, export, file link, notification, deliberation
/// row and live signal about an application asks <see cref="CanSeeEntry"/> or filters by <see cref="VisibleEntries"/>.
/// The secretariat sees every application past the draft; a juror sees only the entries assigned to them on which they
/// are not conflicted and have declared no conflict; a conflicted juror sees nothing of the entry, anywhere.
/// </summary>
public sealed class ReviewAccess(IAuthorizationService authorization, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => NoressClock.Today(clock);

    public async Task<bool> IsStaffAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    /// <summary>The caller as the call's review side sees them; null when anonymous, deactivated, or neither staff nor juror.</summary>
    public async Task<ReviewCaller?> CallerAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (UserId(user) is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive, ct))
        {
            return null;
        }

        var juror = await db.Set<CallJuror>().AsNoTracking().SingleOrDefaultAsync(j => j.CallId == callId && j.UserId == userId, ct);
        var staff = await IsStaffAsync(user);
        return staff || juror is not null ? new ReviewCaller(userId, staff, juror is not null, juror?.IsChair == true) : null;
    }

    /// <summary>Everything the read rule needs for one call, from <paramref name="db"/>; null when there is no such call.</summary>
    public async Task<JuryPicture?> PictureAsync(NoressDbContext db, Guid callId, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var applications = await db.Set<CallApplication>().AsNoTracking()
            .Where(a => a.CallId == callId && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
            .OrderBy(a => a.Number).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var jurors = await db.Set<CallJuror>().AsNoTracking().Where(j => j.CallId == callId).ToListAsync(ct);
        var jurorIds = jurors.Select(j => j.UserId).ToList();
        var partners = (await db.Set<ApplicationPartner>().AsNoTracking()
            .Where(p => ids.Contains(p.ApplicationId) && p.InstitutionId != null).ToListAsync(ct)).ToLookup(p => p.ApplicationId, p => p.InstitutionId!.Value);
        var declarations = await db.Set<ConflictDeclaration>().AsNoTracking().Where(d => ids.Contains(d.ApplicationId)).ToListAsync(ct);
        var assignments = await db.Set<JurorAssignment>().AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);

        // A juror's institutions: their own (profile) and every institution they have represented, past mandates included.
        var affiliations = new List<JurorAffiliation>();
        affiliations.AddRange((await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id) && u.InstitutionId != null)
            .Select(u => new { u.Id, u.InstitutionId }).ToListAsync(ct)).Select(u => new JurorAffiliation(u.Id, u.InstitutionId!.Value)));
        affiliations.AddRange((await db.Set<RepresentativeMandate>().AsNoTracking().Where(m => jurorIds.Contains(m.UserId))
            .Select(m => new { m.UserId, m.InstitutionId }).ToListAsync(ct)).Select(m => new JurorAffiliation(m.UserId, m.InstitutionId)));

        var entries = applications.Select(a => new ConflictEntry(a.Id, a.InstitutionId, [.. partners[a.Id]],
            [.. new[] { a.ApplicantUserId, a.CreatedById, a.SubmittedById }.OfType<Guid>().Distinct()]));
        // Stored automatic rows are a record of what was found; the live computation from the register is what decides.
        var engineDeclarations = declarations.Where(d => d.Kind != ConflictKind.Automatic)
            .Select(d => new EngineDeclaration(d.ApplicationId, d.JurorId, d.Kind == ConflictKind.Declared));
        var conflicts = JuryConflicts.Compute(entries, jurorIds, affiliations, engineDeclarations);
        var assigned = assignments.Select(a => (a.ApplicationId, a.JurorId)).ToHashSet();
        return new JuryPicture(call, applications, jurors, conflicts, assigned);
    }

    /// <summary>The applications of the picture's call the caller may see (their ids); staff see all of them.</summary>
    public static IReadOnlySet<Guid> VisibleEntries(ReviewCaller caller, JuryPicture picture) =>
        caller.IsStaff
            ? picture.Applications.Select(a => a.Id).ToHashSet()
            : picture.Applications.Where(a => picture.Access(a.Id, caller.UserId) == EntryAccess.MaySee).Select(a => a.Id).ToHashSet();

    /// <summary>Whether the caller may see anything of the application.</summary>
    public static bool CanSeeEntry(ReviewCaller caller, JuryPicture picture, Guid applicationId) =>
        picture.Applications.Any(a => a.Id == applicationId)
        && (caller.IsStaff || picture.Access(applicationId, caller.UserId) == EntryAccess.MaySee);

    /// <summary>
    /// Whether the entry is on the caller's deliberation screen: the secretariat sees every entry; the chair every entry
    /// they are not conflicted with (assigned to them or not).
    /// </summary>
    public static bool CanDeliberate(ReviewCaller caller, JuryPicture picture, Guid applicationId) =>
        picture.Applications.Any(a => a.Id == applicationId)
        && (caller.IsStaff || (caller.IsChair && !picture.IsConflicted(applicationId, caller.UserId)));

    /// <summary>Whether the caller sees who applied: staff always; jurors only when the call is not blind.</summary>
    public static bool SeesIdentity(ReviewCaller caller, JuryPicture picture) => caller.IsStaff || !picture.Call.IsBlind;

    /// <summary>The call an application belongs to; null when there is no such application.</summary>
    public static async Task<Guid?> CallOfAsync(NoressDbContext db, Guid applicationId, CancellationToken ct) =>
        await db.Set<CallApplication>().AsNoTracking().Where(a => a.Id == applicationId).Select(a => (Guid?)a.CallId).SingleOrDefaultAsync(ct);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
