using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Evaluation;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Review;

/// <summary>One juror on the secretariat's jury page.</summary>
/// <param name="UserId">The juror.</param>
/// <param name="Name">Their name.</param>
/// <param name="IsChair">They chair the jury.</param>
/// <param name="Load">Entries assigned to them.</param>
/// <param name="Submitted">Sheets they submitted.</param>
/// <param name="Conflicts">Entries they are conflicted with (automatic or declared).</param>
public sealed record JuryMemberRow(Guid UserId, string Name, bool IsChair, int Load, int Submitted, int Conflicts);

/// <summary>A juror assigned to an entry.</summary>
/// <param name="UserId">The juror.</param>
/// <param name="Name">Their name.</param>
/// <param name="Declared">They declared having no conflict (they may see the entry).</param>
/// <param name="Submitted">Their sheet is submitted (the assignment can no longer be withdrawn).</param>
public sealed record AssignedJuror(Guid UserId, string Name, bool Declared, bool Submitted);

/// <summary>A juror conflicted with an entry, and why.</summary>
/// <param name="UserId">The juror.</param>
/// <param name="Name">Their name.</param>
/// <param name="Reasons">The engine's reasons (applicant or partner institution, named, declared).</param>
public sealed record ConflictedJuror(Guid UserId, string Name, IReadOnlyList<ConflictReason> Reasons);

/// <summary>One entry on the jury page.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">The project's name.</param>
/// <param name="Applicant">Who applied.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Assigned">Its jurors.</param>
/// <param name="Conflicted">The call's jurors conflicted with it.</param>
public sealed record JuryEntryRow(Guid ApplicationId, int Number, string Title, string Applicant, ApplicationState State,
    IReadOnlyList<AssignedJuror> Assigned, IReadOnlyList<ConflictedJuror> Conflicted);

/// <summary>A person who may be added to the jury.</summary>
/// <param name="UserId">Who.</param>
/// <param name="Name">Their name.</param>
public sealed record JuryCandidate(Guid UserId, string Name);

/// <summary>The secretariat's jury page: the jurors with their loads and conflicts, the entries with their jurors.</summary>
/// <param name="CallId">The call.</param>
/// <param name="TitleFr">Its title in French.</param>
/// <param name="TitleAr">In Arabic.</param>
/// <param name="IsBlind">Jurors do not see who applied.</param>
/// <param name="Members">The jurors, chair first, then by name.</param>
/// <param name="Entries">The applications past the draft, by number.</param>
/// <param name="Candidates">Active people not on the jury yet, by name.</param>
public sealed record JuryBoard(Guid CallId, string TitleFr, string TitleAr, bool IsBlind, IReadOnlyList<JuryMemberRow> Members,
    IReadOnlyList<JuryEntryRow> Entries, IReadOnlyList<JuryCandidate> Candidates);

