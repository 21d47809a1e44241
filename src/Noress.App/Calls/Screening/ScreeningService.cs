using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Review;
using Noress.App.Data;

namespace Noress.App.Calls.Screening;

/// <summary>One application on the secretariat's screening page.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Number">Its number in the call.</param>
/// <param name="Title">The project's name.</param>
/// <param name="Applicant">Who applied.</param>
/// <param name="State">Where it stands.</param>
/// <param name="RequestedAmount">What it asks for.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
/// <param name="LastReason">The latest step's reason or the applicant's answer.</param>
/// <param name="Steps">What the secretariat may do now.</param>
public sealed record ScreeningRow(
    Guid ApplicationId, int Number, string Title, string Applicant, ApplicationState State, decimal RequestedAmount, DateTime? SubmittedAt,
    string? LastReason, IReadOnlyList<AvailableStep> Steps);

/// <summary>The call as the screening page shows it.</summary>
/// <param name="CallId">The call.</param>
/// <param name="TitleFr">Its title in French.</param>
/// <param name="TitleAr">In Arabic.</param>
/// <param name="TitleEn">In English.</param>
/// <param name="Rows">Its applications past the draft, by number.</param>
public sealed record ScreeningBoard(Guid CallId, string TitleFr, string TitleAr, string? TitleEn, IReadOnlyList<ScreeningRow> Rows);

/// <summary>The secretariat's screening of a call's submitted applications (issue 12 §6); steps go through the workflow service.</summary>
public sealed class ScreeningService(IDbContextFactory<NoressDbContext> dbFactory, ReviewAccess access, ApplicationWorkflowService workflow)
{
    /// <summary>The board; null when the caller is not the secretariat or there is no such call.</summary>
    public async Task<ScreeningBoard?> LoadAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var applications = await db.Set<CallApplication>().AsNoTracking()
            .Where(a => a.CallId == callId && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
            .OrderBy(a => a.Number).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var reasons = (await db.Set<ApplicationTransition>().AsNoTracking().Where(t => ids.Contains(t.ApplicationId)).ToListAsync(ct))
            .GroupBy(t => t.ApplicationId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).Last().Reason);
        var names = await JuryService.ApplicantNamesAsync(db, applications, ct);
        var rows = new List<ScreeningRow>();
        foreach (var application in applications)
        {
            rows.Add(new ScreeningRow(application.Id, application.Number, application.Title, names.GetValueOrDefault(application.Id, string.Empty),
                application.State, application.RequestedAmount, application.SubmittedAt, reasons.GetValueOrDefault(application.Id),
                await workflow.AvailableAsync(user, application.Id, ct)));
        }

        return new ScreeningBoard(call.Id, call.TitleFr, call.TitleAr, call.TitleEn, rows);
    }
}
