using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Plans;

/// <summary>
/// The sessions' test host (institutions in good standing, a representative each) with the "financement"
/// committee's thematic plan: ODCO and another institution seated on it, one axis, objective and action.
/// </summary>
public sealed class PlansTestHost : IAsyncDisposable
{
    private PlansTestHost(SessionsTestHost host) => Host = host;

    public SessionsTestHost Host { get; }

    public ClaimsPrincipal Secretariat => Host.Secretariat;

    public Guid CommitteeId { get; private set; }

    public Guid OtherCommitteeId { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid AxisId { get; } = Guid.NewGuid();

    public Guid ObjectiveId { get; } = Guid.NewGuid();

    public Guid ActionId { get; } = Guid.NewGuid();

    /// <summary>Representatives of two institutions seated on the plan's committee.</summary>
    public ClaimsPrincipal EditorA { get; private set; } = new();

    public ClaimsPrincipal EditorB { get; private set; } = new();

    /// <summary>The representative of an institution seated on another committee only.</summary>
    public ClaimsPrincipal OtherCommitteeMember { get; private set; } = new();

    /// <summary>The representative of an institution on no committee.</summary>
    public ClaimsPrincipal NonMember { get; private set; } = new();

    /// <summary>Another institution seated nowhere, free for partners.</summary>
    public Guid Unseated { get; private set; }

    public static async Task<PlansTestHost> StartAsync(DatabaseProvider provider)
    {
        var host = new PlansTestHost(await SessionsTestHost.StartAsync(provider));
        await host.PrepareAsync();
        return host;
    }

    /// <summary>The same host with the app's services changed first (a fake clock for the reminders' jobs).</summary>
    public static async Task<PlansTestHost> StartAsync(DatabaseProvider provider, Action<NoressAppFactory> configure)
    {
        var host = new PlansTestHost(await SessionsTestHost.StartAsync(provider, configure: configure));
        await host.PrepareAsync();
        return host;
    }

    public Task<TResult> WithAsync<TResult>(Func<PlanService, Task<TResult>> action) => Host.WithAsync(action);

    public Task<NoressDbContext> DbAsync() => Host.DbAsync();

    public async Task<PlanItem> ItemAsync(Guid id)
    {
        await using var db = await DbAsync();
        return await db.Set<PlanItem>().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }

    private async Task PrepareAsync()
    {
        await using (var db = await DbAsync())
        {
            CommitteeId = await db.Committees.Where(c => c.Code == "financement").Select(c => c.Id).SingleAsync();
            OtherCommitteeId = await db.Committees.Where(c => c.Code == "formation").Select(c => c.Id).SingleAsync();
        }

        // Institutions the demo seats on no committee, so each test person's membership is exactly the one given here.
        List<Guid> free;
        await using (var db = await DbAsync())
        {
            var seated = await db.Set<CommitteeSeat>().Select(s => s.InstitutionId).Distinct().ToListAsync();
            free = [.. Host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).Where(i => !seated.Contains(i))];
        }

        var (a, b, other, none) = (free[0], free[1], free[2], free[3]);
        Unseated = free[4];
        var yesterday = NoressClock.Today(TimeProvider.System).AddDays(-1);
        foreach (var (committee, institution) in new[] { (CommitteeId, a), (CommitteeId, b), (OtherCommitteeId, other) })
        {
            SessionsTestHost.Ok(await Host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(Secretariat, committee, institution, yesterday, null, default)));
        }

        (EditorA, EditorB, OtherCommitteeMember, NonMember) = (Host.Representatives[a], Host.Representatives[b], Host.Representatives[other], Host.Representatives[none]);
        PlanId = SessionsTestHost.Ok(await WithAsync(s => s.CreatePlanAsync(Secretariat, PlanKind.Thematic, CommitteeId, "Plan d’action du comité Financement", "خطة عمل لجنة التمويل", null, default)));
        Ok(await WithAsync(s => s.AddItemsAsync(EditorA, PlanId, [
            new NewPlanItem(AxisId, null, PlanItemKind.Axis, "Financement de l’ESS", "تمويل الاقتصاد الاجتماعي"),
            new NewPlanItem(ObjectiveId, AxisId, PlanItemKind.Objective, "Faciliter l’accès au crédit", "تيسير الولوج إلى القروض"),
            new NewPlanItem(ActionId, ObjectiveId, PlanItemKind.Action, "Former les coopératives aux dossiers de crédit", "تكوين التعاونيات في ملفات القروض")
            {
                BudgetPlanned = 100_000m,
                BudgetCommitted = 40_000m,
            },
        ], default)));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
