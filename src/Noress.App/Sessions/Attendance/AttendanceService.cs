using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions.Attendance;

/// <summary>Check-in, proxies and the live quorum of a session.</summary>
public sealed partial class AttendanceService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, SessionLive live, Refusals<SessionsText> refuse)
{
    /// <summary>
    /// Checks an institution in at the current convocation: the secretariat for anyone, or a titular or
    /// alternate representative for their own institution when the session allows self check-in.
    /// </summary>
    public async Task<Outcome<Guid>> CheckInAsync(ClaimsPrincipal user, Guid sessionId, Guid institutionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (session, personId, refusal) = await AttendanceActorAsync(db, user, sessionId, institutionId, ct);
        if (refusal is not null || session is null)
        {
            return refuse[refusal ?? "Error.NotFound"];
        }

        var userId = SessionsAccess.UserId(user);
        if (await VotingErrorAsync(db, session, institutionId, ct) is { } error)
        {
            return refuse[error];
        }

        if (await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId && a.Convocation == session.Convocation && a.InstitutionId == institutionId, ct))
        {
            return refuse["Error.AlreadyCheckedIn"];
        }

        var attendance = new SessionAttendance
        {
            SessionId = sessionId,
            Convocation = session.Convocation,
            InstitutionId = institutionId,
            PersonId = personId,
            CheckedInById = userId,
            CheckedInAt = access.UtcNow,
        };
        db.Add(attendance);
        db.Add(new AttendanceMovement { SessionId = sessionId, Convocation = session.Convocation, InstitutionId = institutionId, Move = AttendanceMove.Arrived, At = attendance.CheckedInAt, ById = userId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: the same institution checked in at the same instant elsewhere.
            if (await CheckedInAsync(sessionId, session.Convocation, institutionId, ct))
            {
                return refuse["Error.AlreadyCheckedIn"];
            }

            throw;
        }

        await live.ChangedAsync(sessionId, SessionEvents.Attendance);
        return Outcome<Guid>.Done(attendance.Id);
    }

    /// <summary>
    /// Marks a present institution absent again (it left the room): the secretariat for anyone, or a titular or
    /// alternate representative for their own institution when the session allows self check-in. Allowed while a
    /// vote is open: its quorum was frozen at the opening and a ballot already cast stays (ADR 0020).
    /// </summary>
    public async Task<Outcome<Guid>> CheckOutAsync(ClaimsPrincipal user, Guid sessionId, Guid institutionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (session, _, refusal) = await AttendanceActorAsync(db, user, sessionId, institutionId, ct);
        if (refusal is not null || session is null)
        {
            return refuse[refusal ?? "Error.NotFound"];
        }

        var userId = SessionsAccess.UserId(user);
        var attendance = await db.Set<SessionAttendance>()
            .SingleOrDefaultAsync(a => a.SessionId == sessionId && a.Convocation == session.Convocation && a.InstitutionId == institutionId, ct);
        if (attendance is null)
        {
            return refuse["Error.NotPresent"];
        }

        db.Remove(attendance);
        db.Add(new AttendanceMovement { SessionId = sessionId, Convocation = session.Convocation, InstitutionId = institutionId, Move = AttendanceMove.Left, At = access.UtcNow, ById = userId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else recorded the departure at the same instant: the row was already gone, nothing was saved here.
            return refuse["Error.NotPresent"];
        }

        await live.ChangedAsync(sessionId, SessionEvents.Attendance);
        return Outcome<Guid>.Done(attendance.Id);
    }

    /// <summary>
    /// Who may record an arrival or a departure: the secretariat for anyone, or a titular or alternate representative for
    /// their own institution when the session allows self check-in; only while the session is convened or open. The person
    /// is returned when a representative acts for their own institution.
    /// </summary>
    private async Task<(Session? Session, Guid? PersonId, string? Refusal)> AttendanceActorAsync(NoressDbContext db, ClaimsPrincipal user, Guid sessionId, Guid institutionId, CancellationToken ct)
    {
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return (null, null, "Error.NotFound");
        }

        if (session.State is not (SessionState.Convened or SessionState.Open))
        {
            return (session, null, "Error.SessionNotRunning");
        }

        if (await access.IsSecretariatAsync(user))
        {
            return (session, null, null);
        }

        if (!session.AllowsSelfCheckIn)
        {
            return (session, null, "Error.NoSelfCheckIn");
        }

        var representation = (await SessionBodies.RepresentativesAsync(db, [institutionId], SessionDate(session), ct))[institutionId];
        return SessionsAccess.UserId(user) is { } id && (representation.TitularId == id || representation.AlternateId == id)
            ? (session, id, null)
            : (session, null, "Error.NotRepresentative");
    }

