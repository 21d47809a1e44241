using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Notifications;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;

namespace Noress.App.Committees.Recommendations;

/// <summary>What the forward dialog sends: a title and either one of the committee's documents or a free-text plan change.</summary>
/// <param name="Title">The agenda item's title.</param>
/// <param name="DocumentId">The committee document forwarded, or null.</param>
/// <param name="Text">The plan change, when no document is forwarded.</param>
public sealed record RecommendationInput(string Title, Guid? DocumentId, string? Text);

/// <summary>A recommendation as the workspace and the secretariat's list show it.</summary>
public sealed record RecommendationItem(
    Guid Id, Guid CommitteeId, string CommitteeName, string Title, Guid? DocumentId, string? DocumentTitle, string? Text,
    RecommendationState State, string ForwardedBy, DateTime ForwardedAt, Guid? SessionId, string? SessionTitle);

/// <summary>The secretariat's list: pending recommendations and the plenaries they can be put on.</summary>
public sealed record PendingRecommendations(IReadOnlyList<RecommendationItem> Items, IReadOnlyList<PreparedPlenary> Plenaries);

/// <summary>"Forward to plenary" as the dialog uses it, a seam so the dialog is testable without a database.</summary>
public interface IForwardToPlenary
{
    /// <summary>Forwards the recommendation; its id, or why not.</summary>
    Task<Outcome<Guid>> ForwardAsync(ClaimsPrincipal caller, Guid committeeId, RecommendationInput input, CancellationToken ct);
}

