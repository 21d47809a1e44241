using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Time;

namespace Noress.App.Calls;

/// <summary>The person asking, as the calls feature sees them: who, and which institution they belong to.</summary>
public sealed record CallsCaller(Guid UserId, Guid? InstitutionId, bool IsStaff, bool IsMember);

/// <summary>
/// Who may do what with calls and applications, checked by the calls services themselves. The secretariat edits calls
/// and reads every application; members read published calls; an application is seen only by its applicant's side
/// (the people of the applicant institution, or the outside applicant) and the secretariat. Jurors' reads are
/// added by the jury's services.
/// </summary>
public sealed class CallsAccess(IAuthorizationService authorization, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The policy of the endpoints an application's applicant side uses whoever it is (its files, its receipt): a member
    /// or an outside initiative's account. The services then give each only its own applications (ADR 0041).
    /// </summary>
    public const string ApplicantSidePolicy = "CallsApplicantSide";

    /// <summary>Adds <see cref="ApplicantSidePolicy"/>: any member role, or the outside applicant's role.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(ApplicantSidePolicy, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.All, Roles.OutsideApplicant]));
    }

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => NoressClock.Today(clock);

    public async Task<bool> IsStaffAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    public async Task<bool> IsMemberAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded;

    /// <summary>The active person behind <paramref name="user"/>; null when anonymous or deactivated.</summary>
    public async Task<CallsCaller?> CallerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (UserId(user) is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.InstitutionId }).SingleOrDefaultAsync(ct);
        return person is null ? null : new CallsCaller(userId, person.InstitutionId, await IsStaffAsync(user), await IsMemberAsync(user));
    }

    /// <summary>True when the caller is on the applicant's side of the application.</summary>
    public static bool IsApplicant(CallsCaller caller, CallApplication application) =>
        application.InstitutionId is { } institution ? caller.InstitutionId == institution : application.ApplicantUserId == caller.UserId;

    /// <summary>The one read rule for an application and everything in it (answers, files, history, receipt).</summary>
    public static bool CanRead(CallsCaller caller, CallApplication application) => caller.IsStaff || IsApplicant(caller, application);

    /// <summary>
    /// Whether the caller holds the application's own papers (its decision letter, its dossier): a titular or alternate
    /// representative of the applicant institution in force today, or the outside account that applied. Other people of
    /// the institution read the application's page, not its papers.
    /// </summary>
    public async Task<bool> HoldsPapersAsync(NoressDbContext db, CallsCaller caller, CallApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(application);
        return application.InstitutionId is { } institution
            ? caller.InstitutionId == institution && await IsRepresentativeAsync(db, caller.UserId, institution, Today, ct)
            : application.ApplicantUserId == caller.UserId;
    }

    /// <summary>Whether the application's content may still change: a draft (or withdrawn) before the deadline.</summary>
    public static bool IsOpenForChanges(Call call, CallApplication application, DateTime nowUtc) =>
        application.State is ApplicationState.Draft or ApplicationState.Withdrawn && CallSchedule.AcceptsSubmissions(call, nowUtc);

    /// <summary>A titular or alternate representative of the institution in force on <paramref name="date"/>.</summary>
    public static async Task<bool> IsRepresentativeAsync(NoressDbContext db, Guid userId, Guid institutionId, DateOnly date, CancellationToken ct) =>
        await db.Set<RepresentativeMandate>().AsNoTracking()
            .AnyAsync(m => m.UserId == userId && m.InstitutionId == institutionId && m.StartsOn <= date && (m.EndsOn == null || m.EndsOn >= date), ct);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>The schedule's rules: pure, judged on the instant the server's clock gives at the moment of the request.</summary>
public static class CallSchedule
{
    /// <summary>Shown to members (and to the public when open to outside initiatives) once published and from its publication instant.</summary>
    public static bool IsVisible(Call call, DateTime nowUtc) => call.PublishedAt is not null && nowUtc >= call.PublicationAt;

    /// <summary>
    /// Applications are accepted from the opening instant included to the deadline excluded: at the exact deadline
    /// instant a submission is already late (ADR 0036).
    /// </summary>
    public static bool AcceptsSubmissions(Call call, DateTime nowUtc) =>
        call.PublishedAt is not null && nowUtc >= call.OpensAt && nowUtc < call.DeadlineAt;

    /// <summary>The order the schedule must keep; null when it does, else the refusal's key.</summary>
    public static string? Invalid(DateTime publication, DateTime opens, DateTime deadline, DateTime evaluationEnds, DateTime results) =>
        opens < publication ? "Error.OpensBeforePublication"
        : deadline <= opens ? "Error.DeadlineBeforeOpening"
        : evaluationEnds < deadline ? "Error.EvaluationBeforeDeadline"
        : results < evaluationEnds ? "Error.ResultsBeforeEvaluation"
        : null;
}
