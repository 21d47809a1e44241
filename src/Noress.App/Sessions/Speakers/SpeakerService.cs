using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Speakers;

/// <summary>One line of the speakers' list as screens show it: who (acronym, person when known), rank and time.</summary>
public sealed record SpeakerEntry(Guid Id, Guid AgendaItemId, Guid InstitutionId, string Institution, string? Person, int Rank, FloorState State, DateTime? StartedAt, int AllottedSeconds)
{
    /// <summary>1 for the next speaker, and so on; 0 for the one speaking.</summary>
    public int Rank { get; init; } = Rank;
}

/// <summary>An agenda item's queue and the session's current speaker (one at a time in the whole session).</summary>
/// <param name="Waiting">The item's waiting requests in order.</param>
/// <param name="Speaking">Whoever has the floor in the session, on any item.</param>
/// <param name="DefaultSeconds">The rules' speaking time.</param>
/// <param name="Candidates">Checked-in institutions not on the item's list, whom the secretariat may put on it.</param>
public sealed record SpeakersBoard(IReadOnlyList<SpeakerEntry> Waiting, SpeakerEntry? Speaking, int DefaultSeconds, IReadOnlyList<SpeakerCandidate> Candidates);

/// <summary>A checked-in institution the secretariat may put on the list.</summary>
public sealed record SpeakerCandidate(Guid InstitutionId, string Institution);

/// <summary>What a representative's button needs: the institution they sit for, whether it is checked in, and its request.</summary>
public sealed record MyFloor(Guid InstitutionId, bool CheckedIn, SpeakerEntry? Request, int Waiting);

/// <summary>
/// The speakers' list of each agenda item (issue 10 §7): representatives of checked-in institutions ask for the floor
/// from their devices, the secretariat orders the queue and starts and ends speeches. Races between nodes are settled
/// by unique indexes (position, one open request per institution and item, one speaker per session).
/// </summary>
public sealed class SpeakerService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, SessionLive live, Refusals<SessionsText> refuse, ILogger<SpeakerService> logger)
{
    private const int InsertAttempts = 5;

    /// <summary>
    /// Puts <paramref name="institutionId"/> on the item's list: asked by its titular or alternate representative, or by
    /// the secretariat for it; the institution must be checked in to the open session and not already on the list.
    /// </summary>
    public async Task<Outcome<Guid>> AskAsync(ClaimsPrincipal caller, Guid sessionId, Guid agendaItemId, Guid institutionId, CancellationToken cancellationToken)
    {
        await access.EnsureMemberAsync(caller);
        var callerId = SessionsAccess.UserId(caller);
        Guid? personId;
        int allotted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var (session, error) = await OpenSessionAsync(db, sessionId, cancellationToken);
            if (session is null)
            {
                return refuse[error!];
            }

            if (!await db.Set<AgendaItem>().AnyAsync(a => a.Id == agendaItemId && a.SessionId == sessionId, cancellationToken))
            {
                return refuse["Error.NotFound"];
            }

            var secretariat = await access.IsSecretariatAsync(caller);
            if (!secretariat && !await RepresentsAsync(db, session, callerId, institutionId, cancellationToken))
            {
                return refuse["Error.NotRepresentative"];
            }

            var attendance = await db.Set<SessionAttendance>().AsNoTracking()
                .SingleOrDefaultAsync(a => a.SessionId == sessionId && a.Convocation == session.Convocation && a.InstitutionId == institutionId, cancellationToken);
            if (attendance is null)
            {
                return refuse["Error.Speakers.NotCheckedIn"];
            }

            if (await HasOpenRequestAsync(db, agendaItemId, institutionId, cancellationToken))
            {
                return refuse["Error.Speakers.AlreadyAsked"];
            }

            personId = secretariat ? attendance.PersonId : callerId;
            allotted = (await RuleParameterService.InForceAsync(db, AttendanceService.SessionDate(session), cancellationToken)).SpeakingSeconds;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var maxUsed = await db.Set<FloorRequest>().Where(r => r.AgendaItemId == agendaItemId).MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
            var request = new FloorRequest
            {
                SessionId = sessionId,
                AgendaItemId = agendaItemId,
                InstitutionId = institutionId,
                PersonId = personId,
                Position = maxUsed + 1,
                AllottedSeconds = allotted,
                RequestedById = callerId,
                RequestedAt = access.UtcNow,
            };
            request.MoveTo(FloorState.Waiting, access.UtcNow);
            db.Add(request);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e)
            {
                // Another ask took the position (or the audit chain's next entry) first; the same institution's
                // second ask is the one refusal a retry must not hide.
                if (await HasOpenRequestAsync(agendaItemId, institutionId, cancellationToken))
                {
                    return refuse["Error.Speakers.AlreadyAsked"];
                }

                if (attempt >= InsertAttempts)
                {
                    throw;
                }

                logger.LogDebug(e, "Floor request on item {AgendaItemId} lost a race, attempt {Attempt}", agendaItemId, attempt);
                continue;
            }

