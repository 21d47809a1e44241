using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Review;

/// <summary>A deliberation note as the screen shows it.</summary>
/// <param name="Id">The note.</param>
/// <param name="ApplicationId">The entry it is about; null for a general note.</param>
/// <param name="Number">The entry's number (null for a general note).</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">What it says.</param>
/// <param name="At">When (UTC).</param>
public sealed record DeliberationNoteView(Guid Id, Guid? ApplicationId, int? Number, string Author, string Text, DateTime At);

public sealed partial class DeliberationService
{
    /// <summary>
    /// The deliberation's notes the caller may read, oldest first: general ones, and those about the entries on their
    /// deliberation screen (a chair conflicted with an entry reads none of its notes). Empty for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<DeliberationNoteView>> NotesAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, callId, ct);
        if (caller is null || !(caller.IsStaff || caller.IsChair))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null)
        {
            return [];
        }

        var numbers = picture.Applications.Where(a => ReviewAccess.CanDeliberate(caller, picture, a.Id)).ToDictionary(a => a.Id, a => a.Number);
        var notes = await db.Set<DeliberationNote>().AsNoTracking().Where(n => n.CallId == callId).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(ct);
        var visible = notes.Where(n => n.ApplicationId is not { } id || numbers.ContainsKey(id)).ToList();
        var authorIds = visible.Select(n => n.AuthorId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. visible.Select(n => new DeliberationNoteView(n.Id, n.ApplicationId, n.ApplicationId is { } id ? numbers[id] : null,
            authors.GetValueOrDefault(n.AuthorId, string.Empty), n.Text, n.At))];
    }

    /// <summary>
    /// Writes a note on the deliberation (the secretariat or the chair): general, or about an entry the caller deliberates
    /// (a chair conflicted with it gets "application not found"). Announced without content: screens reload their notes.
    /// </summary>
    public async Task<Outcome<Guid>> AddNoteAsync(ClaimsPrincipal user, Guid callId, Guid? applicationId, string? text, CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return refuse["Error.NoteRequired"];
        }

        if (text.Length > DeliberationNote.MaxText)
        {
            return refuse["Error.NoteTooLong"];
        }

        var caller = await access.CallerAsync(user, callId, ct);
        if (caller is null || !(caller.IsStaff || caller.IsChair))
        {
            return refuse["Error.CallNotFound"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null)
        {
            return refuse["Error.CallNotFound"];
        }

        if (applicationId is { } id && !(Shown.Contains(picture.Applications.FirstOrDefault(a => a.Id == id)?.State ?? ApplicationState.Draft)
            && ReviewAccess.CanDeliberate(caller, picture, id)))
        {
            return refuse["Error.ApplicationNotFound"];
        }

        var note = new DeliberationNote { CallId = callId, ApplicationId = applicationId, AuthorId = caller.UserId, Text = text, At = access.UtcNow };
        db.Add(note);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(ReviewEvents.Notes), CancellationToken.None);
        return Outcome<Guid>.Done(note.Id);
    }
}
