using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions;

/// <param name="Body">Plenary or committee.</param>
/// <param name="CommitteeId">The committee that meets (committee meetings only).</param>
/// <param name="Title">The session's title.</param>
/// <param name="Place">Where it meets; required to convene.</param>
/// <param name="StartsAtUtc">Start, UTC.</param>
/// <param name="EndsAtUtc">End, UTC.</param>
/// <param name="AllowsSelfCheckIn">Representatives may check in themselves.</param>
public sealed record SessionInput(SessionBody Body, Guid? CommitteeId, string Title, string? Place, DateTime StartsAtUtc, DateTime EndsAtUtc, bool AllowsSelfCheckIn = false);

/// <summary>Creates sessions, keeps their agenda and takes them through their lifecycle (<see cref="SessionLifecycle"/>).</summary>
public sealed partial class SessionService(
    IDbContextFactory<NoressDbContext> dbFactory,
    SessionsAccess access,
    SessionMails mails,
    SessionLive live,
    ILogger<SessionService> logger,
    Refusals<SessionsText> refuse,
    Minutes.MinutesService minutes,
    DocumentService documents)
{
    public const int MaxAgendaItems = 50;

    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal user, SessionInput input, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        var title = (input.Title ?? string.Empty).Trim();
        if (title.Length is 0 or > 200)
        {
            return refuse["Error.Title"];
        }

        if (input.EndsAtUtc <= input.StartsAtUtc)
        {
            return refuse["Error.Dates"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.Body == SessionBody.Committee
            ? input.CommitteeId is not { } committeeId || !await db.Committees.AnyAsync(c => c.Id == committeeId, ct)
            : input.CommitteeId is not null)
        {
            return refuse["Error.Committee"];
        }

        var session = new Session
        {
            Body = input.Body,
            CommitteeId = input.CommitteeId,
            Title = title,
            Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(),
            StartsAt = input.StartsAtUtc,
            EndsAt = input.EndsAtUtc,
            AllowsSelfCheckIn = input.AllowsSelfCheckIn,
            CreatedById = SessionsAccess.UserId(user),
            CreatedAt = access.UtcNow,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(session.Id, SessionEvents.State);
        return Outcome<Guid>.Done(session.Id);
    }

    public async Task<Session?> FindAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
    }

    public async Task<IReadOnlyList<Session>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.StartsAt).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AgendaAsync(db, sessionId, ct);
    }

    /// <summary>Appends an item to the agenda (before the session opens).</summary>
    public async Task<Outcome<Guid>> AddAgendaItemAsync(ClaimsPrincipal user, Guid sessionId, AgendaItemKind kind, string title, int estimatedMinutes, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        title = (title ?? string.Empty).Trim();
        if (title.Length is 0 or > 300)
        {
            return refuse["Error.AgendaTitle"];
        }

        if (!Enum.IsDefined(kind))
        {
            return refuse["Error.AgendaKind"];
        }

        if (estimatedMinutes is < 1 or > 600)
        {
            return refuse["Error.AgendaDuration"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return refuse["Error.AgendaFrozen"];
        }

        var items = await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).CountAsync(ct);
        if (items >= MaxAgendaItems)
        {
            return refuse["Error.AgendaFull"];
        }

        var item = new AgendaItem { SessionId = sessionId, Kind = kind, Title = title, EstimatedMinutes = estimatedMinutes, Position = items };
        db.Add(item);
        // Touching the session makes two concurrent additions conflict instead of sharing a position.
        db.Entry(session).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(sessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(item.Id);
    }

    /// <summary>Moves an agenda item to <paramref name="newIndex"/> (0-based); the others keep their relative order.</summary>
    public async Task<Outcome<Guid>> MoveAgendaItemAsync(ClaimsPrincipal user, Guid itemId, int newIndex, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var session = await db.Set<Session>().SingleAsync(s => s.Id == item.SessionId, ct);
        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return refuse["Error.AgendaFrozen"];
        }

        var items = await db.Set<AgendaItem>().Where(a => a.SessionId == item.SessionId).OrderBy(a => a.Position).ToListAsync(ct);
        if (newIndex < 0 || newIndex >= items.Count)
        {
            return refuse["Error.AgendaPosition"];
        }

        var moving = items.Single(a => a.Id == itemId);
        items.Remove(moving);
        items.Insert(newIndex, moving);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i;
        }

        db.Entry(session).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(item.SessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(itemId);
    }

    /// <summary>Sets the item under discussion (null: none) while the session is open; every screen of the session follows it.</summary>
    public async Task<Outcome<Guid>> SetCurrentItemAsync(ClaimsPrincipal user, Guid sessionId, Guid? itemId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (session.State != SessionState.Open)
        {
            return refuse["Error.SessionNotOpen"];
        }

        if (itemId is { } id && !await db.Set<AgendaItem>().AnyAsync(a => a.Id == id && a.SessionId == sessionId, ct))
        {
            return refuse["Error.AgendaItemNotFound"];
        }

        session.CurrentAgendaItemId = itemId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(sessionId, SessionEvents.CurrentItem);
        return Outcome<Guid>.Done(sessionId);
    }

    /// <summary>Sends the convocation: needs a place, an agenda and a start in the future.</summary>
    public Task<Outcome<Guid>> ConveneAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Convene, async (db, session) =>
        {
            if (await ConveneErrorAsync(db, session, ct) is { } error)
            {
                return error;
            }

            session.ConvenedAt = access.UtcNow;
            await QueueConvocationsAsync(db, session, ConvocationKind.Notice, ct);
            return null;
        }, ct);

    /// <summary>Moves a convened session: the same invitation, updated (SEQUENCE raised).</summary>
    public Task<Outcome<Guid>> RescheduleAsync(ClaimsPrincipal user, Guid sessionId, DateTime startsAtUtc, DateTime endsAtUtc, string? place, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Reschedule, async (db, session) =>
        {
            if (endsAtUtc <= startsAtUtc)
            {
                return "Error.Dates";
            }

            (session.StartsAt, session.EndsAt) = (startsAtUtc, endsAtUtc);
            session.Place = string.IsNullOrWhiteSpace(place) ? session.Place : place.Trim();
            if (await ConveneErrorAsync(db, session, ct) is { } error)
            {
                return error;
            }

            session.CalendarSequence++;
            await QueueConvocationsAsync(db, session, ConvocationKind.Update, ct);
            return null;
        }, ct);

    /// <summary>No quorum: the session is convened again, at a new date, under the second convocation's quorum.</summary>
    public Task<Outcome<Guid>> ReconveneAsync(ClaimsPrincipal user, Guid sessionId, DateTime startsAtUtc, DateTime endsAtUtc, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Reconvene, async (db, session) =>
        {
            if (session.Convocation >= 2)
            {
                return "Error.AlreadySecondConvocation";
            }

            if ((await AttendanceService.QuorumAsync(db, session, ct)).Reached)
            {
                return "Error.QuorumReached";
            }

            if (endsAtUtc <= startsAtUtc)
            {
                return "Error.Dates";
            }

            (session.StartsAt, session.EndsAt) = (startsAtUtc, endsAtUtc);
            if (await ConveneErrorAsync(db, session, ct) is { } error)
            {
                return error;
            }

            session.Convocation = 2;
            session.OpenedAt = null;
            session.CalendarSequence++;
            await QueueConvocationsAsync(db, session, ConvocationKind.SecondConvocation, ct);
            return null;
        }, ct);

    public Task<Outcome<Guid>> OpenAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Open, (_, session) =>
        {
            session.OpenedAt = access.UtcNow;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Closes the session; every vote must be closed first.</summary>
    public Task<Outcome<Guid>> CloseAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Close, async (db, session) =>
        {
            if (await db.Set<Vote>().AnyAsync(v => v.SessionId == session.Id && v.State == VoteState.Open, ct))
            {
                return "Error.VotesStillOpen";
            }

            session.ClosedAt = access.UtcNow;
            // The minutes' draft is written from the session's data in the same save as the close.
            await minutes.DraftAsync(db, session, SessionsAccess.UserId(user), ct);
            return null;
        }, ct);

    public Task<Outcome<Guid>> ApproveMinutesAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.ApproveMinutes, (_, _) => Task.FromResult<string?>(null), ct);

    /// <summary>Cancels a draft or convened session; those already invited get a METHOD:CANCEL.</summary>
    public Task<Outcome<Guid>> CancelAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        TransitionAsync(user, sessionId, SessionAction.Cancel, async (db, session) =>
        {
            if (session.State == SessionState.Convened)
            {
                session.CalendarSequence++;
                await QueueConvocationsAsync(db, session, ConvocationKind.Cancellation, ct);
            }

            return null;
        }, ct);

    /// <summary>
    /// One lifecycle step: the table says whether it is allowed from the current state and who may take it;
    /// <paramref name="apply"/> validates and changes the session (null, or a SessionsText key to refuse);
    /// the session, its mails and its audit entry are saved together, and a concurrent step loses cleanly.
    /// </summary>
    private async Task<Outcome<Guid>> TransitionAsync(ClaimsPrincipal user, Guid sessionId, SessionAction action, Func<NoressDbContext, Session, Task<string?>> apply, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (SessionLifecycle.Find(session.State, action) is not { } transition)
        {
            return refuse[$"Error.Transition.{action}"];
        }

        if (!await access.MayActAsAsync(user, transition.Actor))
        {
            throw new UnauthorizedAccessException($"Only the {transition.Actor} may {action} a session.");
        }

        if (await apply(db, session) is { } error)
        {
            return refuse[error];
        }

        session.State = transition.To;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        logger.LogInformation("Session {SessionId}: {Action} to {State}", session.Id, action, session.State);
        await live.ChangedAsync(session.Id, SessionEvents.State);
        return Outcome<Guid>.Done(session.Id);
    }

    private async Task<string?> ConveneErrorAsync(NoressDbContext db, Session session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(session.Place))
        {
            return "Error.NoPlace";
        }

        if (!await db.Set<AgendaItem>().AnyAsync(a => a.SessionId == session.Id, ct))
        {
            return "Error.NoAgenda";
        }

        return session.StartsAt <= access.UtcNow ? "Error.InThePast" : null;
    }

    /// <summary>One mail per titular and alternate of every institution called, in the same save as the step.</summary>
    private async Task QueueConvocationsAsync(NoressDbContext db, Session session, ConvocationKind kind, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(NoressClock.ToLocal(session.StartsAt));
        var institutions = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        var representatives = await SessionBodies.RepresentativesAsync(db, [.. institutions], date, ct);
        var userIds = representatives.Values.SelectMany(r => new[] { r.TitularId, r.AlternateId }).OfType<Guid>().ToHashSet();
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName, u.PreferredCulture })
            .ToListAsync(ct);
        var agenda = await AgendaAsync(db, session.Id, ct);
        var now = access.UtcNow;
        foreach (var person in people)
        {
            var mail = mails.Convocation(person.PreferredCulture, person.Email!, person.FullName, session, agenda, kind, now);
            OutboxMail.Add(db, mail, $"session:{session.Id:N}:{session.CalendarSequence}:{kind}:{person.Id:N}", person.PreferredCulture, NotificationCategories.Sessions, person.Id, now);
        }
    }

    private static async Task<IReadOnlyList<AgendaItem>> AgendaAsync(NoressDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Set<AgendaItem>().AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Position).ToListAsync(ct);
}
