using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members;
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
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return refuse["Error.NotFound"];
        }

        if (session.State is not (SessionState.Convened or SessionState.Open))
        {
            return refuse["Error.SessionNotRunning"];
        }

        var date = SessionDate(session);
        var userId = SessionsAccess.UserId(user);
        Guid? personId = null;
        if (!await access.IsSecretariatAsync(user))
        {
            if (!session.AllowsSelfCheckIn)
            {
                return refuse["Error.NoSelfCheckIn"];
            }

            var representation = (await SessionBodies.RepresentativesAsync(db, [institutionId], date, ct))[institutionId];
            if (userId is not { } id || (representation.TitularId != id && representation.AlternateId != id))
            {
                return refuse["Error.NotRepresentative"];
            }

            personId = id;
        }

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

    /// <summary>An institution gives its vote to another for this session: asked by its representative or the secretariat, pending validation.</summary>
    public async Task<Outcome<Guid>> GrantProxyAsync(ClaimsPrincipal user, Guid sessionId, Guid grantorId, Guid holderId, string? note, CancellationToken ct)
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
    public static async Task<string?> VotingErrorAsync(NoressDbContext db, Session session, Guid institutionId, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct);
        if (institution is null)
        {
            return "Error.NotFound";
        }

        if (institution.Status == MembershipStatus.Suspended)
        {
            return "Error.InstitutionSuspended";
        }

        return (await SessionBodies.VotingInstitutionsAsync(db, session, ct)).Contains(institutionId) ? null : "Error.NoVotingRight";
    }

    private async Task<bool> CheckedInAsync(Guid sessionId, int convocation, Guid institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId && a.Convocation == convocation && a.InstitutionId == institutionId, ct);
    }
}
