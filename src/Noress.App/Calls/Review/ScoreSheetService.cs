using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Evaluation;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using EngineSheet = Noress.App.Calls.Evaluation.ScoreSheet;

namespace Noress.App.Calls.Review;

/// <summary>One criterion of the grid as the sheet shows it.</summary>
/// <param name="Id">The criterion.</param>
/// <param name="LabelFr">Its label in French.</param>
/// <param name="LabelAr">In Arabic.</param>
/// <param name="LabelEn">In English, when given.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Min">The lowest score.</param>
/// <param name="Max">The highest score.</param>
public sealed record SheetCriterion(Guid Id, string LabelFr, string LabelAr, string? LabelEn, decimal Weight, int Min, int Max);

/// <summary>A score given to one criterion, with its comment.</summary>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Points">The score, within the criterion's scale.</param>
/// <param name="Comment">Why, in the juror's words.</param>
public sealed record CriterionScore(Guid CriterionId, decimal Points, string? Comment);

/// <summary>Another juror's submitted sheet, shown once the caller's own is submitted.</summary>
/// <param name="JurorName">The juror.</param>
/// <param name="Scores">Their scores.</param>
/// <param name="Comment">Their overall comment.</param>
/// <param name="Total">Their sheet's weighted total on the grid's scale.</param>
public sealed record OtherSheet(string JurorName, IReadOnlyList<CriterionScore> Scores, string? Comment, decimal Total);

/// <summary>What the score sheet page shows a juror.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="Reference">Its neutral reference.</param>
/// <param name="Title">The project's name.</param>
/// <param name="Criteria">The call's grid.</param>
/// <param name="Scores">The juror's scores so far.</param>
/// <param name="Comment">The juror's overall comment.</param>
/// <param name="Submitted">The sheet is submitted (then read-only).</param>
/// <param name="Version">The token the next save must send (empty before the first save).</param>
/// <param name="CanScore">The entry is under evaluation.</param>
/// <param name="Others">The other jurors' submitted sheets; empty (sealed) until the caller's own is submitted.</param>
/// <param name="Sealed">Others' sheets are sealed to the caller.</param>
public sealed record SheetView(
    Guid ApplicationId,
    string Reference,
    string Title,
    IReadOnlyList<SheetCriterion> Criteria,
    IReadOnlyList<CriterionScore> Scores,
    string? Comment,
    bool Submitted,
    Guid Version,
    bool CanScore,
    IReadOnlyList<OtherSheet> Others,
    bool Sealed);

