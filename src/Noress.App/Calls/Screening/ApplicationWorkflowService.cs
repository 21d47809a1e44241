using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Evaluation;
using Noress.App.Calls.Outputs;
using Noress.App.Calls.Review;
using Noress.App.Calls.Workflow;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Screening;

/// <summary>A step the caller may take now on an application: what a page shows as a button.</summary>
/// <param name="To">The state it leads to.</param>
/// <param name="NeedsReason">A written reason must be given.</param>
/// <param name="NeedsPrizeRank">A prize's rank must be chosen.</param>
public sealed record AvailableStep(ApplicationState To, bool NeedsReason, bool NeedsPrizeRank);

/// <summary>
/// Moves applications through the workflow (issue 12 §6). Every step is checked on the server against the engine's
/// table (<see cref="CallWorkflow"/>) for the actor the caller is (secretariat, jury chair, applicant), saved with its
/// history row in one transaction, notified to the applicant's people in their language (a deliberation's decision only
/// once the results are published, ADR 0050), and announced on the call's topic after the commit. Steps of one call are serialized by claiming the call's row first (ADR 0039), so two
/// selections at once cannot both fit an envelope that holds one, and two steps on one application cannot both pass.
/// </summary>
public sealed class ApplicationWorkflowService(
    IDbContextFactory<NoressDbContext> dbFactory,
    ReviewAccess access,
    ApplicantNotices notices,
    IEventBus bus,
    Refusals<ReviewText> refuse,
    Refusals<CallsEngineText> engine)
{
    /// <summary>The steps the caller may take now on the application (empty when none, or when they may not see it).</summary>
    public async Task<IReadOnlyList<AvailableStep>> AvailableAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return [];
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        var actors = await ActorsAsync(db, user, call, application, ct);
        var now = access.UtcNow;
        return [.. actors.SelectMany(a => CallWorkflow.Available(call.Kind, application.State, a, Utc(now), Utc(call.DeadlineAt)))
            .GroupBy(t => t.To).Select(g => new AvailableStep(g.Key, g.First().NeedsReason, g.First().NeedsPrizeRank)).OrderBy(s => s.To)];
    }

    /// <summary>
    /// Takes one step: refused (and nothing saved) when the caller may not take it from the application's current state,
    /// without the reason or prize rank it needs, or when it would take an AMI's envelope or a competition's prizes beyond
    /// what they hold. Returns the history row's id.
    /// </summary>
    public async Task<Outcome<Guid>> TransitionAsync(ClaimsPrincipal user, Guid applicationId, ApplicationState to, string? reason, int? prizeRank, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > CallLimits.MaxReason)
        {
            return refuse["Error.ReasonTooLong"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        if (callId is null)
        {
            return refuse["Error.ApplicationNotFound"];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The claim before anything is read, so steps of one call run one after the other.
        await CallClaim.TakeAsync(db, callId.Value, ct);

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == callId, ct);
        var application = await db.Set<CallApplication>().SingleAsync(a => a.Id == applicationId, ct);
        var actors = await ActorsAsync(db, user, call, application, ct);
        if (actors.Count == 0)
        {
            // Neither staff, the chair allowed to see it, nor the applicant: the application does not exist for them.
            return refuse["Error.ApplicationNotFound"];
        }

        var now = access.UtcNow;
        var codes = actors.Select(a => CallWorkflow.Check(new TransitionRequest(call.Kind, application.State, to, a, Utc(now), Utc(call.DeadlineAt), reason, prizeRank))).ToList();
        if (codes.All(c => c is not null))
        {
            // The most useful refusal: what is missing for an actor who may take the step, else "not allowed from here".
            var code = codes.FirstOrDefault(c => c != CallsEngineCodes.TransitionActorNotAllowed && c != CallsEngineCodes.TransitionNotAllowed) ?? codes[0]!;
            return engine.For(code);
        }

        if (await EnvelopeRefusalAsync(db, call, application, to, prizeRank, ct) is { } envelopeCode)
        {
            return engine.For(envelopeCode);
        }

        var from = application.State;
        application.State = to;
        application.PrizeRank = to == ApplicationState.Awarded ? prizeRank : null;
        application.UpdatedAt = now;
        application.Version = Guid.NewGuid();
        var step = new ApplicationTransition
        {
            ApplicationId = application.Id,
            From = from,
            To = to,
            ById = ReviewAccess.UserId(user),
            At = now,
            Reason = reason,
        };
        db.Add(step);
        // A decision of the deliberation reaches the applicant only with the results (ADR 0050): publishing tells it, once.
        var recipients = ResultsPublication.IsOutcome(to) && !await ResultsPublication.IsPublishedAsync(db, call.Id, ct)
            ? new List<Guid>()
            : await notices.AddAsync(db, call, application, to, reason, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // After the commit only; the signals carry no content, each screen reloads through ReviewAccess.
        await bus.PublishAsync(Topics.Call(call.Id), new BusEvent(ReviewEvents.Workflow), CancellationToken.None);
        if (CallEnvelope.CommittingStates.Contains(from) != CallEnvelope.CommittingStates.Contains(to) || to == ApplicationState.Awarded || from == ApplicationState.Awarded)
        {
            await bus.PublishAsync(Topics.Call(call.Id), new BusEvent(ReviewEvents.Envelope), CancellationToken.None);
        }

        await notices.SignalAsync(recipients);
        return Outcome<Guid>.Done(step.Id);
    }

    /// <summary>The applicant's answer to a request for more information: stored as the step's reason, back to screening.</summary>
    public Task<Outcome<Guid>> AnswerAsync(ClaimsPrincipal user, Guid applicationId, string answer, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(answer)
            ? Task.FromResult<Outcome<Guid>>(refuse["Error.AnswerRequired"])
            : TransitionAsync(user, applicationId, ApplicationState.Screening, answer, null, ct);

    /// <summary>The application's history, oldest first, for its applicant's side and the secretariat.</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || ReviewAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        if (!await access.IsStaffAsync(user) && !await IsApplicantAsync(db, userId, application, ct))
        {
            return [];
        }

        return await db.Set<ApplicationTransition>().AsNoTracking().Where(t => t.ApplicationId == applicationId)
            .OrderBy(t => t.At).Select(t => new HistoryLine(t.From, t.To, t.At, t.Reason)).ToListAsync(ct);
    }

    /// <summary>The roles of the workflow the caller holds on this application.</summary>
    private async Task<List<CallActor>> ActorsAsync(NoressDbContext db, ClaimsPrincipal user, Call call, CallApplication application, CancellationToken ct)
    {
        var actors = new List<CallActor>();
        if (ReviewAccess.UserId(user) is not { } userId || !await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive, ct))
        {
            return actors;
        }

        if (await access.IsStaffAsync(user))
        {
            actors.Add(CallActor.Secretariat);
        }

        if (await db.Set<CallJuror>().AsNoTracking().AnyAsync(j => j.CallId == call.Id && j.UserId == userId && j.IsChair, ct))
        {
            // A chair conflicted with the entry takes no decision on it (and does not see it: the deliberation screen hides it).
            var picture = await access.PictureAsync(db, call.Id, ct);
            if (picture is not null && !picture.IsConflicted(application.Id, userId))
            {
                actors.Add(CallActor.JuryChair);
            }
        }

        if (await IsApplicantAsync(db, userId, application, ct))
        {
            actors.Add(CallActor.Applicant);
        }

        return actors;
    }

    private static async Task<bool> IsApplicantAsync(NoressDbContext db, Guid userId, CallApplication application, CancellationToken ct) =>
        application.InstitutionId is { } institution
            ? await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.InstitutionId == institution, ct)
            : application.ApplicantUserId == userId;

    /// <summary>Null when the step keeps the envelope (AMI) or the prizes (competition) within what they hold, else the engine's code.</summary>
    private static async Task<string?> EnvelopeRefusalAsync(NoressDbContext db, Call call, CallApplication application, ApplicationState to, int? prizeRank, CancellationToken ct)
    {
        if (call.Kind == CallKind.Ami && CallEnvelope.CommittingStates.Contains(to) && !CallEnvelope.CommittingStates.Contains(application.State))
        {
            var lines = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == call.Id)
                .Select(a => new EnvelopeLine(a.Id, a.State, a.RequestedAmount)).ToListAsync(ct);
            var status = CallEnvelope.Status(call.EnvelopeTotal ?? 0m, call.ProjectCount ?? 0, lines);
            return CallEnvelope.CheckSelection(status, application.RequestedAmount);
        }

        if (call.Kind == CallKind.Competition && to == ApplicationState.Awarded && prizeRank is { } rank)
        {
            var prizes = await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == call.Id).OrderBy(p => p.Rank)
                .Select(p => new Prize(p.Rank, p.Amount)).ToListAsync(ct);
            var awarded = await db.Set<CallApplication>().AsNoTracking()
                .Where(a => a.CallId == call.Id && a.State == ApplicationState.Awarded && a.PrizeRank != null)
                .Select(a => new PrizeAward(a.Id, a.PrizeRank!.Value)).ToListAsync(ct);
            return CallEnvelope.CheckAward(prizes, awarded, application.Id, rank);
        }

        return null;
    }

    /// <summary>Where the applicant reads their application (the calls pages).</summary>
    public static string ApplicationLink(Guid applicationId) => $"/applications/{applicationId}";

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>One step of an application's history.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Reason">The reason given, or the applicant's answer.</param>
public sealed record HistoryLine(ApplicationState From, ApplicationState To, DateTime At, string? Reason);