    /// <summary>An institution gives its vote to another for this session: asked by its representative or the secretariat, pending validation.</summary>
    public Task<Outcome<Guid>> GrantProxyAsync(ClaimsPrincipal user, Guid sessionId, Guid grantorId, Guid holderId, string? note, CancellationToken ct) =>
        GrantProxyAsync(user, sessionId, grantorId, holderId, note, null, ct);

    /// <summary>
    /// <see cref="GrantProxyAsync(ClaimsPrincipal, Guid, Guid, Guid, string?, CancellationToken)"/> with a signed mandate
    /// already checked and stored (<see cref="ProxyMandateService"/>), saved with the proxy or not at all.
    /// </summary>
    public async Task<Outcome<Guid>> GrantProxyAsync(ClaimsPrincipal user, Guid sessionId, Guid grantorId, Guid holderId, string? note, StoredMandate? mandate, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > 1000)
        {
            return refuse["Error.ProxyNote"];
        }

        if (grantorId == holderId)
        {
            return refuse["Error.ProxySelf"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (session.State is not (SessionState.Draft or SessionState.Convened or SessionState.Open))
        {
            return refuse["Error.SessionNotRunning"];
        }

        if (!await access.IsSecretariatAsync(user))
        {
            var representation = (await SessionBodies.RepresentativesAsync(db, [grantorId], SessionDate(session), ct))[grantorId];
            if (SessionsAccess.UserId(user) is not { } id || (representation.TitularId != id && representation.AlternateId != id))
            {
                return refuse["Error.NotRepresentative"];
            }
        }

        if (await VotingErrorAsync(db, session, grantorId, ct) is { } grantorError)
        {
            return refuse[grantorError];
        }

        if (await VotingErrorAsync(db, session, holderId, ct) is { } holderError)
        {
            return refuse[holderError];
        }

        if (await db.Set<SessionProxy>().AnyAsync(p => p.SessionId == sessionId && p.GrantorInstitutionId == grantorId && p.Status != ProxyStatus.Rejected, ct))
        {
            return refuse["Error.ProxyExists"];
        }

        var proxy = new SessionProxy
        {
            SessionId = sessionId,
            GrantorInstitutionId = grantorId,
            HolderInstitutionId = holderId,
            Note = note,
            MandateFile = mandate?.StoredName,
            MandateFileName = mandate?.FileName,
            MandateContentType = mandate?.ContentType,
            CreatedById = SessionsAccess.UserId(user),
            CreatedAt = access.UtcNow,
        };
        db.Add(proxy);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(sessionId, SessionEvents.Attendance);
        return Outcome<Guid>.Done(proxy.Id);
    }

    /// <summary>The secretariat validates (or rejects) a mandate; a holder never holds more than the rules allow.</summary>
    public async Task<Outcome<Guid>> ReviewProxyAsync(ClaimsPrincipal user, Guid proxyId, bool validate, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Serializable so two validations for the same holder cannot both pass the cap.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var proxy = await db.Set<SessionProxy>().SingleOrDefaultAsync(p => p.Id == proxyId, ct);
        if (proxy is null)
        {
            return refuse["Error.NotFound"];
        }

        if (proxy.Status != ProxyStatus.Pending)
        {
            return refuse["Error.ProxyReviewed"];
        }

        if (validate)
        {
            var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == proxy.SessionId, ct);
            var rules = await RuleParameterService.InForceAsync(db, SessionDate(session), ct);
            var held = await db.Set<SessionProxy>().CountAsync(p => p.SessionId == proxy.SessionId && p.HolderInstitutionId == proxy.HolderInstitutionId && p.Status == ProxyStatus.Validated, ct);
            if (held >= rules.MaxProxiesPerInstitution)
            {
                return refuse["Error.TooManyProxies"];
            }

            // A holder that gave its own vote away cannot carry others'.
            if (await db.Set<SessionProxy>().AnyAsync(p => p.SessionId == proxy.SessionId && p.GrantorInstitutionId == proxy.HolderInstitutionId && p.Status == ProxyStatus.Validated, ct))
            {
                return refuse["Error.ProxyChain"];
            }
        }

        proxy.Status = validate ? ProxyStatus.Validated : ProxyStatus.Rejected;
        proxy.ReviewedById = SessionsAccess.UserId(user);
        proxy.ReviewedAt = access.UtcNow;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await live.ChangedAsync(proxy.SessionId, SessionEvents.Attendance);
        return Outcome<Guid>.Done(proxy.Id);
    }