/// <summary>
/// Score sheets (issue 12 §10): per criterion of the call's grid, refused outside the criterion's scale, with comments;
/// a draft until submitted, guarded by a version token (a stale save is refused, never overwrites). Each juror has
/// their own sheet, so two jurors submitting at once are both kept. Others' scores stay sealed until the caller's own
/// sheet is submitted; a conflicted juror has no sheet to open.
/// </summary>
public sealed class ScoreSheetService(
    IDbContextFactory<NoressDbContext> dbFactory,
    ReviewAccess access,
    IEventBus bus,
    Refusals<ReviewText> refuse,
    Refusals<CallsEngineText> engine)
{
    /// <summary>Totals are expressed out of 20, the habit of the network's juries.</summary>
    public const decimal Scale = 20m;

    /// <summary>The caller's sheet on the entry; null when they may not see the entry (not assigned, conflicted, declaration pending).</summary>
    public async Task<SheetView?> LoadAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (picture, jurorId) = await EntryAsync(db, user, applicationId, ct);
        if (picture is null)
        {
            return null;
        }

        var application = picture.Applications.Single(a => a.Id == applicationId);
        var criteria = await CriteriaAsync(db, picture.Call.Id, ct);
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => s.ApplicationId == applicationId).ToListAsync(ct);
        var sheetIds = sheets.Select(s => s.Id).ToList();
        var scores = (await db.Set<Score>().AsNoTracking().Where(s => sheetIds.Contains(s.SheetId)).ToListAsync(ct)).ToLookup(s => s.SheetId);
        var mine = sheets.SingleOrDefault(s => s.JurorId == jurorId);
        var submitted = mine?.State == ScoreSheetState.Submitted;
        var others = new List<OtherSheet>();
        if (submitted)
        {
            var grid = Grid(criteria);
            var counted = sheets.Where(s => s.JurorId != jurorId && s.State == ScoreSheetState.Submitted && !picture.IsConflicted(applicationId, s.JurorId)).ToList();
            var counterIds = counted.Select(s => s.JurorId).ToList();
            var names = await db.Users.AsNoTracking().Where(u => counterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
            foreach (var sheet in counted)
            {
                var list = scores[sheet.Id].Select(s => new CriterionScore(s.CriterionId, s.Points, s.Comment)).ToList();
                others.Add(new OtherSheet(names.GetValueOrDefault(sheet.JurorId, string.Empty), list, sheet.Comment, Total(grid, criteria, list)));
            }
        }

        return new SheetView(applicationId, ReviewNames.Reference(application.Number), application.Title, criteria,
            mine is null ? [] : [.. scores[mine.Id].Select(s => new CriterionScore(s.CriterionId, s.Points, s.Comment))],
            mine?.Comment, submitted, mine?.Version ?? Guid.Empty, application.State == ApplicationState.UnderEvaluation, others, !submitted);
    }

    /// <summary>
    /// Saves the caller's sheet as a draft, or submits it (<paramref name="submit"/>: every criterion scored). Refused
    /// outside a criterion's scale, on an entry the caller may not see, once submitted, or when
    /// <paramref name="version"/> is not the stored one (someone saved meanwhile: reload). Returns the new version.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(
        ClaimsPrincipal user, Guid applicationId, Guid version, IReadOnlyList<CriterionScore> scores, string? comment, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > CallLimits.MaxComment || scores.Any(s => s.Comment?.Length > CallLimits.MaxComment))
        {
            return refuse["Error.CommentTooLong"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        var picture = callId is null ? null : await access.PictureAsync(db, callId.Value, ct);
        if (picture is null || ReviewAccess.UserId(user) is not { } jurorId || picture.Applications.All(a => a.Id != applicationId)
            || picture.Jurors.All(j => j.UserId != jurorId))
        {
            return refuse["Error.ApplicationNotFound"];
        }

        if (JuryConflicts.AccessRefusal(picture.Access(applicationId, jurorId)) is { } accessCode)
        {
            // A juror scoring a conflicted entry is refused; the entry is not found for one never assigned to it.
            return accessCode == CallsEngineCodes.EntryNotAssigned ? refuse["Error.ApplicationNotFound"] : engine.For(accessCode);
        }

        if (picture.Applications.Single(a => a.Id == applicationId).State != ApplicationState.UnderEvaluation)
        {
            return refuse["Error.NotUnderEvaluation"];
        }

        var criteria = await CriteriaAsync(db, picture.Call.Id, ct);
        if (scores.GroupBy(s => s.CriterionId).Any(g => g.Count() > 1))
        {
            return engine.For(CallsEngineCodes.ScoreUnknownCriterion);
        }

        var index = criteria.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        if (scores.Any(s => !index.ContainsKey(s.CriterionId)))
        {
            return engine.For(CallsEngineCodes.ScoreUnknownCriterion);
        }

        if (ScoreSheetRules.Check(Grid(criteria), scores.ToDictionary(s => index[s.CriterionId], s => s.Points), complete: submit) is { } scoreCode)
        {
            return engine.For(scoreCode);
        }

        var now = access.UtcNow;
        var sheet = await db.Set<ScoreSheet>().SingleOrDefaultAsync(s => s.ApplicationId == applicationId && s.JurorId == jurorId, ct);
        if (sheet is null)
        {
            if (version != Guid.Empty)
            {
                return refuse["Error.SheetChanged"];
            }

            sheet = new ScoreSheet { ApplicationId = applicationId, JurorId = jurorId };
            db.Add(sheet);
        }
        else if (sheet.State == ScoreSheetState.Submitted)
        {
            return refuse["Error.SheetSubmitted"];
        }
        else if (sheet.Version != version)
        {
            return refuse["Error.SheetChanged"];
        }

        var stored = await db.Set<Score>().Where(s => s.SheetId == sheet.Id).ToListAsync(ct);
        foreach (var given in scores)
        {
            var score = stored.SingleOrDefault(s => s.CriterionId == given.CriterionId);
            if (score is null)
            {
                db.Add(new Score { SheetId = sheet.Id, CriterionId = given.CriterionId, Points = given.Points, Comment = Trimmed(given.Comment) });
            }
            else
            {
                score.Points = given.Points;
                score.Comment = Trimmed(given.Comment);
            }
        }

        db.RemoveRange(stored.Where(s => scores.All(g => g.CriterionId != s.CriterionId)));
        sheet.Comment = comment;
        sheet.UpdatedAt = now;
        sheet.Version = Guid.NewGuid();
        if (submit)
        {
            sheet.State = ScoreSheetState.Submitted;
            sheet.SubmittedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The version token (DbUpdateConcurrencyException) or the one-sheet-per-juror key: someone saved meanwhile.
            return refuse["Error.SheetChanged"];
        }

        await bus.PublishAsync(Topics.Call(picture.Call.Id), new BusEvent(ReviewEvents.Scores), CancellationToken.None);
        return Outcome<Guid>.Done(sheet.Version);
    }

    /// <summary>The call's grid, in position order.</summary>
    internal static async Task<List<SheetCriterion>> CriteriaAsync(NoressDbContext db, Guid callId, CancellationToken ct) =>
        await db.Set<EvaluationCriterion>().AsNoTracking().Where(c => c.CallId == callId).OrderBy(c => c.Position)
            .Select(c => new SheetCriterion(c.Id, c.LabelFr, c.LabelAr, c.LabelEn, c.Weight, c.ScaleMin, c.ScaleMax)).ToListAsync(ct);

    /// <summary>The engine's grid for the criteria; criteria are numbered by their position in the list.</summary>
    internal static EvaluationGrid Grid(IReadOnlyList<SheetCriterion> criteria) =>
        new([.. criteria.Select((c, i) => new GridCriterion(i, c.Weight, c.Min, c.Max))], Scale);

    /// <summary>The engine's view of stored sheets; a conflicted juror's sheet is marked so it counts in no aggregate.</summary>
    internal static EngineSheet ToEngine(ScoreSheet sheet, IEnumerable<Score> scores, IReadOnlyList<SheetCriterion> criteria, JuryPicture picture)
    {
        var index = criteria.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return new EngineSheet(sheet.ApplicationId, sheet.JurorId, sheet.State == ScoreSheetState.Submitted, picture.IsConflicted(sheet.ApplicationId, sheet.JurorId),
            scores.Where(s => index.ContainsKey(s.CriterionId)).ToDictionary(s => index[s.CriterionId], s => s.Points));
    }

    private static decimal Total(EvaluationGrid grid, IReadOnlyList<SheetCriterion> criteria, IReadOnlyList<CriterionScore> scores)
    {
        var index = criteria.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var given = scores.Where(s => index.ContainsKey(s.CriterionId)).ToDictionary(s => index[s.CriterionId], s => s.Points);
        return ScoreSheetRules.Check(grid, given) is null ? grid.Total(given) : 0m;
    }

    private async Task<(JuryPicture? Picture, Guid JurorId)> EntryAsync(NoressDbContext db, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        var picture = callId is null ? null : await access.PictureAsync(db, callId.Value, ct);
        if (picture is null || ReviewAccess.UserId(user) is not { } jurorId || picture.Access(applicationId, jurorId) != EntryAccess.MaySee)
        {
            return (null, Guid.Empty);
        }

        return (picture, jurorId);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the score sheet form sends.</summary>
/// <param name="Scores">The scores given.</param>
/// <param name="Comment">The overall comment.</param>
/// <param name="Submit">Submit (true) or keep a draft.</param>
public sealed record SheetSubmission(IReadOnlyList<CriterionScore> Scores, string? Comment, bool Submit);