public sealed partial class JuryService
{
    /// <summary>The jury page's data; null when the caller is not the secretariat or there is no such call.</summary>
    public async Task<JuryBoard?> BoardAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null)
        {
            return null;
        }

        var ids = picture.Applications.Select(a => a.Id).ToList();
        var jurorIds = picture.Jurors.Select(j => j.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var submitted = (await db.Set<ScoreSheet>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId) && s.State == ScoreSheetState.Submitted)
            .Select(s => new { s.ApplicationId, s.JurorId }).ToListAsync(ct)).Select(s => (s.ApplicationId, s.JurorId)).ToHashSet();
        var declared = (await db.Set<Calls.ConflictDeclaration>().AsNoTracking().Where(d => ids.Contains(d.ApplicationId) && d.Kind == ConflictKind.NoneDeclared)
            .Select(d => new { d.ApplicationId, d.JurorId }).ToListAsync(ct)).Select(d => (d.ApplicationId, d.JurorId)).ToHashSet();
        var names = await ApplicantNamesAsync(db, picture.Applications, ct);
        string Name(Guid id) => people.GetValueOrDefault(id, string.Empty);

        var members = picture.Jurors
            .Select(j => new JuryMemberRow(j.UserId, Name(j.UserId), j.IsChair, picture.Assigned.Count(a => a.JurorId == j.UserId),
                submitted.Count(s => s.JurorId == j.UserId), picture.Conflicts.All.Count(c => c.JurorId == j.UserId)))
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var entries = picture.Applications.Select(a => new JuryEntryRow(a.Id, a.Number, a.Title, names.GetValueOrDefault(a.Id, string.Empty), a.State,
                [.. jurorIds.Where(j => picture.IsAssigned(a.Id, j)).Select(j => new AssignedJuror(j, Name(j), declared.Contains((a.Id, j)), submitted.Contains((a.Id, j))))
                    .OrderBy(j => j.Name, StringComparer.CurrentCulture)],
                [.. picture.Conflicts.All.Where(c => c.ApplicationId == a.Id && jurorIds.Contains(c.JurorId)).Select(c => new ConflictedJuror(c.JurorId, Name(c.JurorId), c.Reasons))
                    .OrderBy(c => c.Name, StringComparer.CurrentCulture)]))
            .ToList();
        var candidates = await db.Users.AsNoTracking().Where(u => u.IsActive && !jurorIds.Contains(u.Id)).OrderBy(u => u.FullName)
            .Select(u => new JuryCandidate(u.Id, u.FullName)).ToListAsync(ct);
        return new JuryBoard(callId, picture.Call.TitleFr, picture.Call.TitleAr, picture.Call.IsBlind, members, entries, candidates);
    }

    /// <summary>
    /// Takes a person off the jury (the secretariat) with their assignments, draft sheets and declarations; refused once
    /// they have submitted a sheet, which the ranking counts.
    /// </summary>
    public async Task<Outcome<Guid>> RemoveJurorAsync(ClaimsPrincipal user, Guid callId, Guid personId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var juror = await db.Set<CallJuror>().SingleOrDefaultAsync(j => j.CallId == callId && j.UserId == personId, ct);
        if (juror is null)
        {
            return refuse["Error.NotJuror"];
        }

        var ids = db.Set<CallApplication>().Where(a => a.CallId == callId).Select(a => a.Id);
        var sheets = await db.Set<ScoreSheet>().Where(s => s.JurorId == personId && ids.Contains(s.ApplicationId)).ToListAsync(ct);
        if (sheets.Any(s => s.State == ScoreSheetState.Submitted))
        {
            return refuse["Error.JurorHasSheets"];
        }

        db.RemoveRange(sheets);
        db.RemoveRange(await db.Set<Calls.JurorAssignment>().Where(a => a.JurorId == personId && ids.Contains(a.ApplicationId)).ToListAsync(ct));
        db.RemoveRange(await db.Set<Calls.ConflictDeclaration>().Where(d => d.JurorId == personId && ids.Contains(d.ApplicationId)).ToListAsync(ct));
        db.Remove(juror);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        return Outcome<Guid>.Done(juror.Id);
    }

    /// <summary>Names the jury's chair among its jurors (the secretariat); the previous chair stays a juror.</summary>
    public async Task<Outcome<Guid>> SetChairAsync(ClaimsPrincipal user, Guid callId, Guid personId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurors = await db.Set<CallJuror>().Where(j => j.CallId == callId).ToListAsync(ct);
        if (jurors.SingleOrDefault(j => j.UserId == personId) is not { } chair)
        {
            return refuse["Error.NotJuror"];
        }

        foreach (var juror in jurors)
        {
            juror.IsChair = juror == chair;
        }

        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        return Outcome<Guid>.Done(chair.Id);
    }

    /// <summary>Withdraws an entry from a juror (the secretariat) with their draft sheet; refused once their sheet is submitted.</summary>
    public async Task<Outcome<Guid>> UnassignAsync(ClaimsPrincipal user, Guid applicationId, Guid jurorId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.Set<Calls.JurorAssignment>().SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.JurorId == jurorId, ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        if (assignment is null || callId is null)
        {
            return refuse["Error.NotAssigned"];
        }

        var sheet = await db.Set<ScoreSheet>().SingleOrDefaultAsync(s => s.ApplicationId == applicationId && s.JurorId == jurorId, ct);
        if (sheet?.State == ScoreSheetState.Submitted)
        {
            return refuse["Error.SheetSubmitted"];
        }

        if (sheet is not null)
        {
            db.Remove(sheet);
        }

        db.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId.Value), new BusEvent(ReviewEvents.Jury), CancellationToken.None);
        return Outcome<Guid>.Done(assignment.Id);
    }

    /// <summary>The juror's link for an entry: their list of entries, where they declare before seeing it (never the applicant's page).</summary>
    public static string JurorLink(Guid callId) => $"/calls/{callId}/review";

    /// <summary>
    /// Tells each juror of their new entries, in their language, with the link to their list (the only page of the entry
    /// they may open). Only the entry's reference goes out: no applicant name, and assignments never pair a conflicted juror.
    /// </summary>
    private async Task<List<Guid>> NotifyAssignedAsync(NoressDbContext db, JuryPicture picture, IReadOnlyList<(Guid ApplicationId, Guid JurorId)> added, CancellationToken ct)
    {
        var jurorIds = added.Select(a => a.JurorId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        var numbers = picture.Applications.ToDictionary(a => a.Id, a => a.Number);
        var recipients = new List<Guid>();
        foreach (var person in people)
        {
            var entries = added.Where(a => a.JurorId == person.Id && !picture.IsConflicted(a.ApplicationId, person.Id)).Select(a => numbers[a.ApplicationId]).Order().ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            var (title, body) = NotificationMails.InCulture(person.PreferredCulture, () =>
                (text["Notify.Assigned", BilingualText.Preferred(picture.Call.TitleFr, picture.Call.TitleAr)].Value,
                 text["Notify.AssignedEntries", string.Join(", ", entries.Select(n => text["Sheet.Reference", NoressFormat.Number(n)].Value))].Value));
            await notifications.AddAsync(db, person.Id, NotificationCategories.Calls, title, body, JurorLink(picture.Call.Id), ct);
            recipients.Add(person.Id);
        }

        return recipients;
    }

    private async Task PublishNotifiedAsync(IEnumerable<Guid> recipients)
    {
        foreach (var recipient in recipients)
        {
            await notifications.PublishChangedAsync(recipient, CancellationToken.None);
        }
    }
}
