using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

using Noress.App.Shared.Operations;

namespace Noress.App.Members;

/// <summary>Names titular and alternate representatives; every change is a new mandate row.</summary>
public sealed class RepresentativeService(IDbContextFactory<NoressDbContext> dbFactory, MembersAccess access, Refusals<MembersText> refuse)
{
    public async Task<Outcome<Guid>> AppointAsync(ClaimsPrincipal user, Guid institutionId, Guid personId, RepresentativeRole role, DateOnly startsOn, DateOnly? endsOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (endsOn < startsOn)
        {
            return refuse["Error.MandateDates"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Serializable so two concurrent appointments cannot both pass the overlap check.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        if (!await db.Users.AnyAsync(u => u.Id == personId && u.InstitutionId == institutionId && u.IsActive, ct))
        {
            return refuse["Error.RepresentativeNotMember"];
        }

        var existing = await db.Set<RepresentativeMandate>()
            .Where(m => m.InstitutionId == institutionId && m.Role == role)
            .Select(m => new { m.StartsOn, m.EndsOn })
            .ToListAsync(ct);
        if (existing.Any(m => RepresentationResolver.Overlaps(m.StartsOn, m.EndsOn, startsOn, endsOn)))
        {
            return refuse[role == RepresentativeRole.Titular ? "Error.TitularOverlap" : "Error.AlternateOverlap"];
        }

        var mandate = new RepresentativeMandate
        {
            InstitutionId = institutionId,
            UserId = personId,
            Role = role,
            StartsOn = startsOn,
            EndsOn = endsOn,
            CreatedById = MembersAccess.UserId(user),
            CreatedAt = access.UtcNow,
        };
        db.Add(mandate);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Guid>.Done(mandate.Id);
    }

    /// <summary>Closes an open-ended mandate; a mandate's end, once set, is never moved.</summary>
    public async Task<Outcome<Guid>> EndAsync(ClaimsPrincipal user, Guid mandateId, DateOnly endsOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mandate = await db.Set<RepresentativeMandate>().SingleOrDefaultAsync(m => m.Id == mandateId, ct);
        if (mandate is null)
        {
            return refuse["Error.NotFound"];
        }

        if (mandate.EndsOn is not null)
        {
            return refuse["Error.MandateClosed"];
        }

        if (endsOn < mandate.StartsOn)
        {
            return refuse["Error.MandateDates"];
        }

        mandate.EndsOn = endsOn;
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Done(mandate.Id);
    }

    /// <summary>Who speaks for the institution on <paramref name="date"/>, given who is absent; for later voting rules.</summary>
    public async Task<Representation> ResolveAsync(Guid institutionId, DateOnly date, IReadOnlySet<Guid> absentUserIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mandates = await db.Set<RepresentativeMandate>().AsNoTracking()
            .Where(m => m.InstitutionId == institutionId)
            .Select(m => new MandateFacts(m.UserId, m.Role, m.StartsOn, m.EndsOn))
            .ToListAsync(ct);
        return RepresentationResolver.Resolve(mandates, date, absentUserIds);
    }
}
