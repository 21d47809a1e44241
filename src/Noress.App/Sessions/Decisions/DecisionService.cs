using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Decisions;

/// <summary>A decision as the register shows it, with its session.</summary>
/// <param name="Id">The decision's id, what other features link to.</param>
/// <param name="Number">2026-007.</param>
/// <param name="Text">The wording.</param>
/// <param name="DecidedAt">When the vote closed (UTC).</param>
/// <param name="SessionId">The session.</param>
/// <param name="SessionTitle">The session's title.</param>
/// <param name="VoteId">The vote.</param>
/// <param name="IsWithdrawn">Withdrawn by an override of the verdict.</param>
public sealed record DecisionSummary(Guid Id, string Number, string Text, DateTime DecidedAt, Guid SessionId, string SessionTitle, Guid VoteId, bool IsWithdrawn);

/// <summary>A decision with its vote (counts, base, verdict).</summary>
/// <param name="Summary">The register's line.</param>
/// <param name="Vote">The vote that adopted it.</param>
/// <param name="Editable">Whether its wording may still change (the session's minutes not approved yet).</param>
public sealed record DecisionDetail(DecisionSummary Summary, Vote Vote, bool Editable);

/// <summary>Reads the decisions register, and lets the secretariat reword a decision until the minutes are approved.</summary>
public sealed class DecisionService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, SessionLive live, Refusals<DecisionsText> refuse)
{
    public const int MaxText = 2000;

    /// <summary>The register, newest first, for one year or all, filtered by words of the number or the text.</summary>
    public async Task<IReadOnlyList<DecisionSummary>> ListAsync(ClaimsPrincipal user, int? year, string? search, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, null, year, ct);
        var words = (search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. rows
            .Select(r => r.Summary)
            .Where(s => words.All(w => s.Number.Contains(w, StringComparison.OrdinalIgnoreCase) || s.Text.Contains(w, StringComparison.CurrentCultureIgnoreCase)))
            .OrderByDescending(s => s.Number, StringComparer.Ordinal)];
    }

    /// <summary>The years that have decisions, newest first, for the register's filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<DecisionCounter>().AsNoTracking().Where(c => c.Last > 0).OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(ct);
    }

    /// <summary>One decision with its vote; null when there is none.</summary>
    public async Task<DecisionDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = (await RowsAsync(db, id, null, ct)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var vote = await db.Set<Vote>().AsNoTracking().SingleAsync(v => v.Id == row.Summary.VoteId, ct);
        return new DecisionDetail(row.Summary, vote, row.State != SessionState.MinutesApproved);
    }

    /// <summary>
    /// The lookup other features (action plans, calls) use to show a decision they link to by id: no rights
    /// needed beyond theirs, as the register is open to every member. Null when the id is unknown.
    /// </summary>
    public async Task<DecisionSummary?> LookupAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, id, null, ct)).SingleOrDefault()?.Summary;
    }

    /// <summary>The decisions a session took, in number order (for the minutes).</summary>
    public static async Task<IReadOnlyList<Decision>> OfSessionAsync(NoressDbContext db, Guid sessionId, CancellationToken ct) =>
        [.. (await db.Set<Decision>().AsNoTracking().Where(d => d.SessionId == sessionId).ToListAsync(ct)).OrderBy(d => d.Year).ThenBy(d => d.Sequence)];

    /// <summary>Rewords a decision; refused once the session's minutes are approved (the wording is then part of them).</summary>
    public async Task<Outcome<Guid>> EditTextAsync(ClaimsPrincipal user, Guid id, string text, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        text = (text ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxText)
        {
            return refuse["Error.Text"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Set<Decision>().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return refuse["Error.NotFound"];
        }

        var state = await db.Set<Session>().Where(s => s.Id == decision.SessionId).Select(s => s.State).SingleAsync(ct);
        if (state == SessionState.MinutesApproved)
        {
            return refuse["Error.Frozen"];
        }

        decision.Text = text;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(decision.SessionId, SessionEvents.Minutes);
        return Outcome<Guid>.Done(id);
    }

    private sealed record Row(DecisionSummary Summary, SessionState State);

    private static async Task<List<Row>> RowsAsync(NoressDbContext db, Guid? id, int? year, CancellationToken ct)
    {
        var query = from d in db.Set<Decision>().AsNoTracking()
                    join s in db.Set<Session>().AsNoTracking() on d.SessionId equals s.Id
                    select new { Decision = d, s.Title, s.State };
        if (id is { } one)
        {
            query = query.Where(r => r.Decision.Id == one);
        }

        if (year is { } y)
        {
            query = query.Where(r => r.Decision.Year == y);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.Select(r => new Row(
            new DecisionSummary(r.Decision.Id, r.Decision.Number, r.Decision.Text, r.Decision.DecidedAt, r.Decision.SessionId, r.Title, r.Decision.VoteId, r.Decision.IsWithdrawn),
            r.State))];
    }
}

/// <summary>Marker for the decisions register's strings (DecisionsText.resx is French, the default).</summary>
public sealed class DecisionsText
{
}