    /// <summary>The attendance grid: every institution called, present, represented or absent, with the proxies it gives or holds.</summary>
    public async Task<IReadOnlyList<AttendanceRow>> RosterAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return [];
        }

        var members = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => members.Contains(i.Id))
            .Select(i => new { i.Id, i.Acronym, i.NameFr, i.NameAr }).ToListAsync(ct);
        var acronyms = institutions.ToDictionary(i => i.Id, i => i.Acronym);
        var present = (await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.Convocation == session.Convocation)
            .Select(a => a.InstitutionId).ToListAsync(ct)).ToHashSet();
        var proxies = await db.Set<SessionProxy>().AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.Status == ProxyStatus.Validated)
            .Select(p => new { p.GrantorInstitutionId, p.HolderInstitutionId }).ToListAsync(ct);
        string Acronym(Guid id) => acronyms.TryGetValue(id, out var a) ? a : "?";
        return [.. institutions.OrderBy(i => i.Acronym, StringComparer.Ordinal).Select(i =>
        {
            var givenTo = proxies.Where(p => p.GrantorInstitutionId == i.Id).Select(p => p.HolderInstitutionId).FirstOrDefault();
            var mark = present.Contains(i.Id) ? AttendanceMark.Present
                : givenTo != Guid.Empty && present.Contains(givenTo) ? AttendanceMark.Represented
                : AttendanceMark.Absent;
            var holds = proxies.Where(p => p.HolderInstitutionId == i.Id).Select(p => Acronym(p.GrantorInstitutionId)).Order(StringComparer.Ordinal).ToList();
            return new AttendanceRow(i.Id, i.Acronym, i.NameFr, i.NameAr, mark, givenTo == Guid.Empty ? null : Acronym(givenTo), holds);
        })];
    }

    /// <summary>
    /// The institutions <paramref name="user"/> may speak for in this session: those they represent (titular or
    /// alternate) and those whose validated proxy one of them holds; with whether each is checked in.
    /// </summary>
    public async Task<IReadOnlyList<VoterMandate>> MandatesAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        if (SessionsAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return [];
        }

        var mandates = await VotingRights.MandatesForAsync(db, session, userId, ct);
        var ids = mandates.SelectMany(m => m.ProxyHolderId is { } holder ? new[] { m.InstitutionId, holder } : [m.InstitutionId]).Distinct().ToList();
        var acronyms = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
        var present = (await VotingRights.PresentAsync(db, session, ids, ct)).ToHashSet();
        return [
            .. mandates.Where(m => m.ProxyHolderId is null).Select(m => new VoterMandate(m.InstitutionId, acronyms[m.InstitutionId], null, present.Contains(m.InstitutionId)))
                .OrderBy(m => m.Acronym, StringComparer.Ordinal),
            .. mandates.Where(m => m.ProxyHolderId is not null)
                .Select(m => new VoterMandate(m.InstitutionId, acronyms[m.InstitutionId], acronyms[m.ProxyHolderId!.Value], present.Contains(m.InstitutionId)))
                .OrderBy(m => m.Acronym, StringComparer.Ordinal),
        ];
    }

    public async Task<QuorumStatus> QuorumAsync(Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        return await QuorumAsync(db, session, ct);
    }

    /// <summary>The live quorum, for a member's screen.</summary>
    public async Task<QuorumStatus> QuorumAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        return await QuorumAsync(db, session, ct);
    }

    /// <summary>Members, present, represented by validated proxies held by present institutions, at the current convocation.</summary>
    public static async Task<QuorumStatus> QuorumAsync(NoressDbContext db, Session session, CancellationToken ct)
    {
        var members = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        var present = (await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == session.Id && a.Convocation == session.Convocation)
            .Select(a => a.InstitutionId).ToListAsync(ct)).Where(members.Contains).ToHashSet();
        var proxies = await db.Set<SessionProxy>().AsNoTracking()
            .Where(p => p.SessionId == session.Id && p.Status == ProxyStatus.Validated)
            .Select(p => new { p.GrantorInstitutionId, p.HolderInstitutionId }).ToListAsync(ct);
        var represented = proxies
            .Where(p => members.Contains(p.GrantorInstitutionId) && !present.Contains(p.GrantorInstitutionId) && present.Contains(p.HolderInstitutionId))
            .Select(p => p.GrantorInstitutionId).Distinct().Count();
        var rules = await RuleParameterService.InForceAsync(db, SessionDate(session), ct);
        return Quorum.Compute(members.Count, present.Count, represented, rules.Quorum, rules.SecondConvocationQuorum, session.Convocation);
    }

    public static DateOnly SessionDate(Session session) => DateOnly.FromDateTime(NoressClock.ToLocal(session.StartsAt));

    /// <summary>Null when the institution has a vote in the session's body; else why not (suspended, not a member).</summary>
    public static Task<string?> VotingErrorAsync(NoressDbContext db, Session session, Guid institutionId, CancellationToken ct) =>
        SessionBodies.VotingErrorAsync(db, session, institutionId, ct);

    private async Task<bool> CheckedInAsync(Guid sessionId, int convocation, Guid institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId && a.Convocation == convocation && a.InstitutionId == institutionId, ct);
    }
}

