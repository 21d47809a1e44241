using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;

using Noress.App.Shared.Operations;

namespace Noress.App.Committees;

/// <summary>
/// Which institutions sit on which committee and who holds which position, with dates. Elections will
/// write through here (SeatAsync and AppointAsync also run inside an election's transaction); documents read CommitteeIdsForAsync for committee rights.
/// </summary>
public sealed class CommitteeService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, Refusals<SessionsText> refuse)
{
    public async Task<Outcome<Guid>> SeatAsync(ClaimsPrincipal user, Guid committeeId, Guid institutionId, DateOnly startsOn, DateOnly? endsOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (endsOn < startsOn)
        {
            return refuse["Error.Dates"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Serializable so two concurrent seatings cannot both pass the overlap check.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var seated = await SeatAsync(db, committeeId, institutionId, startsOn, endsOn, access.UtcNow, ct);
        if (!seated.Succeeded)
        {
            return refuse[seated.Error!];
        }

        await transaction.CommitAsync(ct);
        return Outcome<Guid>.Done(seated.Id);
    }

    /// <summary>Names a person to a position; a committee has at most one chair and one rapporteur at a time.</summary>
    public async Task<Outcome<Guid>> AppointAsync(ClaimsPrincipal user, Guid committeeId, Guid personId, CommitteeRole role, DateOnly startsOn, DateOnly? endsOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (endsOn < startsOn)
        {
            return refuse["Error.Dates"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var appointed = await AppointAsync(db, committeeId, personId, role, startsOn, endsOn, access.UtcNow, ct);
        if (!appointed.Succeeded)
        {
            return refuse[appointed.Error!];
        }

        await transaction.CommitAsync(ct);
        return Outcome<Guid>.Done(appointed.Id);
    }

    /// <summary>
    /// Seats an institution within the caller's transaction (the service's own, or an election's applying its result):
    /// the id, or the SessionsText key of why not. Saves nothing when refused.
    /// </summary>
    public static async Task<(bool Succeeded, Guid Id, string? Error)> SeatAsync(NoressDbContext db, Guid committeeId, Guid institutionId, DateOnly startsOn, DateOnly? endsOn, DateTime now, CancellationToken ct)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId, ct))
        {
            return (false, default, "Error.NotFound");
        }

        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId && i.Status != MembershipStatus.Withdrawn, ct))
        {
            return (false, default, "Error.InstitutionNotMember");
        }

        var existing = await db.Set<CommitteeSeat>().Where(s => s.CommitteeId == committeeId && s.InstitutionId == institutionId)
            .Select(s => new { s.StartsOn, s.EndsOn }).ToListAsync(ct);
        if (existing.Any(s => RepresentationResolver.Overlaps(s.StartsOn, s.EndsOn, startsOn, endsOn)))
        {
            return (false, default, "Error.SeatOverlap");
        }