/// <summary>
/// "Forward to plenary" (ADR 0028): the committee's chair or rapporteur forwards a document or a plan change; it lands
/// on the next plenary being prepared in the same transaction, or on the secretariat's pending list, who then put it
/// on a session of their choice. The secretariat is notified either way, and the forwarder when it is scheduled.
/// </summary>
public sealed class RecommendationService(
    IDbContextFactory<NoressDbContext> dbFactory,
    CommitteeWorkspaceAccess workspaceAccess,
    SessionsAccess access,
    DocumentService documents,
    DocumentAuthority authority,
    NotificationService notifications,
    SessionLive sessionLive,
    CommitteeLive live,
    IStringLocalizer<CommitteesText> text,
    Refusals<CommitteesText> refuse) : IForwardToPlenary
{
    public const int MaxText = 8000;
    public const int AgendaMinutes = 20;
    public const string PendingLink = "/committees/recommendations";

    /// <summary>The label of the forwarded version, in both working languages since it is stored once.</summary>
    public const string ForwardedLabel = "Transmis à la plénière – أحيل على الجلسة العامة";

    public async Task<Outcome<Guid>> ForwardAsync(ClaimsPrincipal caller, Guid committeeId, RecommendationInput input, CancellationToken ct)
    {
        var viewer = await workspaceAccess.ViewerAsync(caller, committeeId, ct);
        if (!viewer.MayForward || viewer.UserId is not { } userId)
        {
            throw new UnauthorizedAccessException("Only the committee's chair or rapporteur forwards to the plenary.");
        }

        var title = (input.Title ?? string.Empty).Trim();
        var planChange = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        if (title.Length is 0 or > 300)
        {
            return refuse["Error.RecommendationTitle"];
        }

        if ((input.DocumentId is null) == (planChange is null))
        {
            return refuse["Error.RecommendationContent"];
        }

        if (planChange?.Length > MaxText)
        {
            return refuse["Error.RecommendationText"];
        }

        if (input.DocumentId is { } documentId)
        {
            var document = await documents.GetAccessAsync(caller, documentId, ct);
            if (document is null || document.Right < DocumentRight.Read || document.Document.SpaceKind != DocumentSpaceKind.Committee || document.Document.SpaceId != committeeId)
            {
                return refuse["Error.DocumentNotFound"];
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return refuse["Error.CommitteeNotFound"];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = access.UtcNow;
        var recommendation = new CommitteeRecommendation
        {
            CommitteeId = committeeId,
            Title = title,
            DocumentId = input.DocumentId,
            Text = planChange,
            State = RecommendationState.Pending,
            ForwardedById = userId,
            ForwardedAt = now,
        };
        db.Add(recommendation);
        if (input.DocumentId is { } forwarded)
        {
            // The plenary debates the text as it was forwarded: that version is labelled.
            await DocumentRecords.LabelHeadAsync(db, authority, forwarded, ForwardedLabel, userId, now, ct);
        }

        // The next plenary being prepared; when its agenda is full or none is prepared, the secretariat chooses.
        var next = (await AgendaRecords.PreparedPlenariesAsync(db, now, ct)).FirstOrDefault();
        PreparedPlenary? scheduledOn = null;
        if (next is not null && await PutOnAgendaAsync(db, recommendation, committee, next.Id, userId, now, ct) is null)
        {
            scheduledOn = next;
        }

        var recipients = await NotifySecretariatAsync(db, recommendation, committee, scheduledOn, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The plenary's agenda changed at the same moment: nothing is saved, the chair tries again.
            return refuse["Error.Concurrent"];
        }

        await AnnounceAsync(recommendation, recipients);
        return Outcome<Guid>.Done(recommendation.Id);
    }

    /// <summary>The secretariat puts a pending recommendation on a plenary's agenda (draft or convened).</summary>
    public async Task<Outcome<Guid>> ScheduleAsync(ClaimsPrincipal caller, Guid recommendationId, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        var userId = SessionsAccess.UserId(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recommendation = await db.Set<CommitteeRecommendation>().SingleOrDefaultAsync(r => r.Id == recommendationId, ct);
        if (recommendation is null)
        {
            return refuse["Error.RecommendationNotFound"];
        }

        if (recommendation.State != RecommendationState.Pending)
        {
            return refuse["Error.RecommendationScheduled"];
        }

        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == recommendation.CommitteeId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = access.UtcNow;
        if (await PutOnAgendaAsync(db, recommendation, committee, sessionId, userId, now, ct) is { } error)
        {
            return refuse[error];
        }

        var sessionTitle = (await AgendaRecords.SessionTitlesAsync(db, [sessionId], ct))[sessionId];
        var forwarder = await db.Users.AsNoTracking().Where(u => u.Id == recommendation.ForwardedById).Select(u => new { u.Id, u.PreferredCulture, u.IsActive }).SingleAsync(ct);
        var recipients = new List<Guid>();
        if (forwarder.IsActive)
        {
            var (title, body) = NotificationMails.InCulture(forwarder.PreferredCulture, () =>
                (text["Notify.Scheduled.Title", recommendation.Title].Value, text["Notify.Scheduled.Body", PeopleText.Plain(sessionTitle) ?? string.Empty].Value));
            await notifications.AddAsync(db, forwarder.Id, NotificationCategories.Sessions, title, body, SessionLink(sessionId), ct);
            recipients.Add(forwarder.Id);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Scheduled by someone else meanwhile, or the agenda changed: nothing is saved.
            return refuse["Error.Concurrent"];
        }

        await AnnounceAsync(recommendation, recipients);
        return Outcome<Guid>.Done(recommendation.Id);
    }

    /// <summary>The pending recommendations of every committee with the plenaries being prepared (secretariat only).</summary>
    public async Task<PendingRecommendations> PendingAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await ItemsAsync(db, db.Set<CommitteeRecommendation>().AsNoTracking().Where(r => r.State == RecommendationState.Pending), ct);
        return new PendingRecommendations(items, await AgendaRecords.PreparedPlenariesAsync(db, access.UtcNow, ct));
    }

    /// <summary>A committee's recommendations, newest first, for its people and the staff; null for anyone else.</summary>
    public async Task<IReadOnlyList<RecommendationItem>?> OfCommitteeAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
    {
        if (!(await workspaceAccess.ViewerAsync(caller, committeeId, ct)).SeesPrivate)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ItemsAsync(db, db.Set<CommitteeRecommendation>().AsNoTracking().Where(r => r.CommitteeId == committeeId), ct);
    }

    public static string SessionLink(Guid sessionId) => $"/sessions/{sessionId:N}";

    /// <summary>Adds the agenda item (the document, or the plan change as a new session document, attached and open to members); null, or the SessionsText key of why not.</summary>
    private static async Task<string?> PutOnAgendaAsync(NoressDbContext db, CommitteeRecommendation recommendation, Committee committee, Guid sessionId, Guid? actorId, DateTime now, CancellationToken ct)
    {
        var title = $"{committee.NameFr} : {recommendation.Title}";
        Guid attached;
        if (recommendation.DocumentId is { } documentId)
        {
            attached = documentId;
        }
        else
        {
            var document = DocumentRecords.Add(db, DocumentSpaceKind.Session, sessionId, recommendation.Title, recommendation.Text ?? string.Empty, recommendation.ForwardedById, now);
            attached = document.Id;
        }

        var (item, error) = await AgendaRecords.AppendToPlenaryAsync(db, sessionId, AgendaItemKind.CommitteeRecommendation, title, AgendaMinutes, [attached], actorId, now, ct);
        if (item is null)
        {
            // Undo what this attempt added (the plan change's document); the recommendation stays pending.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is Document or DocumentSnapshot && recommendation.DocumentId is null).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return error;
        }

        // What is put before the plenary is read and commented on by every member (as the session's own documents are).
        await DocumentRecords.OpenToMembersAsync(db, attached, DocumentRight.Comment, ct);
        recommendation.State = RecommendationState.Scheduled;
        recommendation.SessionId = sessionId;
        recommendation.AgendaItemId = item.Id;
        recommendation.ScheduledById = actorId;
        recommendation.ScheduledAt = now;
        return null;
    }

    private async Task<List<Guid>> NotifySecretariatAsync(NoressDbContext db, CommitteeRecommendation recommendation, Committee committee, PreparedPlenary? scheduledOn, CancellationToken ct)
    {
        var staff = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.Secretariat && u.IsActive
                           select new { u.Id, u.PreferredCulture }).Distinct().ToListAsync(ct);
        foreach (var person in staff)
        {
            var (title, body) = NotificationMails.InCulture(person.PreferredCulture, () =>
            (
                text["Notify.Forwarded.Title", CommitteeText.Name(committee), recommendation.Title].Value,
                scheduledOn is null ? text["Notify.Forwarded.Pending"].Value : text["Notify.Forwarded.Scheduled", PeopleText.Plain(scheduledOn.Title) ?? string.Empty].Value
            ));
            await notifications.AddAsync(db, person.Id, NotificationCategories.Sessions, title, body, scheduledOn is null ? PendingLink : SessionLink(scheduledOn.Id), ct);
        }

        return [.. staff.Select(s => s.Id)];
    }

    private async Task AnnounceAsync(CommitteeRecommendation recommendation, IEnumerable<Guid> recipients)
    {
        foreach (var recipient in recipients)
        {
            await notifications.PublishChangedAsync(recipient, CancellationToken.None);
        }

        if (recommendation.SessionId is { } sessionId)
        {
            await sessionLive.ChangedAsync(sessionId, SessionEvents.Agenda);
        }

        await live.ChangedAsync(recommendation.CommitteeId, CommitteeEvents.Recommendations);
    }

    private static async Task<IReadOnlyList<RecommendationItem>> ItemsAsync(NoressDbContext db, IQueryable<CommitteeRecommendation> query, CancellationToken ct)
    {
        var rows = await query.ToListAsync(ct);
        var committeeIds = rows.Select(r => r.CommitteeId).Distinct().ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var userIds = rows.Select(r => r.ForwardedById).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var sessionIds = rows.Where(r => r.SessionId != null).Select(r => r.SessionId!.Value).Distinct().ToList();
        var sessions = await AgendaRecords.SessionTitlesAsync(db, sessionIds, ct);
        var documentIds = rows.Where(r => r.DocumentId != null).Select(r => r.DocumentId!.Value).Distinct().ToList();
        // Titles of the committee's own documents, shown to those who may see the recommendation (its people and the staff).
        var titles = await DocumentRecords.TitlesAsync(db, documentIds, ct);
        return [.. rows
            .OrderByDescending(r => r.ForwardedAt)
            .Select(r => new RecommendationItem(
                r.Id, r.CommitteeId, CommitteeText.Name(committees[r.CommitteeId]), r.Title, r.DocumentId,
                r.DocumentId is { } d ? titles.GetValueOrDefault(d) : null, r.Text, r.State,
                people.GetValueOrDefault(r.ForwardedById, string.Empty), r.ForwardedAt,
                r.SessionId, r.SessionId is { } s ? sessions.GetValueOrDefault(s) : null))];
    }
}
