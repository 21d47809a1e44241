using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Evaluation;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Review;

/// <summary>One entry in a juror's list: only what the read rule lets them see.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="Reference">Its neutral reference ("Candidature 7").</param>
/// <param name="Number">Its number in the call.</param>
/// <param name="Title">The project's name.</param>
/// <param name="Applicant">Who applied; null in a blind call.</param>
/// <param name="DeclarationPending">The juror must declare (no) conflict before seeing more.</param>
/// <param name="SheetSubmitted">The juror's sheet is submitted.</param>
public sealed record JurorEntry(Guid ApplicationId, string Reference, int Number, string Title, string? Applicant, bool DeclarationPending, bool SheetSubmitted);

/// <summary>
/// The call's jury (issue 12 §7-§8): jurors, assignments by hand and automatic (the engine's k reviews per entry,
/// balanced load, conflicts excluded), and the jurors' declarations before they see an entry.
/// </summary>
public sealed partial class JuryService(
    IDbContextFactory<NoressDbContext> dbFactory,
    ReviewAccess access,
    IEventBus bus,
    NotificationService notifications,
    IStringLocalizer<ReviewText> text,
    Refusals<ReviewText> refuse,
    Refusals<CallsEngineText> engine)
{
    /// <summary>Adds a person to the call's jury (the secretariat); one chair at most.</summary>
    public async Task<Outcome<Guid>> AddJurorAsync(ClaimsPrincipal user, Guid callId, Guid personId, bool isChair, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Call>().AnyAsync(c => c.Id == callId, ct))
        {
            return refuse["Error.CallNotFound"];
        }

        if (!await db.Users.AnyAsync(u => u.Id == personId && u.IsActive, ct))
        {
            return refuse["Error.PersonNotFound"];
        }

        if (await db.Set<CallJuror>().AnyAsync(j => j.CallId == callId && j.UserId == personId, ct))
        {
            return refuse["Error.AlreadyJuror"];
        }

        if (isChair && await db.Set<CallJuror>().AnyAsync(j => j.CallId == callId && j.IsChair, ct))
        {
            return refuse["Error.ChairTaken"];
        }

        var juror = new CallJuror { CallId = callId, UserId = personId, IsChair = isChair, AddedAt = access.UtcNow };
        db.Add(juror);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        return Outcome<Guid>.Done(juror.Id);
    }

    /// <summary>Assigns an entry to a juror by hand (the secretariat); refused when the juror is conflicted with it.</summary>
    public async Task<Outcome<Guid>> AssignAsync(ClaimsPrincipal user, Guid applicationId, Guid jurorId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        var picture = callId is null ? null : await access.PictureAsync(db, callId.Value, ct);
        if (picture is null || picture.Applications.All(a => a.Id != applicationId))
        {
            return refuse["Error.ApplicationNotFound"];
        }

        if (picture.Jurors.All(j => j.UserId != jurorId))
        {
            return refuse["Error.NotJuror"];
        }

        if (picture.IsConflicted(applicationId, jurorId))
        {
            return engine.For(CallsEngineCodes.EntryConflicted);
        }

        if (picture.IsAssigned(applicationId, jurorId))
        {
            return refuse["Error.AlreadyAssigned"];
        }

        var assignment = new JurorAssignment { ApplicationId = applicationId, JurorId = jurorId, AssignedAt = access.UtcNow, AssignedById = ReviewAccess.UserId(user) };
        db.Add(assignment);
        var notified = await NotifyAssignedAsync(db, picture, [(applicationId, jurorId)], ct);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(picture.Call.Id), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        await PublishNotifiedAsync(notified);
        return Outcome<Guid>.Done(assignment.Id);
    }

    /// <summary>
    /// Completes the assignment of the call's entries under evaluation to <paramref name="reviewsPerEntry"/> jurors each
    /// (the engine: balanced load, conflicts excluded, assignments made by hand kept). Returns how many were added.
    /// </summary>
    public async Task<Outcome<int>> AssignAutomaticallyAsync(ClaimsPrincipal user, Guid callId, int reviewsPerEntry, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        if (reviewsPerEntry is < 1 or > 20)
        {
            return refuse["Error.ReviewsPerEntry"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null)
        {
            return refuse["Error.CallNotFound"];
        }

        var entries = picture.Applications.Where(a => a.State == ApplicationState.UnderEvaluation).Select(a => a.Id).ToList();
        var scope = entries.ToHashSet();
        var manual = picture.Assigned.Where(p => scope.Contains(p.ApplicationId)).Select(p => new AssignmentPair(p.ApplicationId, p.JurorId)).ToList();
        var result = JuryAssignment.Assign(new AssignmentInput(entries, [.. picture.Jurors.Select(j => j.UserId)], picture.Conflicts.Pairs, manual, reviewsPerEntry,
            callId.GetHashCode()));
        var now = access.UtcNow;
        var added = new List<(Guid ApplicationId, Guid JurorId)>();
        foreach (var pair in result.Assignments.Where(a => !picture.IsAssigned(a.ApplicationId, a.JurorId)))
        {
            db.Add(new Calls.JurorAssignment { ApplicationId = pair.ApplicationId, JurorId = pair.JurorId, AssignedAt = now, AssignedById = ReviewAccess.UserId(user) });
            added.Add((pair.ApplicationId, pair.JurorId));
        }

        var notified = await NotifyAssignedAsync(db, picture, added, ct);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        await PublishNotifiedAsync(notified);
        return Outcome<int>.Done(added.Count);
    }

    /// <summary>
    /// The juror's declaration on an entry assigned to them, before they see it: no conflict, or a conflict with its
    /// reason. A declared conflict hides the entry from them at once; "no conflict" is refused against an automatic one.
    /// </summary>
    public async Task<Outcome<Guid>> DeclareAsync(ClaimsPrincipal user, Guid applicationId, bool conflicted, string? reason, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (conflicted && reason is null)
        {
            return refuse["Error.ConflictReasonRequired"];
        }

        if (reason?.Length > CallLimits.MaxReason)
        {
            return refuse["Error.ReasonTooLong"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        var picture = callId is null ? null : await access.PictureAsync(db, callId.Value, ct);
        if (picture is null || ReviewAccess.UserId(user) is not { } jurorId || !picture.IsAssigned(applicationId, jurorId))
        {
            return refuse["Error.ApplicationNotFound"];
        }

        if (picture.Conflicts.CheckDeclaration(applicationId, jurorId, conflicted) is { } code)
        {
            return engine.For(code);
        }

        var row = await db.Set<Calls.ConflictDeclaration>().SingleOrDefaultAsync(d => d.ApplicationId == applicationId && d.JurorId == jurorId, ct);
        if (row is null)
        {
            row = new Calls.ConflictDeclaration { ApplicationId = applicationId, JurorId = jurorId };
            db.Add(row);
        }

        row.Kind = conflicted ? ConflictKind.Declared : ConflictKind.NoneDeclared;
        row.Reason = reason;
        row.At = access.UtcNow;
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(picture.Call.Id), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        return Outcome<Guid>.Done(row.Id);
    }

    /// <summary>The entries the caller, a juror of the call, has to review: conflicted ones are not listed at all.</summary>
    public async Task<IReadOnlyList<JurorEntry>> MyEntriesAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null || ReviewAccess.UserId(user) is not { } jurorId)
        {
            return [];
        }

        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => s.JurorId == jurorId && s.State == ScoreSheetState.Submitted)
            .Select(s => s.ApplicationId).ToListAsync(ct);
        var names = await ApplicantNamesAsync(db, picture.Applications, ct);
        var list = new List<JurorEntry>();
        foreach (var application in picture.Applications)
        {
            var seen = picture.Access(application.Id, jurorId);
            if (seen is EntryAccess.MaySee or EntryAccess.DeclarationPending)
            {
                list.Add(new JurorEntry(application.Id, ReviewNames.Reference(application.Number), application.Number, application.Title,
                    picture.Call.IsBlind ? null : names.GetValueOrDefault(application.Id), seen == EntryAccess.DeclarationPending, sheets.Contains(application.Id)));
            }
        }

        return list;
    }

    /// <summary>
    /// Whether the caller must still declare (no) conflict on the entry before seeing it: true only for a juror it is
    /// assigned to, not conflicted with, who has not declared yet (everyone else gets false, the same as "no such entry").
    /// </summary>
    public async Task<(bool Pending, int Number, string Title)?> PendingDeclarationAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        var picture = callId is null ? null : await access.PictureAsync(db, callId.Value, ct);
        if (picture is null || ReviewAccess.UserId(user) is not { } jurorId || picture.Access(applicationId, jurorId) != EntryAccess.DeclarationPending)
        {
            return null;
        }

        var application = picture.Applications.Single(a => a.Id == applicationId);
        return (true, application.Number, application.Title);
    }

    /// <summary>The applicant's name per application (the institution's French name, or the outside applicant's name).</summary>
    internal static async Task<Dictionary<Guid, string>> ApplicantNamesAsync(NoressDbContext db, IReadOnlyList<CallApplication> applications, CancellationToken ct)
    {
        var institutionIds = applications.Select(a => a.InstitutionId).OfType<Guid>().Distinct().ToList();
        var personIds = applications.Select(a => a.ApplicantUserId).OfType<Guid>().Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.NameFr, ct);
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return applications.ToDictionary(a => a.Id, a => a.InstitutionId is { } i ? institutions.GetValueOrDefault(i, string.Empty)
            : a.ApplicantUserId is { } p ? people.GetValueOrDefault(p, string.Empty) : string.Empty);
    }
}