            await live.ChangedAsync(sessionId, SessionEvents.Speakers);
            return Outcome<Guid>.Done(request.Id);
        }
    }

    /// <summary>Takes a waiting request off the list: by a representative of its institution or by the secretariat.</summary>
    public async Task<Outcome<Guid>> WithdrawAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken)
    {
        await access.EnsureMemberAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Set<FloorRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return refuse["Error.NotFound"];
        }

        if (!await access.IsSecretariatAsync(caller))
        {
            var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == request.SessionId, cancellationToken);
            if (!await RepresentsAsync(db, session, SessionsAccess.UserId(caller), request.InstitutionId, cancellationToken))
            {
                return refuse["Error.NotRepresentative"];
            }
        }

        if (request.State != FloorState.Waiting)
        {
            return refuse["Error.Speakers.NotWaiting"];
        }

        request.MoveTo(FloorState.Withdrawn, access.UtcNow);
        return await SaveAsync(db, request, "Error.Speakers.NotWaiting", cancellationToken);
    }

    /// <summary>The secretariat sets the order of the item's waiting requests; <paramref name="order"/> must list each of them once.</summary>
    public async Task<Outcome<Guid>> ReorderAsync(ClaimsPrincipal caller, Guid agendaItemId, IReadOnlyList<Guid> order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agendaItemId, cancellationToken);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var (session, error) = await OpenSessionAsync(db, item.SessionId, cancellationToken);
        if (session is null)
        {
            return refuse[error!];
        }

        var waiting = await db.Set<FloorRequest>().Where(r => r.AgendaItemId == agendaItemId && r.State == FloorState.Waiting).ToListAsync(cancellationToken);
        if (!SpeakerQueue.IsPermutationOf(order, [.. waiting.Select(r => r.Id)]))
        {
            return refuse["Error.Speakers.QueueChanged"];
        }

        var maxUsed = await db.Set<FloorRequest>().Where(r => r.AgendaItemId == agendaItemId).MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
        var positions = SpeakerQueue.PositionsAfter(maxUsed, order.Count);
        var byId = waiting.ToDictionary(r => r.Id);
        for (var i = 0; i < order.Count; i++)
        {
            byId[order[i]].Position = positions[i];
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An ask, a withdrawal or another reorder got there first: the list the secretary saw is gone.
            return refuse["Error.Speakers.QueueChanged"];
        }

        await live.ChangedAsync(item.SessionId, SessionEvents.Speakers);
        return Outcome<Guid>.Done(agendaItemId);
    }

    /// <summary>
    /// The secretariat gives the floor to a waiting request, for <paramref name="allottedSeconds"/> (else the time it
    /// already has); refused while anyone else speaks in the session.
    /// </summary>
    public async Task<Outcome<Guid>> StartAsync(ClaimsPrincipal caller, Guid requestId, int? allottedSeconds, CancellationToken cancellationToken)
    {
        await access.EnsureSecretariatAsync(caller);
        if (allottedSeconds is { } given && !SpeakerQueue.IsValidTime(given))
        {
            return refuse["Error.Speakers.Time"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Set<FloorRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return refuse["Error.NotFound"];
        }

        var (session, error) = await OpenSessionAsync(db, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refuse[error!];
        }

        if (request.State != FloorState.Waiting)
        {
            return refuse["Error.Speakers.NotWaiting"];
        }

        if (await db.Set<FloorRequest>().AnyAsync(r => r.SpeakingSessionId == request.SessionId, cancellationToken))
        {
            return refuse["Error.Speakers.SomeoneSpeaking"];
        }

        request.AllottedSeconds = allottedSeconds ?? request.AllottedSeconds;
        request.MoveTo(FloorState.Speaking, access.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique speaker key: another secretary gave the floor at the same instant. Or this request changed.
            var someoneSpeaks = await SomeoneSpeaksAsync(request.SessionId, cancellationToken);
            return refuse[someoneSpeaks ? "Error.Speakers.SomeoneSpeaking" : "Error.Speakers.NotWaiting"];
        }

        logger.LogInformation("Floor given to request {RequestId} in session {SessionId}", request.Id, request.SessionId);
        await live.ChangedAsync(request.SessionId, SessionEvents.Speakers);
        return Outcome<Guid>.Done(request.Id);
    }

    /// <summary>The secretariat ends the current speech.</summary>
    public async Task<Outcome<Guid>> EndAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken)
    {
        await access.EnsureSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Set<FloorRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return refuse["Error.NotFound"];
        }

        if (request.State != FloorState.Speaking)
        {
            return refuse["Error.Speakers.NotSpeaking"];
        }

        request.MoveTo(FloorState.Done, access.UtcNow);
        return await SaveAsync(db, request, "Error.Speakers.NotSpeaking", cancellationToken);
    }

    /// <summary>The secretariat changes the time given to a waiting or speaking request.</summary>
    public async Task<Outcome<Guid>> SetTimeAsync(ClaimsPrincipal caller, Guid requestId, int allottedSeconds, CancellationToken cancellationToken)
    {
        await access.EnsureSecretariatAsync(caller);
        if (!SpeakerQueue.IsValidTime(allottedSeconds))
        {
            return refuse["Error.Speakers.Time"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Set<FloorRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return refuse["Error.NotFound"];
        }

        if (request.State is not (FloorState.Waiting or FloorState.Speaking))
        {
            return refuse["Error.Speakers.NotWaiting"];
        }

        request.AllottedSeconds = allottedSeconds;
        return await SaveAsync(db, request, "Error.Speakers.QueueChanged", cancellationToken);
    }

    /// <summary>The item's waiting queue in order and the session's speaker, for any member's screen; null when there is no such item.</summary>
    public async Task<SpeakersBoard?> BoardAsync(ClaimsPrincipal caller, Guid sessionId, Guid? agendaItemId, CancellationToken cancellationToken)
    {
        await access.EnsureMemberAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || (agendaItemId is { } itemId && !await db.Set<AgendaItem>().AnyAsync(a => a.Id == itemId && a.SessionId == sessionId, cancellationToken)))
        {
            return null;
        }

        var rows = await db.Set<FloorRequest>().AsNoTracking()
            .Where(r => r.SpeakingSessionId == sessionId || (agendaItemId != null && r.AgendaItemId == agendaItemId && r.State == FloorState.Waiting))
            .OrderBy(r => r.Position)
            .ToListAsync(cancellationToken);
        var entries = await EntriesAsync(db, rows, cancellationToken);
        var rules = await RuleParameterService.InForceAsync(db, AttendanceService.SessionDate(session), cancellationToken);
        IReadOnlyList<SpeakerCandidate> candidates = [];
        if (agendaItemId is not null)
        {
            var onList = db.Set<FloorRequest>().Where(r => r.AgendaItemId == agendaItemId && r.OpenInstitutionId != null).Select(r => r.InstitutionId);
            candidates = await (from a in db.Set<SessionAttendance>().AsNoTracking()
                                join i in db.Institutions.AsNoTracking() on a.InstitutionId equals i.Id
                                where a.SessionId == sessionId && a.Convocation == session.Convocation && !onList.Contains(a.InstitutionId)
                                orderby i.Acronym
                                select new SpeakerCandidate(i.Id, i.Acronym)).ToListAsync(cancellationToken);
        }

        return new SpeakersBoard(
            [.. entries.Where(e => e.State == FloorState.Waiting)],
            entries.SingleOrDefault(e => e.State == FloorState.Speaking),
            rules.SpeakingSeconds,
            candidates);
    }

    /// <summary>For a representative's button: the institution they sit for in this session and its request on the item; null for anyone else.</summary>
    public async Task<MyFloor?> MineAsync(ClaimsPrincipal caller, Guid sessionId, Guid agendaItemId, CancellationToken cancellationToken)
    {
        await access.EnsureMemberAsync(caller);
        if (SessionsAccess.UserId(caller) is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var date = AttendanceService.SessionDate(session);
        var candidates = await db.Set<RepresentativeMandate>().AsNoTracking()
            .Where(m => m.UserId == userId && m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date))
            .Select(m => m.InstitutionId).Distinct().ToListAsync(cancellationToken);
        var representatives = await SessionBodies.RepresentativesAsync(db, candidates, date, cancellationToken);
        var represented = candidates.Where(id => representatives[id].TitularId == userId || representatives[id].AlternateId == userId).ToList();
        if (represented.Count == 0)
        {
            return null;
        }

        var checkedIn = await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.Convocation == session.Convocation && represented.Contains(a.InstitutionId))
            .Select(a => a.InstitutionId).ToListAsync(cancellationToken);
        // A person sits for one institution; should they hold two mandates, the checked-in one is theirs today.
        var institutionId = checkedIn.Count > 0 ? checkedIn.Min() : represented.Min();
        var rows = await db.Set<FloorRequest>().AsNoTracking()
            .Where(r => r.AgendaItemId == agendaItemId && (r.State == FloorState.Waiting || r.OpenInstitutionId == institutionId))
            .OrderBy(r => r.Position)
            .ToListAsync(cancellationToken);
        var mine = rows.SingleOrDefault(r => r.OpenInstitutionId == institutionId);
        var rank = mine is null ? 0 : rows.Where(r => r.State == FloorState.Waiting).TakeWhile(r => r.Id != mine.Id).Count() + 1;
        var entry = mine is null ? null : new SpeakerEntry(mine.Id, mine.AgendaItemId, mine.InstitutionId, string.Empty, null, mine.State == FloorState.Waiting ? rank : 0, mine.State, mine.StartedAt, mine.AllottedSeconds);
        return new MyFloor(institutionId, checkedIn.Contains(institutionId), entry, rows.Count(r => r.State == FloorState.Waiting));
    }

    private async Task<Outcome<Guid>> SaveAsync(NoressDbContext db, FloorRequest request, string raceError, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The request's version moved: someone else acted on it at the same instant.
            return refuse[raceError];
        }

        await live.ChangedAsync(request.SessionId, SessionEvents.Speakers);
        return Outcome<Guid>.Done(request.Id);
    }

    private static async Task<(Session? Session, string? Error)> OpenSessionAsync(NoressDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return session switch
        {
            null => (null, "Error.NotFound"),
            { State: not SessionState.Open } => (null, "Error.Speakers.SessionNotOpen"),
            _ => (session, null),
        };
    }

    private static async Task<bool> RepresentsAsync(NoressDbContext db, Session session, Guid? userId, Guid institutionId, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
        {
            return false;
        }

        var representation = (await SessionBodies.RepresentativesAsync(db, [institutionId], AttendanceService.SessionDate(session), cancellationToken))[institutionId];
        return representation.TitularId == id || representation.AlternateId == id;
    }

    private static Task<bool> HasOpenRequestAsync(NoressDbContext db, Guid agendaItemId, Guid institutionId, CancellationToken cancellationToken) =>
        db.Set<FloorRequest>().AnyAsync(r => r.AgendaItemId == agendaItemId && r.OpenInstitutionId == institutionId, cancellationToken);

    private async Task<bool> HasOpenRequestAsync(Guid agendaItemId, Guid institutionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HasOpenRequestAsync(db, agendaItemId, institutionId, cancellationToken);
    }

    private async Task<bool> SomeoneSpeaksAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<FloorRequest>().AnyAsync(r => r.SpeakingSessionId == sessionId, cancellationToken);
    }

    private static async Task<IReadOnlyList<SpeakerEntry>> EntriesAsync(NoressDbContext db, IReadOnlyList<FloorRequest> rows, CancellationToken cancellationToken)
    {
        var institutionIds = rows.Select(r => r.InstitutionId).Distinct().ToList();
        var personIds = rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var rank = 0;
        return
        [
            .. rows.Select(r => new SpeakerEntry(
                r.Id,
                r.AgendaItemId,
                r.InstitutionId,
                institutions.GetValueOrDefault(r.InstitutionId) ?? string.Empty,
                r.PersonId is { } p ? people.GetValueOrDefault(p) : null,
                r.State == FloorState.Waiting ? ++rank : 0,
                r.State,
                r.StartedAt,
                r.AllottedSeconds)),
        ];
    }
}
