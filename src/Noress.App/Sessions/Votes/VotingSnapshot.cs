using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions.Attendance;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// Who may vote in one session, as read after <see cref="Stamp"/>: each institution's standing (and seat), its
/// representatives on the session's date, who is checked in at the current convocation, the validated proxies. It
/// answers what <see cref="SessionBodies.VotingErrorAsync(NoressDbContext, Session, Guid, StandingFacts?, CancellationToken)"/>
/// and <see cref="VotingRights.MandateErrorAsync(NoressDbContext, Session, Guid, Guid, Representation, bool?, CancellationToken)"/>
/// answer, in the same order, from memory (ADR 0052). Immutable: a change builds a new one.
/// </summary>
public sealed class VotingSnapshot
{
    private static readonly Representation Nobody = new(null, null, null);

    private readonly IReadOnlyDictionary<Guid, string?> votingErrors;
    private readonly IReadOnlyDictionary<Guid, Representation> representatives;
    private readonly IReadOnlySet<Guid> present;
    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> proxyHolders;

    /// <param name="sessionId">The session.</param>
    /// <param name="stamp">The <see cref="VotingRightsStamp"/> value read before the facts.</param>
    /// <param name="votingErrors">Every institution known, with why it has no vote in the session's body (null: it has one).</param>
    /// <param name="representatives">Titular and alternate in force on the session's date, per institution (missing: none).</param>
    /// <param name="present">The institutions checked in at the current convocation.</param>
    /// <param name="proxyHolders">Validated proxies: the grantor's holders, in the order the database gave them.</param>
    public VotingSnapshot(Guid sessionId, Guid stamp, IReadOnlyDictionary<Guid, string?> votingErrors, IReadOnlyDictionary<Guid, Representation> representatives,
        IReadOnlySet<Guid> present, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> proxyHolders)
    {
        SessionId = sessionId;
        Stamp = stamp;
        this.votingErrors = votingErrors;
        this.representatives = representatives;
        this.present = present;
        this.proxyHolders = proxyHolders;
    }

    public Guid SessionId { get; }

    public Guid Stamp { get; }

    /// <summary>Null when <paramref name="institutionId"/> has a vote in the session's body; else why not (a SessionsText key).</summary>
    public string? VotingError(Guid institutionId) =>
        votingErrors.TryGetValue(institutionId, out var error) ? error : "Error.NotFound";

    /// <summary>Null when <paramref name="userId"/> may cast <paramref name="institutionId"/>'s vote now; else why not.</summary>
    public string? MandateError(Guid userId, Guid institutionId)
    {
        var own = Representatives(institutionId);
        if (own.TitularId == userId || own.AlternateId == userId)
        {
            return present.Contains(institutionId) ? null : "Error.NotCheckedIn";
        }

        // Voting for another institution: only with its validated proxy, held by an institution present here that this person represents.
        if (!proxyHolders.TryGetValue(institutionId, out var holders) || holders.Count == 0)
        {
            return "Error.NoProxy";
        }

        var holder = holders.FirstOrDefault(h => Representatives(h).TitularId == userId || Representatives(h).AlternateId == userId);
        if (holder == Guid.Empty)
        {
            return "Error.NoProxy";
        }

        return present.Contains(holder) && !present.Contains(institutionId) ? null : "Error.NotCheckedIn";
    }

    /// <summary>
    /// Reads the snapshot of <paramref name="sessionId"/> (null: no such session). The stamp is read first, so the facts
    /// are at least as new as it: a change committed in between leaves the stamp stale, never the facts.
    /// </summary>
    public static async Task<VotingSnapshot?> LoadAsync(NoressDbContext db, Guid sessionId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var stamp = await db.Set<VotingRightsStamp>().AsNoTracking().Where(s => s.Id == VotingRightsStamp.RowId).Select(s => s.Value).SingleAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }

        var date = AttendanceService.SessionDate(session);
        var facts = await (from i in db.Institutions.AsNoTracking()
                           join s in db.Set<MouSignature>().AsNoTracking() on i.Id equals s.InstitutionId into signatures
                           from s in signatures.DefaultIfEmpty()
                           select new
                           {
                               i.Id,
                               Facts = new StandingFacts(i.Status, i.SuspendedOn, i.WithdrawnOn, s == null ? null : s.Status, s == null ? null : s.SignedOn, s == null ? null : s.ExpiresOn),
                           }).ToListAsync(ct);
        HashSet<Guid>? seated = session.Body == SessionBody.Plenary || session.CommitteeId is not { } committee
            ? null
            : (await CommitteeService.SeatedInstitutionsAsync(db, committee, date, ct)).ToHashSet();
        var errors = new Dictionary<Guid, string?>();
        // One row per institution and memorandum; the per-ballot check reads the first, so does this.
        foreach (var row in facts)
        {
            if (!errors.ContainsKey(row.Id))
            {
                errors[row.Id] = SessionBodies.StandingError(row.Facts, date) ?? (seated is null || seated.Contains(row.Id) ? null : "Error.NoVotingRight");
            }
        }

        var mandates = await db.Set<RepresentativeMandate>().AsNoTracking()
            .Where(m => m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date))
            .Select(m => new { m.InstitutionId, Facts = new MandateFacts(m.UserId, m.Role, m.StartsOn, m.EndsOn) })
            .ToListAsync(ct);
        var representatives = mandates.GroupBy(m => m.InstitutionId)
            .ToDictionary(g => g.Key, g => RepresentationResolver.Resolve(g.Select(m => m.Facts), date, new HashSet<Guid>()));
        var present = (await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.Convocation == session.Convocation)
            .Select(a => a.InstitutionId).ToListAsync(ct)).ToHashSet();
        var proxies = await db.Set<SessionProxy>().AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.Status == ProxyStatus.Validated)
            .Select(p => new { p.GrantorInstitutionId, p.HolderInstitutionId }).ToListAsync(ct);
        var holders = proxies.GroupBy(p => p.GrantorInstitutionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(p => p.HolderInstitutionId)]);
        return new VotingSnapshot(sessionId, stamp, errors, representatives, present, holders);
    }

    private Representation Representatives(Guid institutionId) =>
        representatives.TryGetValue(institutionId, out var representation) ? representation : Nobody;
}
