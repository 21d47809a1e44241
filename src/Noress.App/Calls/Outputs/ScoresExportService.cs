using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Noress.App.Calls.Review;
using Noress.App.Data;

namespace Noress.App.Calls.Outputs;

/// <summary>A workbook to download.</summary>
/// <param name="FileName">Its name.</param>
/// <param name="Content">Its bytes.</param>
public sealed record ExportFile(string FileName, byte[] Content);

/// <summary>
/// The call's scores as a workbook (issue 12 §13) for those who deliberate: the secretariat, and the chair for the
/// entries they are not conflicted with (ADR 0042: jurors get nothing, their own sheets are on their pages). Sheet one
/// has a row per entry and juror with each criterion's score and the weighted total; sheet two the aggregates (weighted
/// mean, median, standard deviation, flags, rank). Only submitted sheets of jurors not conflicted with the entry are
/// written, as in every aggregate; in a blind call the chair gets no applicant names.
/// </summary>
public sealed class ScoresExportService(IDbContextFactory<NoressDbContext> dbFactory, ReviewAccess access, DeliberationService deliberation, IStringLocalizer<OutputsText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook; null unless the caller is the secretariat or the call's chair.</summary>
    public async Task<ExportFile?> ExportAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, callId, ct);
        if (caller is null || !(caller.IsStaff || caller.IsChair) || await deliberation.LoadAsync(user, callId, ct) is not { } board)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var picture = (await access.PictureAsync(db, callId, ct))!;
        var call = picture.Call;
        var seesIdentity = ReviewAccess.SeesIdentity(caller, picture);
        var rows = board.Rows;
        var ids = rows.Select(r => r.ApplicationId).ToList();
        var criteria = await ScoreSheetService.CriteriaAsync(db, callId, ct);
        var grid = ScoreSheetService.Grid(criteria);
        var sheets = (await db.Set<ScoreSheet>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId) && s.State == ScoreSheetState.Submitted).ToListAsync(ct))
            .Where(s => !picture.IsConflicted(s.ApplicationId, s.JurorId)).ToList();
        var sheetIds = sheets.Select(s => s.Id).ToList();
        var scores = (await db.Set<Score>().AsNoTracking().Where(s => sheetIds.Contains(s.SheetId)).ToListAsync(ct)).ToLookup(s => s.SheetId);
        var jurorIds = sheets.Select(s => s.JurorId).Distinct().ToList();
        var jurors = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var index = criteria.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var arabic = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";
        string Label(SheetCriterion c) => arabic ? c.LabelAr : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(c.LabelEn) ? c.LabelEn : c.LabelFr;

        var scoreHeader = new List<object?> { text["Column.Reference"].Value, text["Column.Project"].Value, text["Column.Applicant"].Value, text["Column.Juror"].Value };
        scoreHeader.AddRange(criteria.Select(c => (object?)$"{Label(c)} ({c.Min}-{c.Max}, ×{c.Weight.ToString("0.##", CultureInfo.CurrentCulture)})"));
        scoreHeader.Add(text["Column.Total", ScoreSheetService.Scale].Value);
        var scoreRows = new List<Dictionary<string, object?>> { Row(scoreHeader) };
        foreach (var row in rows)
        {
            foreach (var sheet in sheets.Where(s => s.ApplicationId == row.ApplicationId).OrderBy(s => jurors.GetValueOrDefault(s.JurorId), StringComparer.CurrentCulture))
            {
                var given = scores[sheet.Id].Where(s => index.ContainsKey(s.CriterionId)).ToDictionary(s => index[s.CriterionId], s => s.Points);
                var cells = new List<object?> { Reference(call, row, seesIdentity), row.Title, row.Applicant, jurors.GetValueOrDefault(sheet.JurorId) };
                cells.AddRange(criteria.Select((_, i) => (object?)(given.TryGetValue(i, out var p) ? p : null)));
                cells.Add(Math.Round(grid.Total(given), 2));
                scoreRows.Add(Row(cells));
            }
        }

        var aggregateHeader = new List<object?>
        {
            text["Column.Reference"].Value, text["Column.Project"].Value, text["Column.Applicant"].Value, text["Column.Rank"].Value, text["Column.Mean"].Value,
            text["Column.Median"].Value, text["Column.Deviation"].Value, text["Column.Jurors"].Value, text["Flag.Disagreement"].Value, text["Flag.TooFewJurors"].Value,
            text["Column.Decision"].Value,
        };
        var aggregateRows = new List<Dictionary<string, object?>> { Row(aggregateHeader) };
        aggregateRows.AddRange(rows.Select(r => Row(
        [
            Reference(call, r, seesIdentity), r.Title, r.Applicant, r.Rank, Rounded(r.Mean), Rounded(r.Median), Rounded(r.StandardDeviation), r.Jurors,
            r.Disagreement ? text["Yes"].Value : string.Empty, r.TooFewJurors ? text["Yes"].Value : string.Empty,
            LetterTemplates.OutcomeOf(r.State) is { } o ? text[$"Outcome.{o}", r.PrizeRank ?? 0].Value : text["Outcome.Pending"].Value,
        ])));
        var workbook = new Dictionary<string, object>
        {
            [SheetName(text["Sheet.Scores"].Value)] = scoreRows,
            [SheetName(text["Sheet.Aggregates"].Value)] = aggregateRows,
        };
        using var stream = new MemoryStream();
        var configuration = new OpenXmlConfiguration { RightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft };
        await stream.SaveAsAsync(workbook, printHeader: false, configuration: configuration, cancellationToken: ct);
        return new ExportFile($"{CallService.Reference(call, 0)[..^4]}-scores.xlsx", stream.ToArray());
    }

    // A blind call's chair reads neutral numbers, as on the jury's pages; the secretariat reads the call's references.
    private static string Reference(Call call, DeliberationRow row, bool seesIdentity) =>
        seesIdentity ? CallService.Reference(call, row.Number) : ReviewNames.Reference(row.Number);

    private static decimal? Rounded(decimal? value) => value is { } v ? Math.Round(v, 2) : null;

    private static Dictionary<string, object?> Row(IReadOnlyList<object?> cells)
    {
        var values = new Dictionary<string, object?>();
        for (var i = 0; i < cells.Count; i++)
        {
            values["c" + i.ToString(CultureInfo.InvariantCulture)] = cells[i];
        }

        return values;
    }

    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
