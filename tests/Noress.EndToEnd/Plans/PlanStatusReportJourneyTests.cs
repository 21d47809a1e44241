using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Plans.Reminders;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Plans;

/// <summary>
/// Issue 11 §6: the secretariat opens the plans' status report, puts an overdue action on the next plenary's agenda
/// in one click, and finds it on that agenda.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class PlanStatusReportJourneyTests(NoressServer server)
{
    [Fact]
    public async Task Secretariat_PutsAnOverdueActionOnTheNextPlenary_AndSeesItOnTheAgenda()
    {
        var (actionId, title) = await ArrangeAsync();
        await using var session = await server.OpenSessionAsync();
        await session.SignInAsync(AppPages.SecretariatEmail, returnPath: "/action-plans/status-report");

        var line = session.Page.Locator($"[data-testid=report-overdue] tr[data-action='{actionId}']");
        await Expect(line).ToContainTextAsync(title);
        await line.GetByTestId("report-put").ClickAsync();
        await Expect(line.GetByTestId("report-on-agenda")).ToBeVisibleAsync();

        await session.Page.GetByTestId("report-open-agenda").ClickAsync();
        await Expect(session.Page.GetByText($"{PlanStatusReportService.AgendaPrefix}{title}")).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    /// <summary>An overdue action of its own in the strategic plan, and a plenary being prepared (the demo's, or a new one).</summary>
    private async Task<(Guid ActionId, string Title)> ArrangeAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        var today = NoressClock.Today(TimeProvider.System);
        await using (var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            if ((await AgendaRecords.PreparedPlenariesAsync(db, DateTime.UtcNow, default)).Count == 0)
            {
                var start = NoressClock.ToUtc(today.AddDays(10).ToDateTime(new TimeOnly(10, 0)));
                Ok(await services.GetRequiredService<SessionService>().CreateAsync(caller,
                    new SessionInput(SessionBody.Plenary, null, "Plénière du rapport d’avancement", "Tanger", start, start.AddHours(3)), default));
            }
        }

        var plans = services.GetRequiredService<PlanService>();
        var planId = await plans.FindAsync(PlanKind.Strategic, null, default)
            ?? Ok(await plans.CreatePlanAsync(caller, PlanKind.Strategic, null, "Plan stratégique", "الخطة الاستراتيجية", null, default));
        var (axis, objective, action) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var title = $"Publier l’annuaire {action:N}"[..32];
        var added = await plans.AddItemsAsync(caller, planId,
        [
            new NewPlanItem(axis, null, PlanItemKind.Axis, "Axe du rapport d’avancement", "محور تقرير التقدم"),
            new NewPlanItem(objective, axis, PlanItemKind.Objective, "Rendre compte à la plénière", "تقديم الحساب للجلسة العامة"),
            new NewPlanItem(action, objective, PlanItemKind.Action, title, "نشر الدليل") { DueOn = today.AddDays(-5), Status = PlanItemStatus.InProgress, Progress = 30 },
        ], default);
        Assert.True(added.Succeeded, added.Error);
        return (action, title);
    }

    private static Guid Ok(Noress.App.Shared.Operations.Outcome<Guid> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }
}
