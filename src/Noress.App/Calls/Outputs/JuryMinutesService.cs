using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Outputs;

/// <summary>
/// The jury's minutes (issue 12 §13): a co-edited document of the call's space, created once per call by the
/// secretariat or the chair and pre-filled with the deliberation's ranking, aggregates, decisions, the jurors and the
/// number of conflicts each had (never which entries). The secretariat edits it; the chair gets Edit on it when
/// conflicted with no entry (the minutes show every entry); a second request opens the same document.
/// </summary>
public sealed class JuryMinutesService(
    IDbContextFactory<NoressDbContext> dbFactory,
    ReviewAccess access,
    DeliberationService deliberation,
    IEventBus bus,
    IStringLocalizer<OutputsText> text,
    Refusals<OutputsText> refuse)
{
    /// <summary>The minutes' document when it exists and the caller may open it (secretariat, or a chair conflicted with no entry).</summary>
    public async Task<Guid?> FindAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await MayWriteAsync(db, user, callId, ct))
        {
            return null;
        }

        return await db.Set<CallOutputs>().AsNoTracking().Where(o => o.CallId == callId).Select(o => o.MinutesDocumentId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether the caller may create or open the minutes.</summary>
    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MayWriteAsync(db, user, callId, ct);
    }

    /// <summary>Creates the minutes' document, or returns the one created before (the call's row is claimed first, so two clicks make one).</summary>
    public async Task<Outcome<Guid>> OpenOrCreateAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (await deliberation.LoadAsync(user, callId, ct) is not { } board || ReviewAccess.UserId(user) is not { } userId)
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await MayWriteAsync(db, user, callId, ct))
        {
            return refuse["Error.NotAllowed"];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CallClaim.TakeAsync(db, callId, ct);
        var outputs = await db.Set<CallOutputs>().SingleOrDefaultAsync(o => o.CallId == callId, ct);
        if (outputs?.MinutesDocumentId is { } existing)
        {
            return Outcome<Guid>.Done(existing);
        }

        var picture = (await access.PictureAsync(db, callId, ct))!;
        var markdown = await MarkdownAsync(db, picture, board, ct);
        var call = picture.Call;
        var title = $"{text["Minutes.Title"].Value} – {CallService.Reference(call.Kind, call.Edition, 0)[..^4]}";
        var document = DocumentRecords.Add(db, DocumentSpaceKind.Call, callId, title, markdown, userId, access.UtcNow);
        if (picture.Jurors.SingleOrDefault(j => j.IsChair) is { } chair && picture.Applications.All(a => !picture.IsConflicted(a.Id, chair.UserId)))
        {
            DocumentRecords.Grant(db, document.Id, DocumentPrincipalKind.User, chair.UserId.ToString(), DocumentRight.Edit);
        }

        if (outputs is null)
        {
            outputs = new CallOutputs { CallId = callId };
            db.Add(outputs);
        }

        outputs.MinutesDocumentId = document.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(OutputEvents.Outputs), CancellationToken.None);
        return Outcome<Guid>.Done(document.Id);
    }

    private async Task<bool> MayWriteAsync(NoressDbContext db, ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, callId, ct);
        if (caller is null || !(caller.IsStaff || caller.IsChair))
        {
            return false;
        }

        if (caller.IsStaff)
        {
            return await db.Set<Call>().AnyAsync(c => c.Id == callId, ct);
        }

        // A chair conflicted with any entry would read it in the minutes, which show every entry: the secretariat writes them.
        var picture = await access.PictureAsync(db, callId, ct);
        return picture is not null && picture.Applications.All(a => !picture.IsConflicted(a.Id, caller.UserId));
    }

    private async Task<string> MarkdownAsync(NoressDbContext db, JuryPicture picture, DeliberationBoard board, CancellationToken ct)
    {
        var call = picture.Call;
        var jurorIds = picture.Jurors.Select(j => j.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var ids = picture.Applications.Select(a => a.Id).ToList();
        var submitted = (await db.Set<ScoreSheet>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId) && s.State == ScoreSheetState.Submitted)
            .Select(s => new { s.ApplicationId, s.JurorId }).ToListAsync(ct)).Where(s => !picture.IsConflicted(s.ApplicationId, s.JurorId)).ToList();
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"# {text["Minutes.Title"].Value}").AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"**{text["Minutes.Call"].Value}** : {LetterTemplates.Escape(BilingualText.Preferred(call.TitleFr, call.TitleAr))} ({call.Edition.ToString(CultureInfo.CurrentCulture)})  ");
        builder.AppendLine(CultureInfo.InvariantCulture, $"**{text["Minutes.Date"].Value}** : {NoressFormat.LongDate(access.UtcNow)}").AppendLine();

        builder.AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes.Jurors"].Value}").AppendLine();
        foreach (var juror in picture.Jurors.OrderByDescending(j => j.IsChair).ThenBy(j => names.GetValueOrDefault(j.UserId), StringComparer.CurrentCulture))
        {
            var role = juror.IsChair ? $" ({text["Minutes.Chair"].Value})" : string.Empty;
            var sheets = submitted.Count(s => s.JurorId == juror.UserId);
            builder.AppendLine(CultureInfo.InvariantCulture, $"- {LetterTemplates.Escape(names.GetValueOrDefault(juror.UserId, string.Empty))}{role} – {text["Minutes.Sheets", sheets].Value} – {text["Minutes.Present"].Value} ☐");
        }

        builder.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes.Conflicts"].Value}").AppendLine();
        var conflicted = picture.Jurors.Select(j => (Juror: j, Count: picture.Applications.Count(a => picture.IsConflicted(a.Id, j.UserId)))).Where(x => x.Count > 0).ToList();
        if (conflicted.Count == 0)
        {
            builder.AppendLine(text["Minutes.NoConflict"].Value);
        }

        foreach (var (juror, count) in conflicted)
        {
            // The number only: which entries a juror was conflicted with is not written, so the minutes reveal nothing of them.
            builder.AppendLine(CultureInfo.InvariantCulture, $"- {LetterTemplates.Escape(names.GetValueOrDefault(juror.UserId, string.Empty))} – {text["Minutes.ConflictCount", count].Value}");
        }

        builder.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes.Ranking"].Value}").AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture,
            $"| {text["Column.Rank"].Value} | {text["Column.Reference"].Value} | {text["Column.Project"].Value} | {text["Column.Mean"].Value} | {text["Column.Median"].Value} | {text["Column.Deviation"].Value} | {text["Column.Jurors"].Value} | {text["Column.Flags"].Value} | {text["Column.Decision"].Value} |");
        builder.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in board.Rows)
        {
            var flags = string.Join(", ", new[] { row.Disagreement ? text["Flag.Disagreement"].Value : null, row.TooFewJurors ? text["Flag.TooFewJurors"].Value : null }.OfType<string>());
            var rank = row.Rank is { } r ? r.ToString(CultureInfo.CurrentCulture) + (row.ExAequo ? " " + text["Column.ExAequo"].Value : string.Empty) : "–";
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"| {rank} | {CallService.Reference(call, row.Number)} | {LetterTemplates.Escape(row.Title)} | {OutputsDisplay.Stat(row.Mean)} | {OutputsDisplay.Stat(row.Median)} | {OutputsDisplay.Stat(row.StandardDeviation)} | {row.Jurors.ToString(CultureInfo.CurrentCulture)} | {flags} | {Decision(row)} |");
        }

        builder.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes.Decisions"].Value}").AppendLine();
        foreach (var row in board.Rows.Where(r => LetterTemplates.OutcomeOf(r.State) is not null))
        {
            var amount = row.State == ApplicationState.Selected ? " – " + OutputsDisplay.Money(row.RequestedAmount) : string.Empty;
            builder.AppendLine(CultureInfo.InvariantCulture, $"- {CallService.Reference(call, row.Number)} {LetterTemplates.Escape(row.Title)} : {Decision(row)}{amount}");
        }

        if (call.Kind == CallKind.Ami)
        {
            builder.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"{text["Minutes.Envelope", OutputsDisplay.Money(board.Envelope.Committed), OutputsDisplay.Money(board.Envelope.Total), OutputsDisplay.Money(board.Envelope.Available)].Value}");
        }

        builder.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes.Notes"].Value}").AppendLine();
        return builder.ToString();
    }

    private string Decision(DeliberationRow row) => LetterTemplates.OutcomeOf(row.State) is { } outcome
        ? text[$"Outcome.{outcome}", row.PrizeRank ?? 0].Value
        : text["Outcome.Pending"].Value;
}
