using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Calls.Outputs;

/// <summary>
/// The one answer to "are this call's results public?" (ADR 0050): yes once the secretariat has published them
/// (<see cref="CallOutputs.ResultsPublishedAt"/>, through <see cref="CallResultsService.PublishAsync"/>), never because
/// the schedule's results date has come: that date is announced, the act is the secretariat's. The members' pages, the
/// outside applicants' area, the results pages, the decision letters, the dossiers and the outcome notifications all
/// ask here; until then an applicant reads an outcome as "in deliberation".
/// </summary>
public static class ResultsPublication
{
    /// <summary>When the call's results were published; null before.</summary>
    public static Task<DateTime?> PublishedAtAsync(NoressDbContext db, Guid callId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<CallOutputs>().AsNoTracking().Where(o => o.CallId == callId).Select(o => o.ResultsPublishedAt).SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether the call's results are published.</summary>
    public static async Task<bool> IsPublishedAsync(NoressDbContext db, Guid callId, CancellationToken ct) =>
        await PublishedAtAsync(db, callId, ct) is not null;

    /// <summary>Those of <paramref name="callIds"/> whose results are published.</summary>
    public static async Task<HashSet<Guid>> PublishedAmongAsync(NoressDbContext db, IReadOnlyCollection<Guid> callIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. await db.Set<CallOutputs>().AsNoTracking().Where(o => callIds.Contains(o.CallId) && o.ResultsPublishedAt != null).Select(o => o.CallId).ToListAsync(ct)];
    }

    /// <summary>A decision of the deliberation (AMI or competition outcome): what stays sealed until publication.</summary>
    public static bool IsOutcome(ApplicationState state) =>
        state is ApplicationState.Awarded or ApplicationState.HonourableMention or ApplicationState.NotAwarded
            or ApplicationState.Selected or ApplicationState.Reserve or ApplicationState.Rejected;

    /// <summary>The state an applicant is shown: an outcome reads as "in deliberation" until the results are published.</summary>
    public static ApplicationState ShownState(ApplicationState state, bool published) =>
        IsOutcome(state) && !published ? ApplicationState.Deliberation : state;

    /// <summary>The outcome and prize rank an applicant may read, or null while there is none to show.</summary>
    public static (ApplicationState State, int? PrizeRank)? Outcome(ApplicationState state, int? prizeRank, bool published) =>
        IsOutcome(state) && published ? (state, state == ApplicationState.Awarded ? prizeRank : null) : null;

    /// <summary>Whether an applicant may see a step of the history: steps into or out of a decision only once published.</summary>
    public static bool ShowsStep(ApplicationState from, ApplicationState to, bool published) => published || (!IsOutcome(from) && !IsOutcome(to));
}
