using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Plans;
using Noress.App.Plans.Grid;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans;

/// <summary>The conflict prompt alone: both values with who and when, and each choice reported for its field.</summary>
public sealed class PlanConflictPromptTests : NoressTestContext
{
    [Fact]
    public void Prompt_ShowsBothValuesPerField_AndReportsEachChoice()
    {
        var conflicts = new[]
        {
            new PlanFieldConflict(PlanField.DueOn, "2026-06-30", "2026-07-15", "2026-09-30", "Youssef Alami", new DateTime(2026, 3, 5, 9, 30, 0, DateTimeKind.Utc)),
            new PlanFieldConflict(PlanField.TitleFr, "Louer", "Louer un local", "Louer un grand local", null, null),
        };
        var view = new PlanView(new PlanSummary(Guid.NewGuid(), PlanKind.Strategic, null, "P", "P", null, Guid.NewGuid(), true), [], new RollupResult(null, 0, 0, 0),
            new DateOnly(2026, 3, 5), new Dictionary<Guid, PlanInstitution>(), new Dictionary<Guid, string>(), new Dictionary<Guid, PlanCommittee>(), [], []);
        var cells = new PlanCellText(view, null, Services.GetRequiredService<IStringLocalizer<PlansText>>());
        PlanFieldConflict? kept = null;
        PlanFieldConflict? taken = null;

        var cut = RenderPage<PlanConflictPrompt>(p => p
            .Add(c => c.Conflicts, conflicts)
            .Add(c => c.Cells, cells)
            .Add(c => c.OnKeepMine, c => kept = c)
            .Add(c => c.OnTakeTheirs, c => taken = c));

        var fields = cut.FindAll("[data-testid=plan-conflict-field]");
        Assert.Equal(2, fields.Count);
        Assert.Equal("15/07/2026", fields[0].QuerySelector("[data-testid=plan-conflict-mine]")!.TextContent.Trim());
        var theirs = fields[0].QuerySelector("[data-testid=plan-conflict-theirs]")!.TextContent;
        Assert.Contains("30/09/2026", theirs, StringComparison.Ordinal);
        Assert.Contains("Youssef Alami", theirs, StringComparison.Ordinal);
        Assert.Contains(NoressFormat.DateTime(new DateTime(2026, 3, 5, 9, 30, 0, DateTimeKind.Utc)), theirs, StringComparison.Ordinal);
        Assert.Equal("alertdialog", cut.Find("[data-testid=plan-conflict]").GetAttribute("role"));

        cut.FindAll("[data-testid=plan-conflict-keep-mine]")[0].Click();
        cut.FindAll("[data-testid=plan-conflict-take-theirs]")[1].Click();

        Assert.Equal(PlanField.DueOn, kept?.Field);
        Assert.Equal(PlanField.TitleFr, taken?.Field);
    }
}
