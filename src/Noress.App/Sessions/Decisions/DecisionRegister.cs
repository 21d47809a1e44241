using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions.Decisions;

/// <summary>
/// Records a decision when a vote on a deliberation, a committee recommendation or a rules amendment is adopted,
/// in the vote's own transaction; withdraws it (keeping its number) when the verdict is overridden to rejected.
/// </summary>
public sealed class DecisionRegister(TimeProvider clock) : IVerdictListener
{
    /// <summary>The agenda kinds whose adoption is a decision of the body (a vote without an item is a deliberation).</summary>
    public static readonly IReadOnlySet<AgendaItemKind> DecidingKinds = new HashSet<AgendaItemKind>
    {
        AgendaItemKind.Deliberation,
        AgendaItemKind.CommitteeRecommendation,
        AgendaItemKind.RulesAmendment,
    };

    public async Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        if (vote.AgendaItemId is { } itemId
            && !DecidingKinds.Contains(await db.Set<AgendaItem>().Where(a => a.Id == itemId).Select(a => a.Kind).SingleAsync(ct)))
        {
            return;
        }

        var decision = await db.Set<Decision>().SingleOrDefaultAsync(d => d.VoteId == vote.Id, ct);
        if (vote.Verdict != Verdict.Adopted)
        {
            if (decision is { WithdrawnAt: null })
            {
                decision.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
            }

            return;
        }

        if (decision is not null)
        {
            // Adopted again after a withdrawal: the same decision, under its first number.
            decision.WithdrawnAt = null;
            return;
        }

        var decidedAt = vote.ClosedAt ?? clock.GetUtcNow().UtcDateTime;
        var year = NoressClock.ToLocal(decidedAt).Year;
        db.Add(new Decision
        {
            Year = year,
            Sequence = await NextNumberAsync(db, year, ct),
            Text = vote.Question,
            SessionId = vote.SessionId,
            VoteId = vote.Id,
            AgendaItemId = vote.AgendaItemId,
            DecidedAt = decidedAt,
        });
    }

    // The vote's own event announces the decision with it: screens that show decisions follow votes.
    public Task AfterVerdictAsync(Vote vote, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The year's next number, in the caller's transaction: the counter's row lock makes a concurrent adoption
    /// wait and then count on from this one, and a rollback gives the number back, so there are no gaps.
    /// </summary>
    public static async Task<int> NextNumberAsync(NoressDbContext db, int year, CancellationToken ct)
    {
        // The year's row, created once; a concurrent creator's row is kept (no error, no second row).
        if (db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "DecisionCounters" ("Year", "Last") SELECT {year}, 0 WHERE NOT EXISTS (SELECT 1 FROM "DecisionCounters" WITH (UPDLOCK, HOLDLOCK) WHERE "Year" = {year})""", ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "DecisionCounters" ("Year", "Last") VALUES ({year}, 0) ON CONFLICT ("Year") DO NOTHING""", ct);
        }

        await db.Set<DecisionCounter>().Where(c => c.Year == year).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);
        return await db.Set<DecisionCounter>().AsNoTracking().Where(c => c.Year == year).Select(c => c.Last).SingleAsync(ct);
    }
}
