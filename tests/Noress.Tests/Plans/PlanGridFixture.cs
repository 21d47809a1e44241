using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Plans;
using Noress.App.Plans.Grid;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Uploads;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans;

/// <summary>
/// A plan on the real service over an in-memory database: an axis, an objective under it and two actions under that,
/// everything expanded; the test person is the secretariat (editor) unless a test signs in otherwise.
/// </summary>
public abstract class PlanGridFixture : NoressTestContext
{
    protected TestDatabase Database { get; private set; } = default!;

    protected Guid PlanId { get; private set; }

    protected Guid AxisId { get; } = Guid.NewGuid();

    protected Guid ObjectiveId { get; } = Guid.NewGuid();

    protected Guid ActionId { get; } = Guid.NewGuid();

    protected Guid SecondActionId { get; } = Guid.NewGuid();

    protected ClaimsPrincipal Caller { get; private set; } = default!;

    protected PlanService Plans => Services.GetRequiredService<PlanService>();

    protected async Task ArrangePlanAsync(string role = Roles.Secretariat)
    {
        Database = await UseDatabaseAsync();
        Services.AddScoped<PlansAccess>();
        Services.AddSingleton<PlanLive>();
        Services.AddSingleton<PlanViewCache>();
        Services.AddScoped<PlanService>();
        Services.AddSingleton<PlanPresence>();
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.GetTempPath() }), Path.GetTempPath()));
        Services.AddSingleton<Noress.App.Shared.Uploads.UploadScanner>();
        // The details panel shows the description's comments (the documents feature).
        Services.AddNoressDocuments(new ConfigurationBuilder().Build());
        Services.TryAddSingleton<IEventBus, InProcessEventBus>();
        await Database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Secretariat);
        Caller = await Services.GetRequiredService<CurrentUser>().GetPrincipalAsync();
        PlanId = Done(await Plans.CreatePlanAsync(Caller, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", null, default));
        Done(await Plans.AddItemsAsync(Caller, PlanId,
        [
            new NewPlanItem(AxisId, null, PlanItemKind.Axis, "La maison de l’ESS", "دار الاقتصاد الاجتماعي"),
            new NewPlanItem(ObjectiveId, AxisId, PlanItemKind.Objective, "Un lieu ouvert", "فضاء مفتوح"),
            new NewPlanItem(ActionId, ObjectiveId, PlanItemKind.Action, "Louer un local", "كراء مقر") { Progress = 20 },
            new NewPlanItem(SecondActionId, ObjectiveId, PlanItemKind.Action, "Équiper le local", "تجهيز المقر") { Progress = 60 },
        ], default));
        if (role != Roles.Secretariat)
        {
            await SignInAsAsync(role);
            Caller = await Services.GetRequiredService<CurrentUser>().GetPrincipalAsync();
        }
    }

    protected async Task<PlanRow> RowAsync(Guid id) => (await Plans.LoadAsync(Caller, PlanId, default))!.Row(id)!;

    protected static T Done<T>(Noress.App.Shared.Operations.Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }
}
