using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members;

namespace Noress.App.Sessions.Attendance;

/// <summary>
/// Who may cast an institution's vote in a session, shared by votes and elections: its titular or alternate
/// representative while it is checked in, or a representative of a checked-in institution holding its validated proxy.
/// </summary>
public static class VotingRights
{
    /// <summary>Null when <paramref name="userId"/> may cast for <paramref name="institutionId"/>, else why not (a SessionsText key).</summary>
    public static async Task<string?> MandateErrorAsync(NoressDbContext db, Session session, Guid? userId, Guid institutionId, CancellationToken ct)
    {
        if (userId is not { } id)
        {
            return "Error.NotRepresentative";
        }

        var own = (await SessionBodies.RepresentativesAsync(db, [institutionId], AttendanceService.SessionDate(session), ct))[institutionId];
        return await MandateErrorAsync(db, session, id, institutionId, own, null, ct);
    }

    /// <summary>
    /// <see cref="MandateErrorAsync(NoressDbContext, Session, Guid?, Guid, CancellationToken)"/> with what a ballot has
    /// already read: <paramref name="own"/> representation of the institution and, when known,
    /// whether it is <paramref name="present"/> (checked in at the current convocation).
    /// </summary>
    public static async Task<string?> MandateErrorAsync(NoressDbContext db, Session session, Guid userId, Guid institutionId, Representation own, bool? present, CancellationToken ct)
    {
        var id = userId;
        var date = AttendanceService.SessionDate(session);
        if (own.TitularId == id || own.AlternateId == id)
        {
            var checkedIn = present ?? (await PresentAsync(db, session, [institutionId], ct)).Count == 1;
            return checkedIn ? null : "Error.NotCheckedIn";
        }

        // Voting for another institution: only with its validated proxy, held by an institution present here that this person represents.
        var holders = await db.Set<SessionProxy>().AsNoTracking()
            .Where(p => p.SessionId == session.Id && p.GrantorInstitutionId == institutionId && p.Status == ProxyStatus.Validated)
            .Select(p => p.HolderInstitutionId).ToListAsync(ct);
        if (holders.Count == 0)
        {
            return "Error.NoProxy";
        }

        var holderRepresentatives = await SessionBodies.RepresentativesAsync(db, holders, date, ct);
        var holder = holders.FirstOrDefault(h => holderRepresentatives[h].TitularId == id || holderRepresentatives[h].AlternateId == id);
        if (holder == Guid.Empty)
        {
            return "Error.NoProxy";
        }

        var here = await PresentAsync(db, session, [holder, institutionId], ct);
        return here.Contains(holder) && !here.Contains(institutionId) ? null : "Error.NotCheckedIn";
    }

    /// <summary>
    /// The institutions <paramref name="userId"/> may be asked to cast for in <paramref name="session"/>'s body: those
    /// they represent, and those whose validated proxy one of them holds (with the holder). Whether each may vote right
    /// now is still <see cref="MandateErrorAsync(NoressDbContext, Session, Guid?, Guid, CancellationToken)"/>'s answer.
    /// </summary>
    public static async Task<IReadOnlyList<VotingMandate>> MandatesForAsync(NoressDbContext db, Session session, Guid userId, CancellationToken ct)
    {
        var date = AttendanceService.SessionDate(session);
        var members = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        var represented = await db.Set<Members.RepresentativeMandate>().AsNoTracking()
            .Where(m => m.UserId == userId && m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date))
            .Select(m => m.InstitutionId).Distinct().ToListAsync(ct);
        var resolved = await SessionBodies.RepresentativesAsync(db, represented, date, ct);
        var own = represented.Where(i => members.Contains(i) && (resolved[i].TitularId == userId || resolved[i].AlternateId == userId)).ToList();
        var proxies = own.Count == 0
            ? []
            : await db.Set<SessionProxy>().AsNoTracking()
                .Where(p => p.SessionId == session.Id && own.Contains(p.HolderInstitutionId) && p.Status == ProxyStatus.Validated)
                .Select(p => new VotingMandate(p.GrantorInstitutionId, p.HolderInstitutionId)).ToListAsync(ct);
        return [.. own.Select(i => new VotingMandate(i, null)), .. proxies.Where(p => !own.Contains(p.InstitutionId))];
    }

    /// <summary>The institutions of <see cref="MandatesForAsync"/>, without their holders.</summary>
    public static async Task<IReadOnlyList<Guid>> InstitutionsForAsync(NoressDbContext db, Session session, Guid userId, CancellationToken ct) =>
        [.. (await MandatesForAsync(db, session, userId, ct)).Select(m => m.InstitutionId).Distinct()];

    /// <summary>Which of <paramref name="institutionIds"/> are checked in at the session's current convocation (only those are read: this runs on every ballot).</summary>
    public static async Task<List<Guid>> PresentAsync(NoressDbContext db, Session session, IReadOnlyCollection<Guid> institutionIds, CancellationToken ct) =>
        await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == session.Id && a.Convocation == session.Convocation && institutionIds.Contains(a.InstitutionId))
            .Select(a => a.InstitutionId).ToListAsync(ct);
}

/// <summary>An institution a person may cast for; <see cref="ProxyHolderId"/> is set when it is through a proxy.</summary>
public sealed record VotingMandate(Guid InstitutionId, Guid? ProxyHolderId);