public enum AttendanceMark
{
    Absent,
    Present,
    Represented,
}

/// <summary>One line of the attendance grid.</summary>
/// <param name="InstitutionId">The institution called.</param>
/// <param name="Acronym">Its acronym.</param>
/// <param name="NameFr">Its French name.</param>
/// <param name="NameAr">Its Arabic name.</param>
/// <param name="Mark">Present, represented by a present proxy holder, or absent.</param>
/// <param name="ProxyTo">The acronym of the institution holding its validated proxy, if any.</param>
/// <param name="ProxiesHeld">The acronyms of the institutions whose validated proxy it holds.</param>
public sealed record AttendanceRow(Guid InstitutionId, string Acronym, string NameFr, string NameAr, AttendanceMark Mark, string? ProxyTo, IReadOnlyList<string> ProxiesHeld);

/// <summary>An institution a person may vote for in a session.</summary>
/// <param name="InstitutionId">The institution.</param>
/// <param name="Acronym">Its acronym.</param>
/// <param name="ByProxyOf">Null for their own institution; else the acronym of their institution that holds the proxy.</param>
/// <param name="CheckedIn">Whether the institution itself is checked in.</param>
public sealed record VoterMandate(Guid InstitutionId, string Acronym, string? ByProxyOf, bool CheckedIn);