        var seat = new CommitteeSeat { CommitteeId = committeeId, InstitutionId = institutionId, StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now };
        db.Add(seat);
        await db.SaveChangesAsync(ct);
        return (true, seat.Id, null);
    }

    /// <summary>Appoints a person within the caller's transaction: the id, or the SessionsText key of why not. Saves nothing when refused.</summary>
    public static async Task<(bool Succeeded, Guid Id, string? Error)> AppointAsync(NoressDbContext db, Guid committeeId, Guid personId, CommitteeRole role, DateOnly startsOn, DateOnly? endsOn, DateTime now, CancellationToken ct)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId, ct))
        {
            return (false, default, "Error.NotFound");
        }

        if (!await db.Users.AnyAsync(u => u.Id == personId && u.IsActive, ct))
        {
            return (false, default, "Error.PersonInactive");
        }

        var existing = await db.Set<CommitteePosition>().Where(p => p.CommitteeId == committeeId && (p.UserId == personId || (role != CommitteeRole.Member && p.Role == role)))
            .Select(p => new { p.UserId, p.StartsOn, p.EndsOn }).ToListAsync(ct);
        if (existing.Any(p => RepresentationResolver.Overlaps(p.StartsOn, p.EndsOn, startsOn, endsOn)))
        {
            return (false, default, existing.Any(p => p.UserId == personId && RepresentationResolver.Overlaps(p.StartsOn, p.EndsOn, startsOn, endsOn))
                ? "Error.PositionOverlap"
                : "Error.PositionTaken");
        }

        var position = new CommitteePosition { CommitteeId = committeeId, UserId = personId, Role = role, StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now };
        db.Add(position);
        await db.SaveChangesAsync(ct);
        return (true, position.Id, null);
    }

    /// <summary>Ends a seat or a position (whichever has the id) on <paramref name="endsOn"/>; an end once set is never moved.</summary>
    public async Task<Outcome<Guid>> EndAsync(ClaimsPrincipal user, Guid id, DateOnly endsOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seat = await db.Set<CommitteeSeat>().SingleOrDefaultAsync(s => s.Id == id, ct);
        var position = seat is null ? await db.Set<CommitteePosition>().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        var (starts, ends) = seat is not null ? (seat.StartsOn, seat.EndsOn) : position is not null ? (position.StartsOn, position.EndsOn) : (default, default(DateOnly?));
        if (seat is null && position is null)
        {
            return refuse["Error.NotFound"];
        }

        if (ends is not null)
        {
            return refuse["Error.AlreadyEnded"];
        }

        if (endsOn < starts)
        {
            return refuse["Error.Dates"];
        }

        if (seat is not null)
        {
            seat.EndsOn = endsOn;
        }
        else
        {
            position!.EndsOn = endsOn;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Done(id);
    }

    /// <summary>The committees a person belongs to on <paramref name="date"/>: a position in force, or their institution seated.</summary>
    public async Task<IReadOnlySet<Guid>> CommitteeIdsForAsync(Guid userId, Guid? institutionId, DateOnly date, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CommitteeIdsForAsync(db, userId, institutionId, date, ct);
    }

    public static async Task<IReadOnlySet<Guid>> CommitteeIdsForAsync(NoressDbContext db, Guid userId, Guid? institutionId, DateOnly date, CancellationToken ct)
    {
        var committees = new HashSet<Guid>();
        await foreach (var committeeId in PositionsHeld.For(db)(db, userId, date).WithCancellation(ct))
        {
            committees.Add(committeeId);
        }

        if (institutionId is { } institution)
        {
            await foreach (var committeeId in SeatsHeld.For(db)(db, institution, date).WithCancellation(ct))
            {
                committees.Add(committeeId);
            }
        }

        return committees;
    }

    // Compiled once (per model): every document rights check (each pull of a co-edited document) asks, and a compiled
    // query skips building and looking up the query's cache key on each call.
    private static readonly CompiledPerModel<Func<NoressDbContext, Guid, DateOnly, IAsyncEnumerable<Guid>>> PositionsHeld = new(() => EF.CompileAsyncQuery(
        (NoressDbContext db, Guid userId, DateOnly date) => db.Set<CommitteePosition>().AsNoTracking()
            .Where(p => p.UserId == userId && p.StartsOn <= date && (p.EndsOn == null || p.EndsOn >= date))
            .Select(p => p.CommitteeId)));

    private static readonly CompiledPerModel<Func<NoressDbContext, Guid, DateOnly, IAsyncEnumerable<Guid>>> SeatsHeld = new(() => EF.CompileAsyncQuery(
        (NoressDbContext db, Guid institutionId, DateOnly date) => db.Set<CommitteeSeat>().AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.StartsOn <= date && (s.EndsOn == null || s.EndsOn >= date))
            .Select(s => s.CommitteeId)));

    /// <summary>The institutions seated on the committee on <paramref name="date"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> SeatedInstitutionsAsync(NoressDbContext db, Guid committeeId, DateOnly date, CancellationToken ct) =>
        await db.Set<CommitteeSeat>().AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.StartsOn <= date && (s.EndsOn == null || s.EndsOn >= date))
            .Select(s => s.InstitutionId).Distinct().ToListAsync(ct);

    /// <summary>Every committee, by code.</summary>
    public async Task<IReadOnlyList<Committee>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
    }

    /// <summary>A committee's seats and positions, current and past, with names; null when there is no such committee.</summary>
    public async Task<CommitteeComposition?> CompositionAsync(ClaimsPrincipal user, Guid committeeId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return null;
        }

        var seats = await (from s in db.Set<CommitteeSeat>().AsNoTracking()
                           join i in db.Institutions on s.InstitutionId equals i.Id
                           where s.CommitteeId == committeeId
                           select new CommitteeSeatRow(s.Id, i.Id, i.Acronym, i.NameFr, i.NameAr, s.StartsOn, s.EndsOn)).ToListAsync(ct);
        var positions = await (from p in db.Set<CommitteePosition>().AsNoTracking()
                               join u in db.Users on p.UserId equals u.Id
                               where p.CommitteeId == committeeId
                               select new CommitteePositionRow(p.Id, u.Id, u.FullName, p.Role, p.StartsOn, p.EndsOn)).ToListAsync(ct);
        return new CommitteeComposition(
            committee,
            [.. seats.OrderBy(s => s.EndsOn is null ? 0 : 1).ThenBy(s => s.Acronym, StringComparer.Ordinal)],
            [.. positions.OrderBy(p => p.EndsOn is null ? 0 : 1).ThenBy(p => p.Role).ThenBy(p => p.FullName, StringComparer.Ordinal)]);
    }

    /// <summary>The institutions that may be seated and the active people who may be appointed, for the secretariat's forms.</summary>
    public async Task<CommitteeCandidates> CandidatesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn)
            .Select(i => new CommitteeChoice(i.Id, i.Acronym + " — " + i.NameFr)).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new CommitteeChoice(u.Id, u.FullName)).ToListAsync(ct);
        return new CommitteeCandidates([.. institutions.OrderBy(i => i.Label, StringComparer.Ordinal)], [.. people.OrderBy(p => p.Label, StringComparer.Ordinal)]);
    }
}

/// <summary>A committee with its seats and positions.</summary>
public sealed record CommitteeComposition(Committee Committee, IReadOnlyList<CommitteeSeatRow> Seats, IReadOnlyList<CommitteePositionRow> Positions);

/// <summary>An institution's seat, with its names.</summary>
public sealed record CommitteeSeatRow(Guid Id, Guid InstitutionId, string Acronym, string NameFr, string NameAr, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>A person's position, with their name.</summary>
public sealed record CommitteePositionRow(Guid Id, Guid UserId, string FullName, CommitteeRole Role, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>One choice in a form: an id and what the list shows.</summary>
public sealed record CommitteeChoice(Guid Id, string Label);

/// <summary>Who may be seated or appointed.</summary>
public sealed record CommitteeCandidates(IReadOnlyList<CommitteeChoice> Institutions, IReadOnlyList<CommitteeChoice> People);
