using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Calls.Pages;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Notifications;
using Noress.App.Shared.Localization;

namespace Noress.App.Calls.Jobs;

/// <summary>
/// The calls' scheduled work (issue 12 §14, ADR 0043), run by the recurring job <c>calls-schedule</c>: the publication
/// told to members, the closing told to drafts' people, the deadline's reminders to drafts' people, the end of
/// evaluation's reminders to jurors with sheets to submit, and selected projects' report reminders. Each notice is a
/// <see cref="CallNotice"/> inserted with its notification (and e-mail, per preference) in one transaction; a second
/// run, or a second node, meets the unique key. Nothing here decides anything: the deadline is judged at the request.
/// </summary>
public sealed partial class CallJobService(
    IDbContextFactory<NoressDbContext> dbFactory,
    NotificationService notifications,
    IStringLocalizer<CallJobsText> text,
    ReviewAccess reviewAccess,
    TimeProvider clock,
    ILogger<CallJobService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Everything due now; returns how many notifications this run created.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Call> calls;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Calls still in their life: published, and not past their last date (results, or the final report).
            var horizon = now.AddDays(-30);
            calls = await db.Set<Call>().AsNoTracking()
                .Where(c => c.PublishedAt != null && (c.ResultsAt >= horizon || c.InterimReportDueOn != null || c.FinalReportDueOn != null))
                .ToListAsync(cancellationToken);
        }

        var created = 0;
        foreach (var call in calls)
        {
            created += await AnnouncePublicationAsync(call, now, cancellationToken);
            created += await RemindDraftsAsync(call, now, cancellationToken);
            created += await AnnounceClosingAsync(call, now, cancellationToken);
            created += await RemindJurorsAsync(call, now, cancellationToken);
            created += await RemindReportsAsync(call, now, cancellationToken);
        }

        return created;
    }

    /// <summary>At the publication instant the call becomes visible (a rule, <see cref="CallSchedule.IsVisible"/>); members are told once.</summary>
    private async Task<int> AnnouncePublicationAsync(Call call, DateTime now, CancellationToken ct)
    {
        if (!CallDueRules.PublicationDue(call, now))
        {
            return 0;
        }

        List<Recipient> members;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            members = await (from user in db.Users.AsNoTracking()
                             join institution in db.Institutions.AsNoTracking() on user.InstitutionId equals institution.Id
                             where user.IsActive && institution.Status != MembershipStatus.Withdrawn
                             select new Recipient(user.Id, user.PreferredCulture)).ToListAsync(ct);
        }

        var key = $"{call.Id:N}:{CallDueRules.Stamp(call.PublicationAt)}";
        var created = 0;
        foreach (var person in members)
        {
            created += await NotifyOnceAsync(CallNoticeKinds.Published, key, person, $"/calls/{call.Id}",
                () => (text["Published.Title", CallTitle(call)].Value, text["Published.Body", NoressFormat.LongDateTime(call.OpensAt), NoressFormat.LongDateTime(call.DeadlineAt)].Value), ct) ? 1 : 0;
        }

        return created;
    }

    /// <summary>"Deadline in 7 days" and "in 1 day" to the people preparing each draft (not to submitted or withdrawn ones).</summary>
    private async Task<int> RemindDraftsAsync(Call call, DateTime now, CancellationToken ct)
    {
        if (CallDueRules.ReminderDue(call.DeadlineAt, now) is not { } days || now < call.OpensAt)
        {
            return 0;
        }

        var kind = CallNoticeKinds.Reminder(CallNoticeKinds.Deadline, days);
        var created = 0;
        foreach (var (application, people) in await DraftsAsync(call.Id, ct))
        {
            var key = $"{application.Id:N}:{CallDueRules.Stamp(call.DeadlineAt)}";
            foreach (var person in people)
            {
                created += await NotifyOnceAsync(kind, key, person, ApplicantLink(application),
                    () => (text[$"Deadline.Title.{days}", CallTitle(call)].Value, text["Deadline.Body", application.Title, NoressFormat.LongDateTime(call.DeadlineAt)].Value), ct) ? 1 : 0;
            }
        }

        return created;
    }

    /// <summary>From the deadline on, the people of drafts never submitted are told the call closed.</summary>
    private async Task<int> AnnounceClosingAsync(Call call, DateTime now, CancellationToken ct)
    {
        if (!CallDueRules.ClosingDue(call, now))
        {
            return 0;
        }

        var created = 0;
        foreach (var (application, people) in await DraftsAsync(call.Id, ct))
        {
            var key = $"{application.Id:N}:{CallDueRules.Stamp(call.DeadlineAt)}";
            foreach (var person in people)
            {
                created += await NotifyOnceAsync(CallNoticeKinds.Closed, key, person, ApplicantLink(application),
                    () => (text["Closed.Title", CallTitle(call)].Value, text["Closed.Body", NoressFormat.LongDateTime(call.DeadlineAt), application.Title].Value), ct) ? 1 : 0;
            }
        }

        return created;
    }

    /// <summary>
    /// Before the end of evaluation, each juror with sheets still to submit is reminded once per step, with the count of
    /// the entries they may see (assigned, not conflicted): an entry a juror is conflicted with is never counted or named.
    /// </summary>
    private async Task<int> RemindJurorsAsync(Call call, DateTime now, CancellationToken ct)
    {
        if (CallDueRules.ReminderDue(call.EvaluationEndsAt, now) is not { } days || now < call.DeadlineAt)
        {
            return 0;
        }

        var pending = new List<(Recipient Juror, int Count)>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await reviewAccess.PictureAsync(db, call.Id, ct) is not { } picture)
            {
                return 0;
            }

            var entries = picture.Applications.Where(a => a.State == ApplicationState.UnderEvaluation).Select(a => a.Id).ToList();
            var submitted = (await db.Set<ScoreSheet>().AsNoTracking()
                .Where(s => entries.Contains(s.ApplicationId) && s.State == ScoreSheetState.Submitted)
                .Select(s => new { s.ApplicationId, s.JurorId }).ToListAsync(ct)).Select(s => (s.ApplicationId, s.JurorId)).ToHashSet();
            var jurorIds = picture.Jurors.Select(j => j.UserId).ToList();
            var jurors = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id) && u.IsActive)
                .Select(u => new Recipient(u.Id, u.PreferredCulture)).ToListAsync(ct);
            foreach (var juror in jurors)
            {
                var count = entries.Count(e => JuryDue.OwesSheet(picture.IsAssigned(e, juror.UserId), picture.IsConflicted(e, juror.UserId), submitted.Contains((e, juror.UserId))));
                if (count > 0)
                {
                    pending.Add((juror, count));
                }
            }
        }

        var kind = CallNoticeKinds.Reminder(CallNoticeKinds.Evaluation, days);
        var key = $"{call.Id:N}:{CallDueRules.Stamp(call.EvaluationEndsAt)}";
        var created = 0;
        foreach (var (juror, count) in pending)
        {
            created += await NotifyOnceAsync(kind, key, juror, $"/calls/{call.Id}/review",
                () => (text[$"Evaluation.Title.{days}", CallTitle(call)].Value, text["Evaluation.Body", NoressFormat.Number(count), NoressFormat.LongDateTime(call.EvaluationEndsAt)].Value), ct) ? 1 : 0;
        }

        return created;
    }

    /// <summary>A selected AMI project's people are reminded 7 days and 1 day before each report's due day.</summary>
    private async Task<int> RemindReportsAsync(Call call, DateTime now, CancellationToken ct)
    {
        if (call.Kind != CallKind.Ami)
        {
            return 0;
        }

        var due = new List<(string Kind, DateOnly On, int Days)>();
        foreach (var (kind, on) in new[] { (CallNoticeKinds.InterimReport, call.InterimReportDueOn), (CallNoticeKinds.FinalReport, call.FinalReportDueOn) })
        {
            if (on is { } day && CallDueRules.ReportReminderDue(day, now) is { } days)
            {
                due.Add((kind, day, days));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var created = 0;
        foreach (var (application, people) in await ApplicantsAsync(call.Id, a => CallDueRules.ReportingStates.Contains(a.State), ct))
        {
            foreach (var (kind, on, days) in due)
            {
                var key = $"{application.Id:N}:{CallDueRules.Stamp(on)}";
                foreach (var person in people)
                {
                    created += await NotifyOnceAsync(CallNoticeKinds.Reminder(kind, days), key, person, ApplicantLink(application),
                        () => (text[$"{kind}.Title.{days}", CallTitle(call)].Value, text["Report.Body", application.Title, NoressFormat.LongDate(on)].Value), ct) ? 1 : 0;
                }
            }
        }

        return created;
    }

    private Task<List<(CallApplication Application, List<Recipient> People)>> DraftsAsync(Guid callId, CancellationToken ct) =>
        ApplicantsAsync(callId, a => a.State == ApplicationState.Draft, ct);

    /// <summary>The call's applications matching <paramref name="which"/>, each with its applicant side's active people.</summary>
    private async Task<List<(CallApplication Application, List<Recipient> People)>> ApplicantsAsync(Guid callId, Func<CallApplication, bool> which, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Number).ToListAsync(ct)).Where(which).ToList();
        if (applications.Count == 0)
        {
            return [];
        }

        var institutions = applications.Select(a => a.InstitutionId).OfType<Guid>().Distinct().ToList();
        var outside = applications.Select(a => a.ApplicantUserId).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && ((u.InstitutionId != null && institutions.Contains(u.InstitutionId.Value)) || outside.Contains(u.Id)))
            .Select(u => new { u.Id, u.InstitutionId, u.PreferredCulture }).ToListAsync(ct);
        return [.. applications.Select(a => (a, people
            .Where(p => a.InstitutionId is { } institution ? p.InstitutionId == institution : p.Id == a.ApplicantUserId)
            .Select(p => new Recipient(p.Id, p.PreferredCulture)).ToList()))];
    }

    /// <summary>The call's title in the current UI culture (the recipient's, inside InCulture).</summary>
    private static string CallTitle(Call call) => CallText.Title(call.TitleFr, call.TitleAr, call.TitleEn);

    /// <summary>Where the applicant's side opens the application: the members' page, or the outside applicant's own area.</summary>
    private static string ApplicantLink(CallApplication application) =>
        application.InstitutionId is not null ? $"/applications/{application.Id}" : "/applicant";

    /// <summary>One notice to one person, at most once: the marker and the notification in one transaction.</summary>
    private async Task<bool> NotifyOnceAsync(string kind, string key, Recipient person, string link, Func<(string Title, string Body)> compose, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await SentAsync(db, kind, key, person.UserId, ct))
            {
                return false;
            }

            var (title, body) = NotificationMails.InCulture(person.Culture, compose);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Add(new CallNotice { Kind = kind, Key = key, RecipientId = person.UserId, SentAt = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
                await notifications.AddAsync(db, person.UserId, NotificationCategories.Calls, title, body, link, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException exception)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await using var check = await dbFactory.CreateDbContextAsync(ct);
                if (await SentAsync(check, kind, key, person.UserId, ct))
                {
                    return false;
                }

                // Not a duplicate: most likely two writers appending to the audit chain at once.
                if (attempt >= MaxAttempts)
                {
                    throw;
                }

                LogRetry(logger, exception, kind, attempt);
                continue;
            }

            await notifications.PublishChangedAsync(person.UserId, ct);
            return true;
        }
    }

    private static Task<bool> SentAsync(NoressDbContext db, string kind, string key, Guid recipientId, CancellationToken ct) =>
        db.Set<CallNotice>().AnyAsync(n => n.Kind == kind && n.Key == key && n.RecipientId == recipientId, ct);

    private sealed record Recipient(Guid UserId, string Culture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call notice {Kind}: write conflict on attempt {Attempt}, retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string kind, int attempt);
}

/// <summary>Whether a juror owes a sheet on an entry: pure, so the conflict rule is tested on its own.</summary>
public static class JuryDue
{
    /// <summary>Assigned, not conflicted (then the entry does not exist for them), and no submitted sheet.</summary>
    public static bool OwesSheet(bool assigned, bool conflicted, bool submitted) => assigned && !conflicted && !submitted;
}
