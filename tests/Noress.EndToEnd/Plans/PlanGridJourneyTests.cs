using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Plans;

/// <summary>
/// Issue 11 §4: two members of a committee edit its thematic plan from two browsers; each sees the other's change and
/// which row the other is editing without a reload, and a same-field edit brings up the conflict prompt.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class PlanGridJourneyTests(NoressServer server)
{
    [Fact]
    public async Task TwoCommitteeMembers_EditOnePlan_SeeEachOthersChangesAndPresenceLive_AndChooseOnAConflict()
    {
        var (planId, first, second, (amina, youssef)) = await ArrangeAsync();
        await using var a = await server.OpenSessionAsync();
        await a.SignInAsync(amina.Email, returnPath: $"/action-plans/{planId}");
        await using var b = await server.OpenSessionAsync();
        await b.SignInAsync(youssef.Email, returnPath: $"/action-plans/{planId}");
        await Expect(a.Page.Locator($"tr[data-row-id='{first}']")).ToBeVisibleAsync();
        await Expect(b.Page.Locator($"tr[data-row-id='{first}']")).ToBeVisibleAsync();
        // Marks these page loads: a reload would drop them.
        await a.Page.EvaluateAsync("() => window.noressPlanMark = 'same page'");
        await b.Page.EvaluateAsync("() => window.noressPlanMark = 'same page'");

        // A changes the first action's progress with the keyboard; B sees it.
        await EditAsync(a.Page, first, PlanField.Progress, "45");
        await Expect(Cell(b.Page, first, PlanField.Progress)).ToContainTextAsync("45");

        // B opens the second action's title; A sees who edits that row.
        await Cell(b.Page, second, PlanField.TitleFr).ClickAsync();
        await b.Page.Keyboard.PressAsync("Enter");
        await Expect(b.Page.GetByTestId("plan-editor")).ToBeFocusedAsync();
        var presence = a.Page.Locator($"tr[data-row-id='{second}'] [data-testid=plan-presence]");
        await Expect(presence).ToHaveAttributeAsync("aria-label", $"{youssef.Name} modifie cette ligne");
        await a.ScreenshotAsync("action-plan-grid-fr.png");
        await b.Page.Keyboard.PressAsync("Escape");
        await Expect(presence).ToHaveCountAsync(0);

        // Both open the second action's progress; A saves first, B's save meets the conflict prompt and keeps B's value.
        await Cell(a.Page, second, PlanField.Progress).ClickAsync();
        await a.Page.Keyboard.PressAsync("Enter");
        await Cell(b.Page, second, PlanField.Progress).ClickAsync();
        await b.Page.Keyboard.PressAsync("Enter");
        await a.Page.GetByTestId("plan-editor").FillAsync("10");
        await a.Page.GetByTestId("plan-editor").PressAsync("Enter");
        await Expect(a.Page.GetByTestId("plan-editor")).ToHaveCountAsync(0);
        await b.Page.GetByTestId("plan-editor").FillAsync("90");
        await b.Page.GetByTestId("plan-editor").PressAsync("Enter");

        var prompt = b.Page.GetByTestId("plan-conflict");
        await Expect(prompt).ToBeVisibleAsync();
        await Expect(prompt.GetByTestId("plan-conflict-mine")).ToContainTextAsync("90");
        await Expect(prompt.GetByTestId("plan-conflict-theirs")).ToContainTextAsync("10");
        // The person, by name (not the e-mail the audit trail keeps).
        await Expect(prompt.GetByTestId("plan-conflict-who")).ToContainTextAsync(amina.Name);
        await prompt.GetByTestId("plan-conflict-keep-mine").ClickAsync();
        await Expect(prompt).ToHaveCountAsync(0);
        await Expect(Cell(a.Page, second, PlanField.Progress)).ToContainTextAsync("90");

        Assert.Equal("same page", await a.Page.EvaluateAsync<string>("() => window.noressPlanMark"));
        Assert.Equal("same page", await b.Page.EvaluateAsync<string>("() => window.noressPlanMark"));
        Assert.Empty(a.Errors);
        Assert.Empty(b.Errors);
    }

    private static ILocator Cell(IPage page, Guid rowId, PlanField field) => page.Locator($"tr[data-row-id='{rowId}'] td[data-field='{field}']");

    private static async Task EditAsync(IPage page, Guid rowId, PlanField field, string value)
    {
        await Cell(page, rowId, field).ClickAsync();
        await page.Keyboard.PressAsync("Enter");
        var editor = page.GetByTestId("plan-editor");
        await Expect(editor).ToBeFocusedAsync();
        await editor.FillAsync(value);
        await editor.PressAsync("Enter");
        await Expect(editor).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Two new members holding a position on the "financement" committee, and its thematic plan (created when the demo
    /// has none) with a new axis, objective and two actions for this journey alone.
    /// </summary>
    private async Task<(Guid PlanId, Guid First, Guid Second, ((string Email, string Name) Amina, (string Email, string Name) Youssef))> ArrangeAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var committee = await db.Committees.SingleAsync(c => c.Code == "financement");
        var institution = await db.Institutions.OrderBy(i => i.Acronym).FirstAsync();
        var today = NoressClock.Today(TimeProvider.System);

        async Task<(string, string)> MemberAsync(string name)
        {
            var email = $"plan.{Guid.NewGuid():N}@plans.e2e";
            var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, NoressServer.DemoPassword);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            db.Add(new CommitteePosition { CommitteeId = committee.Id, UserId = user.Id, Role = CommitteeRole.Member, StartsOn = today.AddDays(-1), CreatedAt = DateTime.UtcNow });
            return (email, name);
        }

        var amina = await MemberAsync("Amina Tazi");
        var youssef = await MemberAsync("Youssef Bennani");
        await db.SaveChangesAsync();

        var plans = services.GetRequiredService<PlanService>();
        var planId = await plans.FindAsync(PlanKind.Thematic, committee.Id, default) ?? Ok(await plans.CreatePlanAsync(caller, PlanKind.Thematic, committee.Id, "Plan de la commission financement", "مخطط لجنة التمويل", null, default));
        var (axis, objective, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var added = await plans.AddItemsAsync(caller, planId,
        [
            new NewPlanItem(axis, null, PlanItemKind.Axis, "Axe du parcours de bout en bout", "محور المسار الكامل"),
            new NewPlanItem(objective, axis, PlanItemKind.Objective, "Financer les coopératives", "تمويل التعاونيات"),
            new NewPlanItem(first, objective, PlanItemKind.Action, "Recenser les fonds", "جرد الصناديق") { Progress = 20 },
            new NewPlanItem(second, objective, PlanItemKind.Action, "Réunir les bailleurs", "جمع الممولين") { Progress = 50 },
        ], default);
        Assert.True(added.Succeeded, added.Error);
        return (planId, first, second, (amina, youssef));
    }

    private static Guid Ok(Noress.App.Shared.Operations.Outcome<Guid> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }
}
