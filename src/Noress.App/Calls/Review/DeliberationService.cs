using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Evaluation;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Review;

/// <summary>One row of the deliberation screen.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="Number">Its number in the call.</param>
/// <param name="Title">The project's name.</param>
/// <param name="Applicant">Who applied (the secretariat, or the chair of a call that is not blind); null otherwise.</param>
/// <param name="State">Where it stands.</param>
/// <param name="PrizeRank">The prize it was awarded.</param>
/// <param name="RequestedAmount">The co-financing it asks for (AMI).</param>
/// <param name="Rank">Its rank (ex aequo share one); null without a counted sheet.</param>
/// <param name="ExAequo">It shares its rank.</param>
/// <param name="Mean">The mean of the jurors' totals (out of <see cref="ScoreSheetService.Scale"/>).</param>
/// <param name="Median">Their median.</param>
/// <param name="StandardDeviation">Their standard deviation.</param>
/// <param name="Jurors">How many sheets count.</param>
/// <param name="Disagreement">The jurors disagree beyond the threshold.</param>
/// <param name="TooFewJurors">Fewer counted sheets than the call asks.</param>
/// <param name="Steps">The decisions the caller may take on it now.</param>
public sealed record DeliberationRow(
    Guid ApplicationId,
    int Number,
    string Title,
    string? Applicant,
    ApplicationState State,
    int? PrizeRank,
    decimal RequestedAmount,
    int? Rank,
    bool ExAequo,
    decimal? Mean,
    decimal? Median,
    decimal? StandardDeviation,
    int Jurors,
    bool Disagreement,
    bool TooFewJurors,
    IReadOnlyList<AvailableStep> Steps);

/// <summary>An AMI envelope's state, or a competition's prizes.</summary>
/// <param name="Total">The envelope's total (AMI).</param>
/// <param name="Committed">What the selected projects take.</param>
/// <param name="Available">What is left.</param>
/// <param name="ProjectsCommitted">Projects selected.</param>
/// <param name="ProjectsMax">Projects the envelope co-finances.</param>
/// <param name="PrizesLeft">A competition's prizes not awarded yet, by rank.</param>
public sealed record EnvelopeView(decimal Total, decimal Committed, decimal Available, int ProjectsCommitted, int ProjectsMax, IReadOnlyList<int> PrizesLeft);

/// <summary>What the deliberation screen shows.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Kind">AMI or competition.</param>
/// <param name="Title">The call's title in French.</param>
/// <param name="TitleAr">In Arabic.</param>
/// <param name="IsChair">The caller chairs the jury (and takes the decisions).</param>
/// <param name="Rows">The entries in deliberation or decided, ranked.</param>
/// <param name="Envelope">The envelope or the prizes.</param>
public sealed record DeliberationBoard(Guid CallId, CallKind Kind, string Title, string TitleAr, bool IsChair, IReadOnlyList<DeliberationRow> Rows, EnvelopeView Envelope);

