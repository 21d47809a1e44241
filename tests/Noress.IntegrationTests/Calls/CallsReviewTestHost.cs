using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// An AMI whose deadline has passed, with three submitted applications (from institutions A, B and C; A's names D as
/// a partner), a grid of two criteria, and a jury of three: the representative of D (conflicted with A's application
/// through the partnership, and the chair), of E and of F. Rows are written directly: the calls-core services that
/// create them live on another branch.
/// </summary>
public sealed class CallsReviewTestHost : IAsyncDisposable
{
    private CallsReviewTestHost(SessionsTestHost host) => Host = host;

    public SessionsTestHost Host { get; }

    public ClaimsPrincipal Secretariat => Host.Secretariat;

    public Guid CallId { get; } = Guid.NewGuid();

    /// <summary>The applications of A (partner D), B and C.</summary>
    public Guid AppA { get; } = Guid.NewGuid();

    public Guid AppB { get; } = Guid.NewGuid();

    public Guid AppC { get; } = Guid.NewGuid();

    public Guid CriterionQuality { get; } = Guid.NewGuid();

    public Guid CriterionImpact { get; } = Guid.NewGuid();

    /// <summary>A file of A's application (a PDF whose name holds the applicant's name).</summary>
    public Guid FileOfA { get; } = Guid.NewGuid();

    public Guid FileOfB { get; } = Guid.NewGuid();

    /// <summary>D's representative: the chair, conflicted with A's application (D is its partner).</summary>
    public ClaimsPrincipal Conflicted { get; private set; } = new();

    public Guid ConflictedId { get; private set; }

    public ClaimsPrincipal JurorE { get; private set; } = new();

    public Guid JurorEId { get; private set; }

    public ClaimsPrincipal JurorF { get; private set; } = new();

    public Guid JurorFId { get; private set; }

    /// <summary>The representative of A (the applicant's side of AppA).</summary>
    public ClaimsPrincipal ApplicantA { get; private set; } = new();

    /// <summary>The representative of B (the applicant's side of AppB).</summary>
    public ClaimsPrincipal ApplicantB { get; private set; } = new();

    /// <summary>The representative of C (the applicant's side of AppC).</summary>
    public ClaimsPrincipal ApplicantC { get; private set; } = new();

    /// <summary>Institution A (the applicant of AppA).</summary>
    public Guid InstitutionA { get; private set; }

    public static async Task<CallsReviewTestHost> StartAsync(DatabaseProvider provider, CallKind kind = CallKind.Ami, bool blind = false)
    {
        var host = new CallsReviewTestHost(await SessionsTestHost.StartAsync(provider));
        await host.PrepareAsync(kind, blind);
        return host;
    }

    public Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull => Host.WithAsync(action);

    public Task<NoressDbContext> DbAsync() => Host.DbAsync();

