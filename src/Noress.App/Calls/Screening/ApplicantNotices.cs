using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Notifications;

namespace Noress.App.Calls.Screening;

/// <summary>
/// Tells the applicant's side of a step of their application: a notification (and its e-mail, per preference) for each
/// active person of the applicant institution, or the outside account that applied, in their language; the call's
/// jurors conflicted with the entry are left out (nothing of an entry reaches them). The workflow calls it for each
/// step, except the deliberation's decisions before the results are published, which publishing tells (ADR 0050).
/// </summary>
public sealed class ApplicantNotices(ReviewAccess access, NotificationService notifications, IStringLocalizer<ReviewText> text)
{
    /// <summary>Adds the notifications in <paramref name="db"/>'s unit of work (saved with the step); returns who to signal after the commit.</summary>
    public async Task<List<Guid>> AddAsync(NoressDbContext db, Call call, CallApplication application, ApplicationState to, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        var people = application.InstitutionId is { } institution
            ? await db.Users.AsNoTracking().Where(u => u.InstitutionId == institution && u.IsActive).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct)
            : await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId && u.IsActive).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        var picture = await access.PictureAsync(db, call.Id, ct);
        var jurors = picture?.Jurors.Select(j => j.UserId).ToHashSet() ?? [];
        var recipients = new List<Guid>();
        foreach (var person in people.Where(p => !jurors.Contains(p.Id) || picture?.IsConflicted(application.Id, p.Id) == false))
        {
            var (title, body) = NotificationMails.InCulture(person.PreferredCulture, () =>
                (text["Notify.Title", application.Title, text[$"State.{to}"]].Value, reason is null ? null : text["Notify.Reason", reason].Value));
            await notifications.AddAsync(db, person.Id, NotificationCategories.Calls, title, body, ApplicationWorkflowService.ApplicationLink(application.Id), ct);
            recipients.Add(person.Id);
        }

        return recipients;
    }

    /// <summary>Signals each recipient's bell, after the commit.</summary>
    public async Task SignalAsync(IEnumerable<Guid> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        foreach (var recipient in recipients.Distinct())
        {
            await notifications.PublishChangedAsync(recipient, CancellationToken.None);
        }
    }
}
