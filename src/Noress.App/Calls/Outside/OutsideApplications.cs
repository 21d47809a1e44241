using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calls.Outputs;
using Noress.App.Calls.Pages;
using Noress.App.Data;

namespace Noress.App.Calls.Outside;

/// <summary>
/// The calls feature's answer to "my applications" for an outside initiative's account: only the rows it applied with
/// itself (no institution), never anyone else's. An outcome (prize, mention, not awarded) is shown only once the call's
/// results are published (<see cref="ResultsPublication"/>); until then the entry reads as in deliberation.
/// </summary>
public sealed class OutsideApplications(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock) : IOutsideApplicantApplications
{
    /// <summary>The applicant area's page of an application.</summary>
    public static string Link(Guid applicationId) => $"applicant/applications/{applicationId}";

    /// <summary>The applicant area's page to start an application in a call.</summary>
    public static string StartLink(Guid callId) => $"applicant/calls/{callId}";

    public async Task<IReadOnlyList<OutsideApplicationRow>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from a in db.Set<CallApplication>().AsNoTracking()
                          join c in db.Set<Call>().AsNoTracking() on a.CallId equals c.Id
                          where a.ApplicantUserId == userId && a.InstitutionId == null
                          orderby a.UpdatedAt descending
                          select new { Application = a, Call = c }).ToListAsync(ct);
        var published = await ResultsPublication.PublishedAmongAsync(db, [.. rows.Select(r => r.Call.Id).Distinct()], ct);
        return [.. rows.Select(r => new OutsideApplicationRow(r.Application.Id, CallText.Title(r.Call.TitleFr, r.Call.TitleAr, r.Call.TitleEn), r.Call.Kind,
            ResultsPublication.ShownState(r.Application.State, published.Contains(r.Call.Id)), r.Application.UpdatedAt, Link(r.Application.Id),
            ResultsPublication.Outcome(r.Application.State, r.Application.PrizeRank, published.Contains(r.Call.Id))?.PrizeRank, r.Call.Id))];
    }

    public async Task<IReadOnlyList<OutsideCallRow>> OpenCallsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Set<Call>().AsNoTracking()
            .Where(c => c.OpenToOutsideInitiatives && c.PublishedAt != null && c.OpensAt <= now && c.DeadlineAt > now)
            .ToListAsync(ct);
        return [.. calls.Where(c => CallSchedule.AcceptsSubmissions(c, now) && CallSchedule.IsVisible(c, now)).OrderBy(c => c.DeadlineAt)
            .Select(c => new OutsideCallRow(c.Id, CallText.Title(c.TitleFr, c.TitleAr, c.TitleEn), c.DeadlineAt))];
    }

    /// <summary>The result's sentence for the applicant ("Prize no. 1", "Honourable mention", ...).</summary>
    public static string ResultText(IStringLocalizer<OutsideText> text, (ApplicationState State, int? PrizeRank) outcome)
    {
        ArgumentNullException.ThrowIfNull(text);
        return outcome.PrizeRank is { } rank ? text["Result.Prize", rank] : text["Result." + outcome.State];
    }
}