/// <summary>
/// The deliberation screen's data (issue 12 §12) for the jury's chair and the secretariat: the engine's aggregation and
/// ranking of the entries the caller may see (a chair conflicted with an entry does not see it: it is left out before
/// ranking, so no gap in the ranks betrays it), the envelope, and the decisions available, taken through
/// <see cref="ApplicationWorkflowService"/>.
/// </summary>
public sealed partial class DeliberationService(
    IDbContextFactory<NoressDbContext> dbFactory, ReviewAccess access, ApplicationWorkflowService workflow, IEventBus bus, Refusals<ReviewText> refuse)
{
    /// <summary>The states the screen lists: from deliberation on.</summary>
    public static readonly IReadOnlySet<ApplicationState> Shown = new HashSet<ApplicationState>
    {
        ApplicationState.UnderEvaluation, ApplicationState.Deliberation, ApplicationState.Selected, ApplicationState.Reserve, ApplicationState.Rejected,
        ApplicationState.AgreementSigned, ApplicationState.InstalmentsPaid, ApplicationState.Reporting, ApplicationState.Closed,
        ApplicationState.Awarded, ApplicationState.HonourableMention, ApplicationState.NotAwarded,
    };

    /// <summary>The board; null when the caller is neither the secretariat nor the call's chair.</summary>
    public async Task<DeliberationBoard?> LoadAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, callId, ct);
        if (caller is null || !(caller.IsStaff || caller.IsChair))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = await access.PictureAsync(db, callId, ct);
        if (picture is null)
        {
            return null;
        }

        var visible = picture.Applications.Where(a => Shown.Contains(a.State) && ReviewAccess.CanDeliberate(caller, picture, a.Id)).ToList();
        var ids = visible.Select(a => a.Id).ToList();
        var criteria = await ScoreSheetService.CriteriaAsync(db, callId, ct);
        var rows = new List<DeliberationRow>();
        var names = await JuryService.ApplicantNamesAsync(db, visible, ct);
        Dictionary<Guid, RankedApplication> ranked = [];
        if (criteria.Count > 0 && visible.Count > 0)
        {
            var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(ct);
            var sheetIds = sheets.Select(s => s.Id).ToList();
            var scores = (await db.Set<Score>().AsNoTracking().Where(s => sheetIds.Contains(s.SheetId)).ToListAsync(ct)).ToLookup(s => s.SheetId);
            var aggregation = JuryAggregation.Aggregate(ScoreSheetService.Grid(criteria),
                [.. visible.Select(a => new EvaluatedApplication(a.Id, a.SubmittedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null))],
                sheets.Select(s => ScoreSheetService.ToEngine(s, scores[s.Id], criteria, picture)));
            ranked = JuryRanking.Rank(aggregation.Applications, RankingOptions.Default).Entries.ToDictionary(e => e.Aggregate.ApplicationId);
        }

        foreach (var application in visible)
        {
            var entry = ranked.GetValueOrDefault(application.Id);
            var steps = await workflow.AvailableAsync(user, application.Id, ct);
            rows.Add(new DeliberationRow(application.Id, application.Number, application.Title,
                ReviewAccess.SeesIdentity(caller, picture) ? names.GetValueOrDefault(application.Id) : null,
                application.State, application.PrizeRank, application.RequestedAmount, entry?.Rank, entry?.ExAequo == true,
                entry?.Aggregate.Mean, entry?.Aggregate.Median, entry?.Aggregate.StandardDeviation, entry?.Aggregate.JurorCount ?? 0,
                entry?.Aggregate.Disagreement == true, entry?.Aggregate.TooFewJurors == true, steps));
        }

        var ordered = rows.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Number).ToList();
        return new DeliberationBoard(callId, picture.Call.Kind, picture.Call.TitleFr, picture.Call.TitleAr, caller.IsChair, ordered, await EnvelopeAsync(db, picture.Call, ct));
    }

    /// <summary>The envelope as stored now (every application of the call counts, whoever looks).</summary>
    internal static async Task<EnvelopeView> EnvelopeAsync(NoressDbContext db, Call call, CancellationToken ct)
    {
        var lines = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == call.Id)
            .Select(a => new { a.Id, a.State, a.RequestedAmount, a.PrizeRank }).ToListAsync(ct);
        if (call.Kind == CallKind.Ami)
        {
            var status = CallEnvelope.Status(call.EnvelopeTotal ?? 0m, call.ProjectCount ?? 0, lines.Select(l => new EnvelopeLine(l.Id, l.State, l.RequestedAmount)));
            return new EnvelopeView(status.TotalAmount, status.CommittedAmount, status.AvailableAmount, status.CommittedProjects, status.MaxProjects, []);
        }

        var prizes = await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == call.Id).Select(p => new Prize(p.Rank, p.Amount)).ToListAsync(ct);
        var awarded = lines.Where(l => l.State == ApplicationState.Awarded && l.PrizeRank != null).Select(l => new PrizeAward(l.Id, l.PrizeRank!.Value));
        var left = CallEnvelope.Remaining(prizes, awarded);
        var total = prizes.Sum(p => p.Amount);
        var committed = total - left.Sum(p => p.Amount);
        return new EnvelopeView(total, committed, total - committed, prizes.Count - left.Count, prizes.Count, [.. left.Select(p => p.Rank)]);
    }
}

/// <summary>A decision asked for on the deliberation screen.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="To">The decision (selected, reserve, rejected; prize, honourable mention, not awarded).</param>
/// <param name="Reason">The reason, when the step needs one.</param>
/// <param name="PrizeRank">The prize, when one is awarded.</param>
public sealed record DeliberationDecision(Guid ApplicationId, ApplicationState To, string? Reason, int? PrizeRank);