    public static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }

    public async Task<CallApplication> ApplicationAsync(Guid id)
    {
        await using var db = await DbAsync();
        return await db.Set<CallApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>Puts applications straight into a state (the steps before are tested elsewhere).</summary>
    public async Task SetStateAsync(ApplicationState state, params Guid[] ids)
    {
        await using var db = await DbAsync();
        foreach (var application in await db.Set<CallApplication>().Where(a => ids.Contains(a.Id)).ToListAsync())
        {
            application.State = state;
        }

        await db.SaveChangesAsync();
    }

    private async Task PrepareAsync(CallKind kind, bool blind)
    {
        var institutions = Host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).ToList();
        var (a, b, c, d, e, f) = (institutions[0], institutions[1], institutions[2], institutions[3], institutions[4], institutions[5]);
        (Conflicted, JurorE, JurorF, ApplicantA) = (Host.Representatives[d], Host.Representatives[e], Host.Representatives[f], Host.Representatives[a]);
        (ConflictedId, JurorEId, JurorFId) = (Id(Conflicted), Id(JurorE), Id(JurorF));
        (ApplicantB, ApplicantC, InstitutionA) = (Host.Representatives[b], Host.Representatives[c], a);
        var now = DateTime.UtcNow;
        await using var db = await DbAsync();
        var edition = await db.Set<Call>().Where(x => x.Kind == kind).Select(x => (int?)x.Edition).MaxAsync() ?? 0;
        db.Add(new Call
        {
            Id = CallId,
            Kind = kind,
            Edition = edition + 1,
            TitleFr = "AMI de test",
            TitleAr = "دعوة تجريبية",
            PublicationAt = now.AddDays(-40),
            OpensAt = now.AddDays(-30),
            DeadlineAt = now.AddDays(-1),
            EvaluationEndsAt = now.AddDays(20),
            ResultsAt = now.AddDays(30),
            EnvelopeTotal = kind == CallKind.Ami ? 100_000m : null,
            ProjectCount = kind == CallKind.Ami ? 3 : null,
            IsBlind = blind,
            PublishedAt = now.AddDays(-40),
            CreatedAt = now.AddDays(-41),
        });
        if (kind == CallKind.Competition)
        {
            db.Add(new CallPrize { CallId = CallId, Rank = 1, Amount = 30_000m });
            db.Add(new CallPrize { CallId = CallId, Rank = 2, Amount = 20_000m });
        }

        var filesField = Guid.NewGuid();
        var partnersField = Guid.NewGuid();
        db.Add(new CallFormField { Id = partnersField, CallId = CallId, Position = 0, Kind = FormFieldKind.Partners, LabelFr = "Partenaires", LabelAr = "الشركاء" });
        db.Add(new CallFormField { Id = filesField, CallId = CallId, Position = 1, Kind = FormFieldKind.Files, LabelFr = "Budget", LabelAr = "الميزانية" });
        db.Add(new EvaluationCriterion { Id = CriterionQuality, CallId = CallId, Position = 0, LabelFr = "Qualité", LabelAr = "الجودة", Weight = 2m, ScaleMin = 0, ScaleMax = 10 });
        db.Add(new EvaluationCriterion { Id = CriterionImpact, CallId = CallId, Position = 1, LabelFr = "Impact", LabelAr = "الأثر", Weight = 1m, ScaleMin = 0, ScaleMax = 5 });
        var number = 0;
        foreach (var (id, institution, amount, title) in new[] { (AppA, a, 60_000m, "Projet A"), (AppB, b, 60_000m, "Projet B"), (AppC, c, 40_000m, "Projet C") })
        {
            db.Add(new CallApplication
            {
                Id = id,
                CallId = CallId,
                Number = ++number,
                InstitutionId = institution,
                Title = title,
                State = ApplicationState.Submitted,
                RequestedAmount = amount,
                OwnContribution = amount / 2,
                SubmittedAt = now.AddDays(-2).AddMinutes(number),
                CreatedAt = now.AddDays(-10),
                UpdatedAt = now.AddDays(-2),
            });
        }

        db.Add(new ApplicationPartner { ApplicationId = AppA, FieldId = partnersField, Position = 0, InstitutionId = d });
        var storage = Host.Factory.Services.GetRequiredService<UploadStorage>();
        foreach (var (id, app, name) in new[] { (FileOfA, AppA, "budget-cooperative-a.pdf"), (FileOfB, AppB, "budget-cooperative-b.pdf") })
        {
            var stored = $"{Guid.NewGuid():N}.pdf";
            var folder = Path.Combine(storage.RootPath, "call-files");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, stored), ReviewPdfs.WithAuthor("Coopérative A"));
            db.Add(new ApplicationFile
            {
                Id = id,
                ApplicationId = app,
                FieldId = filesField,
                FileName = name,
                StoredName = stored,
                ContentType = "application/pdf",
                Size = 100,
                Sha256 = new string('0', 64),
                UploadedAt = now.AddDays(-3),
            });
        }

        db.Add(new CallJuror { CallId = CallId, UserId = ConflictedId, IsChair = true, AddedAt = now });
        db.Add(new CallJuror { CallId = CallId, UserId = JurorEId, AddedAt = now });
        db.Add(new CallJuror { CallId = CallId, UserId = JurorFId, AddedAt = now });
        await db.SaveChangesAsync();
    }

    private static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
