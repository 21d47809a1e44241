using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Plans;

/// <summary>
/// Issue 11 §7: a committee member exports the plan's XLSX, re-imports it unchanged (every row "unchanged", nothing
/// to save), then changes one cell in the file, re-imports it and sees the change in the grid.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class PlanExchangeJourneyTests(NoressServer server)
{
    [Fact]
    public async Task CommitteeMember_ExportsTheXlsx_ReimportsItUnchanged_ThenWithOneCellChanged_AndSeesTheChange()
    {
        var (planId, actionId, email) = await ArrangeAsync();
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync(email, returnPath: $"/action-plans/{planId}");
        await Expect(page.Locator($"tr[data-row-id='{actionId}']")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("plan-export-xlsx").ClickAsync());
        var folder = Directory.CreateTempSubdirectory("noress-plan-e2e-");
        var exported = Path.Combine(folder.FullName, "plan.xlsx");
        await download.SaveAsAsync(exported);
        var sheet = PlanSheetFile.Read(await File.ReadAllBytesAsync(exported));
        Assert.NotNull(sheet);
        var row = Assert.Single(sheet.Nodes, r => r[(int)PlanColumn.Id] == actionId.ToString());
        Assert.Equal("Échanger le plan par tableur", row[(int)PlanColumn.TitleFr]);
        Assert.Equal("30", row[(int)PlanColumn.Progress]);

        await page.GetByTestId("plan-import").ClickAsync();
        await Expect(page.GetByTestId("plan-import-title")).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(exported);
        var rows = page.GetByTestId("plan-import-row");
        await Expect(rows).ToHaveCountAsync(sheet.Nodes.Count);
        await Expect(page.Locator("[data-testid=plan-import-row]:not([data-action=unchanged])")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("plan-import-nothing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("plan-import-save")).ToBeDisabledAsync();

        // One cell changed in the workbook, as a spreadsheet would save it.
        var edited = Path.Combine(folder.FullName, "plan-edited.xlsx");
        await ChangeCellAsync(exported, edited, row.Line, PlanColumn.Progress, 75);
        // MudFileUpload keeps the used input and adds a fresh one: the last is the live picker.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(edited);
        var changed = page.Locator("[data-testid=plan-import-row][data-action=update]");
        await Expect(changed).ToHaveCountAsync(1);
        await Expect(changed).ToHaveAttributeAsync("data-key", row[(int)PlanColumn.Key]);
        await Expect(page.Locator("[data-testid=plan-import-row][data-action=unchanged]")).ToHaveCountAsync(sheet.Nodes.Count - 1);
        await page.GetByTestId("plan-import-save").ClickAsync();
        await Expect(page.GetByTestId("plan-import-saved")).ToBeVisibleAsync();

        await page.GetByTestId("plan-import-back").ClickAsync();
        await Expect(page.Locator($"tr[data-row-id='{actionId}'] td[data-field='{PlanField.Progress}']")).ToContainTextAsync("75");
        folder.Delete(recursive: true);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task CommitteeMember_CreatesTheCommitteesPlanFromAWorkbook_AndOpensItWithItsRows()
    {
        var (email, committeeCode, workbook) = await ArrangeNewPlanAsync();
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync(email, returnPath: "/action-plans");

        await page.GetByTestId("plans-import-new").ClickAsync();
        await Expect(page.GetByTestId("plan-import-title")).ToBeVisibleAsync();
        // Their only committee without a plan is chosen already.
        await Expect(page.GetByTestId("plan-import-committee")).ToContainTextAsync(committeeCode);
        // MudTextField puts the test id on its input; leaving the field commits the value.
        await page.GetByTestId("plan-import-fr").FillAsync("Plan créé depuis un classeur");
        await page.GetByTestId("plan-import-fr").BlurAsync();
        await page.GetByTestId("plan-import-ar").FillAsync("خطة أنشئت من جدول");
        await page.GetByTestId("plan-import-ar").BlurAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(workbook);
        var rows = page.GetByTestId("plan-import-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=plan-import-row][data-action=add][data-errors='0']")).ToHaveCountAsync(3);
        await page.GetByTestId("plan-import-save").ClickAsync();
        await Expect(page.GetByTestId("plan-import-created")).ToBeVisibleAsync();

        await page.GetByTestId("plan-import-open").ClickAsync();
        await Expect(page.Locator("tr[data-row-id]")).ToHaveCountAsync(3);
        await Expect(page.GetByText("Échanger le plan par tableur").First).ToBeVisibleAsync();
        File.Delete(workbook);
        Assert.Empty(session.Errors);
    }

    /// <summary>A member holding a position on a new committee (so it has no plan yet), and a workbook of three rows for it.</summary>
    private async Task<(string Email, string CommitteeCode, string Workbook)> ArrangeNewPlanAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        // Three rows in the export's layout, without ids: what a committee drafts offline.
        var nodes = new List<PlanNodeValues>
        {
            new("1", null, null, PlanItemKind.Axis, "Axe des échanges par tableur", "محور التبادل عبر الجداول"),
            new("1.1", null, "1", PlanItemKind.Objective, "Tenir le plan hors ligne", "متابعة الخطة دون اتصال"),
            new("1.1.1", null, "1.1", PlanItemKind.Action, "Échanger le plan par tableur", "تبادل الخطة عبر جدول") { Progress = 30, BudgetPlanned = 15_000m },
        };
        var export = new PlanExport(new PlanSummary(Guid.Empty, PlanKind.Thematic, null, "Brouillon", "مسودة", null, Guid.Empty, false), nodes, [], new PlanSheetNames([], [], [], []));
        var workbook = Path.Combine(Path.GetTempPath(), $"noress-new-plan-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(workbook, await PlanSheetFile.ToXlsxAsync(export, services.GetRequiredService<IStringLocalizer<PlanExchangeText>>(), default));

        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var code = $"zz-import-{Guid.NewGuid():N}"[..18];
        var committee = new Committee { Code = code, NameFr = "Commission des imports", NameAr = "لجنة الاستيراد", NameEn = "Imports committee", CreatedAt = DateTime.UtcNow };
        db.Add(committee);
        // An institution seated nowhere: the new committee is the person's only one, so the page preselects it.
        var seated = await db.Set<CommitteeSeat>().Select(s => s.InstitutionId).Distinct().ToListAsync();
        var institution = await db.Institutions.OrderBy(i => i.Acronym).FirstOrDefaultAsync(i => !seated.Contains(i.Id));
        var email = $"plan.new.{Guid.NewGuid():N}@plans.e2e";
        var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Nadia Bennani", InstitutionId = institution?.Id, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, NoressServer.DemoPassword);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
        db.Add(new CommitteePosition { CommitteeId = committee.Id, UserId = user.Id, Role = CommitteeRole.Member, StartsOn = NoressClock.Today(TimeProvider.System).AddDays(-1), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (email, code, workbook);
    }

    /// <summary>Rewrites the workbook with one cell of the plan sheet changed; the indicators sheet is copied as is.</summary>
    private static async Task ChangeCellAsync(string source, string target, int line, PlanColumn column, object value)
    {
        var sheets = new Dictionary<string, object>();
        await using (var stream = File.OpenRead(source))
        {
            foreach (var name in stream.GetSheetNames())
            {
                var rows = stream.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
                if (sheets.Count == 0)
                {
                    rows[line - 1][((char)('A' + (int)column)).ToString()] = value;
                }

                sheets[name] = rows;
            }
        }

        await using var output = File.Create(target);
        await output.SaveAsAsync(sheets, printHeader: false);
    }

    /// <summary>A new member holding a position on the "formation" committee, and its thematic plan with an action for this journey.</summary>
    private async Task<(Guid PlanId, Guid ActionId, string Email)> ArrangeAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var committee = await db.Committees.SingleAsync(c => c.Code == "formation");
        var institution = await db.Institutions.OrderBy(i => i.Acronym).FirstAsync();
        var email = $"plan.io.{Guid.NewGuid():N}@plans.e2e";
        var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Salma Idrissi", InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, NoressServer.DemoPassword);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
        db.Add(new CommitteePosition { CommitteeId = committee.Id, UserId = user.Id, Role = CommitteeRole.Member, StartsOn = NoressClock.Today(TimeProvider.System).AddDays(-1), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var plans = services.GetRequiredService<PlanService>();
        var planId = await plans.FindAsync(PlanKind.Thematic, committee.Id, default)
            ?? Ok(await plans.CreatePlanAsync(caller, PlanKind.Thematic, committee.Id, "Plan de la commission formation", "مخطط لجنة التكوين", null, default));
        var (axis, objective, action) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var added = await plans.AddItemsAsync(caller, planId,
        [
            new NewPlanItem(axis, null, PlanItemKind.Axis, "Axe des échanges par tableur", "محور التبادل عبر الجداول"),
            new NewPlanItem(objective, axis, PlanItemKind.Objective, "Tenir le plan hors ligne", "متابعة الخطة دون اتصال"),
            new NewPlanItem(action, objective, PlanItemKind.Action, "Échanger le plan par tableur", "تبادل الخطة عبر جدول") { Progress = 30, BudgetPlanned = 15_000m },
        ], default);
        Assert.True(added.Succeeded, added.Error);
        return (planId, action, email);
    }

    private static Guid Ok(Noress.App.Shared.Operations.Outcome<Guid> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }
}
