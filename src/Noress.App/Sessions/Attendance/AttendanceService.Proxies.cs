using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.Attendance;

/// <summary>One proxy as the session page lists it.</summary>
public sealed record ProxyRow(Guid Id, Guid GrantorId, string GrantorAcronym, Guid HolderId, string HolderAcronym, string? Note, ProxyStatus Status, DateTime CreatedAt, string? MandateFileName = null)
{
    /// <summary>Whether a signed mandate's scan is attached (<see cref="MandateFileName"/> names it).</summary>
    public bool HasMandate => MandateFileName is not null;

    /// <summary>Whether the viewer may download the scan: the secretariat and people of the two institutions.</summary>
    public bool MandateReadable { get; init; }

    /// <summary>Where the scan downloads from (authorized again by the endpoint).</summary>
    public string MandateUrl => ProxyMandateService.DownloadPath(Id);
}

/// <summary>
/// A session's proxies, the cap on proxies one institution may hold (with the article that sets it), and the
/// caller's own voting institution when they represent one (so they may ask to give its vote).
/// </summary>
public sealed record ProxyBoard(IReadOnlyList<ProxyRow> Proxies, int MaxPerHolder, string? Article, Guid? OwnInstitutionId);

// The proxies as the session page shows them.
public sealed partial class AttendanceService
{
    public async Task<ProxyBoard?> ProxyBoardAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }

        var rows = await (from p in db.Set<SessionProxy>().AsNoTracking()
                          join g in db.Institutions on p.GrantorInstitutionId equals g.Id
                          join h in db.Institutions on p.HolderInstitutionId equals h.Id
                          where p.SessionId == sessionId
                          select new ProxyRow(p.Id, g.Id, g.Acronym, h.Id, h.Acronym, p.Note, p.Status, p.CreatedAt, p.MandateFile == null ? null : p.MandateFileName ?? "mandat")).ToListAsync(ct);
        var date = SessionDate(session);
        var rules = await RuleParameterService.InForceAsync(db, date, ct);
        var secretariat = await access.IsSecretariatAsync(user);
        Guid? own = null;
        Guid? viewer = null;
        if (SessionsAccess.UserId(user) is { } userId)
        {
            var institutionId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.InstitutionId ?? Guid.Empty).SingleOrDefaultAsync(ct);
            viewer = institutionId;
            if ((await SessionBodies.VotingInstitutionsAsync(db, session, ct)).Contains(institutionId))
            {
                var representation = (await SessionBodies.RepresentativesAsync(db, [institutionId], date, ct))[institutionId];
                own = representation.TitularId == userId || representation.AlternateId == userId ? institutionId : null;
            }
        }

        // The same rule as the download (ProxyMandateService.OpenAsync), so nobody is shown a link that answers 404.
        return new ProxyBoard([.. rows.OrderBy(r => r.CreatedAt).Select(r => r with { MandateReadable = secretariat || viewer == r.GrantorId || viewer == r.HolderId })], rules.MaxProxiesPerInstitution, rules.Article(RuleKey.MaxProxiesPerInstitution), own);
    }
}
