using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Calls.Outputs;

/// <summary>One line of a call's published results.</summary>
/// <param name="Title">The project or initiative.</param>
/// <param name="Applicant">The applicant member institution; null for an outside initiative (its name is its title).</param>
/// <param name="Outcome">Selected (AMI), a prize or an honourable mention (competition).</param>
/// <param name="PrizeRank">The prize's rank.</param>
/// <param name="Amount">The amount granted or the prize's amount; null for a mention.</param>
public sealed record ResultLine(string Title, string? Applicant, LetterOutcome Outcome, int? PrizeRank, decimal? Amount);

/// <summary>A call's published results.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Kind">AMI or competition.</param>
/// <param name="Edition">Its edition.</param>
/// <param name="TitleFr">Its title in French.</param>
/// <param name="TitleAr">In Arabic.</param>
/// <param name="TitleEn">In English, when given.</param>
/// <param name="PublishedAt">When the results were published.</param>
/// <param name="Lines">Selected projects (AMI), prizes then mentions (competition).</param>
public sealed record CallResultsView(Guid CallId, CallKind Kind, int Edition, string TitleFr, string TitleAr, string? TitleEn, DateTime PublishedAt, IReadOnlyList<ResultLine> Lines);

/// <summary>Where a call's results stand for the secretariat.</summary>
/// <param name="PublishedAt">When they were published; null before.</param>
/// <param name="Undecided">Applications still under evaluation or in deliberation.</param>
public sealed record ResultsStatus(DateTime? PublishedAt, int Undecided);

/// <summary>
/// A call's results (issue 12 §13): published by the secretariat once nothing is left to decide; before that nobody
/// sees them, and publishing is what tells each applicant its decision (<see cref="ResultsPublication"/>, ADR 0050). Public for a call open to outside initiatives, members only otherwise. A blind call is blind for its
/// jury's evaluation only: published results name the applicant institutions (ADR 0042).
/// </summary>
public sealed class CallResultsService(IDbContextFactory<NoressDbContext> dbFactory, CallsAccess access, ApplicantNotices notices, IEventBus bus, Refusals<OutputsText> refuse)
{
    private static readonly ApplicationState[] Undecided = [ApplicationState.Submitted, ApplicationState.Screening, ApplicationState.InformationRequested,
        ApplicationState.UnderEvaluation, ApplicationState.Deliberation];

    /// <summary>
    /// The results, or null when they are not published, the call is not visible, or the caller may not read them:
    /// <paramref name="publicPage"/> answers only for calls open to outside initiatives (anyone), the members' page
    /// only for members (and the secretariat).
    /// </summary>
    public async Task<CallResultsView?> LoadAsync(ClaimsPrincipal user, Guid callId, bool publicPage, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || !CallSchedule.IsVisible(call, access.UtcNow))
        {
            return null;
        }

        if (publicPage ? !call.OpenToOutsideInitiatives : !await access.IsMemberAsync(user))
        {
            return null;
        }

        if (await ResultsPublication.PublishedAtAsync(db, callId, ct) is not { } at)
        {
            return null;
        }

        return new CallResultsView(call.Id, call.Kind, call.Edition, call.TitleFr, call.TitleAr, call.TitleEn, at, await LinesAsync(db, call, ct));
    }

    /// <summary>Whether the results are published and what is left to decide; null unless the caller is the secretariat.</summary>
    public async Task<ResultsStatus?> StatusAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await ResultsPublication.PublishedAtAsync(db, callId, ct);
        var undecided = await db.Set<CallApplication>().AsNoTracking().CountAsync(a => a.CallId == callId && Undecided.Contains(a.State), ct);
        return new ResultsStatus(published, undecided);
    }

    /// <summary>Publishes the results: the secretariat only, once the call is published and nothing is left to decide; once.</summary>
    public async Task<Outcome<DateTime>> PublishAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        if (!await access.IsStaffAsync(user) || CallsAccess.UserId(user) is not { } userId)
        {
            return refuse["Error.NotAllowed"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await CallClaim.TakeAsync(db, callId, ct))
        {
            return refuse["Error.CallNotFound"];
        }

        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == callId, ct);
        if (call.PublishedAt is null)
        {
            return refuse["Error.CallNotPublished"];
        }

        var outputs = await db.Set<CallOutputs>().SingleOrDefaultAsync(o => o.CallId == callId, ct);
        if (outputs?.ResultsPublishedAt is { } already)
        {
            return Outcome<DateTime>.Done(already);
        }

        if (await db.Set<CallApplication>().AnyAsync(a => a.CallId == callId && Undecided.Contains(a.State), ct))
        {
            return refuse["Error.ResultsUndecided"];
        }

        if (outputs is null)
        {
            outputs = new CallOutputs { CallId = callId };
            db.Add(outputs);
        }

        var now = access.UtcNow;
        outputs.ResultsPublishedAt = now;
        outputs.ResultsPublishedById = userId;

        // Each decision reaches its applicant now, with the results, in the same transaction: the claim and the published
        // marker make it once (the workflow held these back, ADR 0050).
        var recipients = new List<Guid>();
        var decided = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Number).ToListAsync(ct);
        foreach (var application in decided.Where(a => ResultsPublication.IsOutcome(a.State)))
        {
            var reason = await db.Set<ApplicationTransition>().AsNoTracking().Where(t => t.ApplicationId == application.Id && t.To == application.State)
                .OrderByDescending(t => t.At).Select(t => t.Reason).FirstOrDefaultAsync(ct);
            recipients.AddRange(await notices.AddAsync(db, call, application, application.State, reason, ct));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(OutputEvents.Outputs), CancellationToken.None);
        // The applicants' pages reload what they show: their decisions are readable now.
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(CallEvents.Application), CancellationToken.None);
        await bus.PublishAsync(Topics.Call(callId), new BusEvent(CallEvents.Call), CancellationToken.None);
        await notices.SignalAsync(recipients);
        return Outcome<DateTime>.Done(now);
    }

    private static async Task<IReadOnlyList<ResultLine>> LinesAsync(NoressDbContext db, Call call, CancellationToken ct)
    {
        var decided = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == call.Id).OrderBy(a => a.Number).ToListAsync(ct))
            .Select(a => (Application: a, Outcome: LetterTemplates.OutcomeOf(a.State)))
            .Where(x => x.Outcome is LetterOutcome.Selected or LetterOutcome.Prize or LetterOutcome.HonourableMention).ToList();
        var institutionIds = decided.Select(x => x.Application.InstitutionId).OfType<Guid>().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => new { i.NameFr, i.NameAr }, ct);
        var prizes = await db.Set<CallPrize>().AsNoTracking().Where(p => p.CallId == call.Id).ToDictionaryAsync(p => p.Rank, p => p.Amount, ct);
        var arabic = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";
        return [.. decided
            .Select(x => new ResultLine(x.Application.Title,
                x.Application.InstitutionId is { } i && names.TryGetValue(i, out var n) ? (arabic && !string.IsNullOrWhiteSpace(n.NameAr) ? n.NameAr : n.NameFr) : null,
                x.Outcome!.Value, x.Outcome == LetterOutcome.Prize ? x.Application.PrizeRank : null,
                x.Outcome == LetterOutcome.Selected ? x.Application.RequestedAmount
                : x.Outcome == LetterOutcome.Prize && x.Application.PrizeRank is { } rank && prizes.TryGetValue(rank, out var amount) ? amount : null))
            .OrderBy(l => l.Outcome).ThenBy(l => l.PrizeRank ?? int.MaxValue)];
    }
}
