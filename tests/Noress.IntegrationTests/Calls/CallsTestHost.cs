using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// The sessions' host (every institution in good standing with a representative) on a fake clock, with a published AMI
/// (cap 60,000 MAD, 20 % own contribution, one application per institution) whose form has a required summary, a
/// long text and a required budget table; institution A's representative, a non-representative colleague, and
/// institution B's representative.
/// </summary>
public sealed class CallsTestHost : IAsyncDisposable
{
    private CallsTestHost(SessionsTestHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public SessionsTestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public Guid CallId { get; private set; }

    public DateTime Deadline { get; private set; }

    public Guid SummaryField { get; private set; }

    public Guid BudgetField { get; private set; }

    public Guid InstitutionA { get; private set; }

    public Guid InstitutionB { get; private set; }

    public ClaimsPrincipal RepresentativeA { get; private set; } = new();

    public ClaimsPrincipal ColleagueA { get; private set; } = new();

    public ClaimsPrincipal RepresentativeB { get; private set; } = new();

    public ClaimsPrincipal Secretariat => Host.Secretariat;

    /// <param name="provider">The database.</param>
    /// <param name="configure">More settings of the node (e.g. the scanner's address), applied before it starts.</param>
    public static async Task<CallsTestHost> StartAsync(DatabaseProvider provider, Action<NoressAppFactory>? configure = null)
    {
        // Whole milliseconds, so the boundary tests land exactly on the deadline.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var clock = new FakeTimeProvider(now);
        var host = new CallsTestHost(await SessionsTestHost.StartAsync(provider, configure: f =>
        {
            f.WithServices(s => s.AddSingleton<TimeProvider>(clock));
            configure?.Invoke(f);
        }), clock);
        await host.PrepareAsync();
        return host;
    }

    public Task<TResult> CallsAsync<TResult>(Func<CallService, Task<TResult>> action) => Host.WithAsync(action);

    public Task<TResult> ApplicationsAsync<TResult>(Func<ApplicationService, Task<TResult>> action) => Host.WithAsync(action);

    public Task<NoressDbContext> DbAsync() => Host.DbAsync();

    public async Task<CallApplication> ApplicationAsync(Guid id)
    {
        await using var db = await DbAsync();
        return await db.Set<CallApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }

    /// <summary>A draft of institution A that satisfies every rule (60,000 requested, 15,000 own: 20 %).</summary>
    public async Task<Guid> CompleteDraftAsync(ClaimsPrincipal? by = null)
    {
        var id = Ok(await ApplicationsAsync(s => s.StartAsync(by ?? ColleagueA, CallId, "Unité de transformation du lait de chèvre", default)));
        var application = await ApplicationAsync(id);
        Ok(await ApplicationsAsync(s => s.SaveAsync(by ?? ColleagueA, id, Draft(60_000m, 15_000m), application.Version, default)));
        return id;
    }

    public ApplicationDraft Draft(decimal requested, decimal own) => new()
    {
        Title = "Unité de transformation du lait de chèvre",
        Answers = { [SummaryField] = new AnswerInput { Text = "Une unité coopérative de transformation." } },
        BudgetLines =
        [
            new BudgetLineInput { FieldId = BudgetField, Label = "Équipement", Requested = requested - 10_000m, OwnContribution = own - 5_000m },
            new BudgetLineInput { FieldId = BudgetField, Label = "Formation", Requested = 10_000m, OwnContribution = 5_000m },
        ],
    };

    private async Task PrepareAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        Deadline = now.AddDays(10);
        CallId = Ok(await CallsAsync(s => s.CreateAsync(Secretariat, new CallInput
        {
            Kind = CallKind.Ami,
            Edition = 2,
            TitleFr = "AMI co-financement, 2e édition",
            TitleAr = "طلب إبداء الاهتمام للتمويل المشترك، الدورة الثانية",
            PublicationAt = now.AddDays(-2),
            OpensAt = now.AddDays(-1),
            DeadlineAt = Deadline,
            EvaluationEndsAt = Deadline.AddDays(20),
            ResultsAt = Deadline.AddDays(30),
            EnvelopeTotal = 120_000m,
            ProjectCount = 2,
        }, default)));
        Ok(await CallsAsync(s => s.SaveEligibilityAsync(Secretariat, CallId, new EligibilityInput
        {
            RequireMemberInGoodStanding = true,
            MaxApplicationsPerApplicant = 1,
            MaxRequestedAmount = 60_000m,
            MinOwnContributionPercent = 20m,
        }, default)));
        Ok(await CallsAsync(s => s.SaveFormAsync(Secretariat, CallId, [
            new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Résumé", LabelAr = "ملخص", Required = true, MaxLength = 500 },
            new FormFieldInput { Kind = FormFieldKind.LongText, LabelFr = "Description du projet", LabelAr = "وصف المشروع" },
            new FormFieldInput { Kind = FormFieldKind.BudgetTable, LabelFr = "Budget", LabelAr = "الميزانية", Required = true, MaxItems = 10 },
        ], default)));
        Ok(await CallsAsync(s => s.SaveGridAsync(Secretariat, CallId, [new CriterionInput { LabelFr = "Impact", LabelAr = "الأثر", Weight = 2m, ScaleMin = 0, ScaleMax = 10 }], default)));
        Ok(await CallsAsync(s => s.PublishAsync(Secretariat, CallId, default)));
        await using (var db = await DbAsync())
        {
            var fields = await db.Set<CallFormField>().Where(f => f.CallId == CallId).ToListAsync();
            SummaryField = fields.Single(f => f.Kind == FormFieldKind.Text).Id;
            BudgetField = fields.Single(f => f.Kind == FormFieldKind.BudgetTable).Id;
        }

        var ordered = Host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).ToList();
        (InstitutionA, InstitutionB) = (ordered[0], ordered[1]);
        RepresentativeA = Host.Representatives[InstitutionA];
        RepresentativeB = Host.Representatives[InstitutionB];
        ColleagueA = await ColleagueAsync(InstitutionA);
    }

    /// <summary>A member of the institution who is not its representative.</summary>
    private async Task<ClaimsPrincipal> ColleagueAsync(Guid institutionId)
    {
        var email = $"colleague.{institutionId:N}@calls.test";
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Collègue sans mandat", InstitutionId = institutionId, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
        }

        return await Host.PrincipalAsync(email);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
