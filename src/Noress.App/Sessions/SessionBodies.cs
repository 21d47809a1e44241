using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;

namespace Noress.App.Sessions;

/// <summary>
/// Who has a vote in a session's body on a date: for the plenary every member institution in good standing
/// (<see cref="MemberStanding"/>), for a committee the seated institutions in good standing.
/// </summary>
public static class SessionBodies
{
    public static Task<IReadOnlySet<Guid>> VotingInstitutionsAsync(NoressDbContext db, SessionBody body, Guid? committeeId, DateOnly date, CancellationToken ct) =>
        VotingInstitutionsAsync(db, body, committeeId, date, null, ct);

    /// <summary>
    /// Whether <paramref name="institutionId"/> has a vote in the session's body: the same rule as
    /// <see cref="VotingInstitutionsAsync(NoressDbContext, Session, CancellationToken)"/>, reading that institution only
    /// (it runs on every ballot).
    /// </summary>
    public static async Task<bool> HasVoteAsync(NoressDbContext db, Session session, Guid institutionId, CancellationToken ct) =>
        (await VotingInstitutionsAsync(db, session.Body, session.CommitteeId, DateOnly.FromDateTime(Shared.Time.NoressClock.ToLocal(session.StartsAt)), institutionId, ct)).Contains(institutionId);

    /// <summary>
    /// Null when <paramref name="institutionId"/> has a vote in the session's body; else why not (a SessionsText key):
    /// unknown, suspended, or not in good standing / not seated. One query for the institution and its memorandum (and
    /// the committee's seats for a committee): it runs on every ballot.
    /// </summary>
    public static async Task<string?> VotingErrorAsync(NoressDbContext db, Session session, Guid institutionId, CancellationToken ct)
    {
        var facts = await (from i in db.Institutions.AsNoTracking()
                           where i.Id == institutionId
                           join s in db.Set<MouSignature>() on i.Id equals s.InstitutionId into signatures
                           from s in signatures.DefaultIfEmpty()
                           select new StandingFacts(i.Status, i.SuspendedOn, i.WithdrawnOn, s == null ? null : s.Status, s == null ? null : s.SignedOn, s == null ? null : s.ExpiresOn))
                          .FirstOrDefaultAsync(ct);
        return await VotingErrorAsync(db, session, institutionId, facts, ct);
    }

    /// <summary>
    /// <see cref="VotingErrorAsync(NoressDbContext, Session, Guid, CancellationToken)"/> from the institution's standing
    /// <paramref name="facts"/> already read (null: no such institution); reads only a committee's seats.
    /// </summary>
    public static async Task<string?> VotingErrorAsync(NoressDbContext db, Session session, Guid institutionId, StandingFacts? facts, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(Shared.Time.NoressClock.ToLocal(session.StartsAt));
        if (StandingError(facts, date) is { } error)
        {
            return error;
        }

        if (session.Body == SessionBody.Plenary || session.CommitteeId is not { } committee)
        {
            return null;
        }

        return (await CommitteeService.SeatedInstitutionsAsync(db, committee, date, ct)).Contains(institutionId) ? null : "Error.NoVotingRight";
    }

    /// <summary>
    /// The standing part of <see cref="VotingErrorAsync(NoressDbContext, Session, Guid, StandingFacts?, CancellationToken)"/>
    /// (the seats aside): unknown, suspended, or not in good standing on the session's <paramref name="date"/>.
    /// </summary>
    public static string? StandingError(StandingFacts? facts, DateOnly date)
    {
        if (facts is null)
        {
            return "Error.NotFound";
        }

        if (facts.Status == MembershipStatus.Suspended)
        {
            return "Error.InstitutionSuspended";
        }

        return facts.Status == MembershipStatus.Withdrawn || !MemberStanding.IsInGoodStanding(facts, date) ? "Error.NoVotingRight" : null;
    }

    private static async Task<IReadOnlySet<Guid>> VotingInstitutionsAsync(NoressDbContext db, SessionBody body, Guid? committeeId, DateOnly date, Guid? only, CancellationToken ct)
    {
        var institutions = db.Institutions.AsNoTracking();
        if (only is { } id)
        {
            institutions = institutions.Where(i => i.Id == id);
        }

        var rows = await (from i in institutions
                          join s in db.Set<MouSignature>() on i.Id equals s.InstitutionId into signatures
                          from s in signatures.DefaultIfEmpty()
                          where i.Status != MembershipStatus.Withdrawn
                          select new
                          {
                              i.Id,
                              Facts = new StandingFacts(i.Status, i.SuspendedOn, i.WithdrawnOn, s == null ? null : s.Status, s == null ? null : s.SignedOn, s == null ? null : s.ExpiresOn),
                          }).ToListAsync(ct);
        var inGoodStanding = rows.Where(r => MemberStanding.IsInGoodStanding(r.Facts, date)).Select(r => r.Id).ToHashSet();
        if (body == SessionBody.Plenary || committeeId is not { } committee)
        {
            return inGoodStanding;
        }

        var seated = await CommitteeService.SeatedInstitutionsAsync(db, committee, date, ct);
        return seated.Where(inGoodStanding.Contains).ToHashSet();
    }

    /// <summary>The institutions called to the session (those with a vote), for invitations and the calendar.</summary>
    public static Task<IReadOnlySet<Guid>> VotingInstitutionsAsync(NoressDbContext db, Session session, CancellationToken ct) =>
        VotingInstitutionsAsync(db, session.Body, session.CommitteeId, DateOnly.FromDateTime(Shared.Time.NoressClock.ToLocal(session.StartsAt)), ct);

    /// <summary>The titular and alternate in force on <paramref name="date"/> of each institution.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Representation>> RepresentativesAsync(NoressDbContext db, IReadOnlyCollection<Guid> institutionIds, DateOnly date, CancellationToken ct)
    {
        var inForce = db.Set<RepresentativeMandate>().AsNoTracking().Where(m => m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date));
        // One institution (every ballot, every check-in): an equality. A list parameter costs EF Core a new SQL text per
        // call here, under a lock (the profile of ADR 0029).
        var only = institutionIds.Count == 1 ? institutionIds.First() : (Guid?)null;
        var mandates = only is { } id
            ? await inForce.Where(m => m.InstitutionId == id).ToListAsync(ct)
            : await inForce.Where(m => institutionIds.Contains(m.InstitutionId)).ToListAsync(ct);
        return institutionIds.ToDictionary(
            id => id,
            id => RepresentationResolver.Resolve(
                mandates.Where(m => m.InstitutionId == id).Select(m => new MandateFacts(m.UserId, m.Role, m.StartsOn, m.EndsOn)),
                date,
                new HashSet<Guid>()));
    }
}
