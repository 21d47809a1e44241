using Bunit;
using Noress.App.Plans;
using Noress.App.Plans.Grid;

namespace Noress.Tests.Plans;

/// <summary>The grid's details panel on the real service: add below, move among siblings, indent/outdent, remove.</summary>
public sealed class PlanItemPanelTests : PlanGridFixture
{
    // A structural change reads the plan whole: on a loaded machine that takes longer than bUnit's default wait.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Indent_PutsTheActionUnderTheActionBefore_AndOutdentBringsItBack()
    {
        var cut = await OpenDetailsAsync(SecondActionId);

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-indent]").Click());
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find($"tr[data-row-id='{SecondActionId}']").GetAttribute("aria-level")), Patience);
        Assert.Equal(ActionId, (await RowAsync(SecondActionId)).ParentId);

        // Now a sub-action: it cannot be indented further (no sibling before it), but can be outdented.
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=plan-indent]").HasAttribute("disabled")), Patience);
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-outdent]").Click());

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find($"tr[data-row-id='{SecondActionId}']").GetAttribute("aria-level")), Patience);
        var row = await RowAsync(SecondActionId);
        Assert.Equal(ObjectiveId, row.ParentId);
        Assert.Equal(1, row.Position);
    }

    [Fact]
    public async Task Objective_CanNeitherIndentUnderAnObjectiveNorOutdentToTheRoot()
    {
        var cut = await OpenDetailsAsync(ObjectiveId);

        Assert.True(cut.Find("[data-testid=plan-indent]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=plan-outdent]").HasAttribute("disabled"));
        // An action directly under an objective cannot go up to the axis either.
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-panel-close]").Click());
        await ClickDetailsAsync(cut, ActionId);
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=plan-outdent]").HasAttribute("disabled")), Patience);
        Assert.True(cut.Find("[data-testid=plan-indent]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task MoveDown_SwapsTheTwoActions_AndTheLastCannotMoveDown()
    {
        var cut = await OpenDetailsAsync(ActionId);
        Assert.True(cut.Find("[data-testid=plan-move-up]").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-move-down]").Click());

        cut.WaitForAssertion(() => Assert.Equal(
            [AxisId.ToString(), ObjectiveId.ToString(), SecondActionId.ToString(), ActionId.ToString()],
            cut.FindAll("[data-testid=plan-row]").Select(r => r.GetAttribute("data-row-id")!)), Patience);
        Assert.Equal(1, (await RowAsync(ActionId)).Position);
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=plan-move-down]").HasAttribute("disabled")), Patience);
    }

    [Fact]
    public async Task Remove_ALeaf_RemovesItAndClosesThePanel_AParentCannotBeRemoved()
    {
        var cut = await OpenDetailsAsync(ObjectiveId);
        Assert.True(cut.Find("[data-testid=plan-remove]").HasAttribute("disabled"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-panel-close]").Click());

        await ClickDetailsAsync(cut, SecondActionId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-remove]"), Patience);
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-remove]").Click());

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=plan-row]").Count), Patience);
        Assert.Empty(cut.FindAll("[data-testid=plan-panel]"));
        Assert.Null((await Plans.LoadAsync(Caller, PlanId, default))!.Row(SecondActionId));
    }

    [Fact]
    public async Task AddChild_OpensTheFormUnderTheRow_AndSavesAnAction()
    {
        var cut = await OpenDetailsAsync(ObjectiveId);

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-add-child]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Un lieu ouvert", cut.Find("[data-testid=plan-add-form]").TextContent, StringComparison.Ordinal), Patience);
        await cut.InvokeAsync(() => cut.Find("input[data-testid=plan-add-fr]").Change("Ouvrir les portes"));
        await cut.InvokeAsync(() => cut.Find("input[data-testid=plan-add-ar]").Change("فتح الأبواب"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-add-save]").Click());

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=plan-row]").Count), Patience);
        var added = (await Plans.LoadAsync(Caller, PlanId, default))!.Rows.Single(r => r.TitleFr == "Ouvrir les portes");
        Assert.Equal(ObjectiveId, added.ParentId);
        Assert.Equal(PlanItemKind.Action, added.Kind);
    }

    [Fact]
    public async Task Reader_SeesNoStructuralButtons()
    {
        await ArrangePlanAsync(Noress.App.Accounts.Roles.Member);
        var cut = RenderGrid();
        await ClickDetailsAsync(cut, ActionId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-panel]"), Patience);
        Assert.Empty(cut.FindAll("[data-testid=plan-move-up]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-indent]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-remove]"));
    }

    private async Task<IRenderedComponent<PlanGridPage>> OpenDetailsAsync(Guid rowId)
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        await ClickDetailsAsync(cut, rowId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-panel]"), Patience);
        return cut;
    }

    private IRenderedComponent<PlanGridPage> RenderGrid()
    {
        var cut = RenderPage<PlanGridPage>(p => p.Add(c => c.PlanId, PlanId));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=plan-row]").Count), TimeSpan.FromSeconds(60));
        return cut;
    }

    private static Task ClickDetailsAsync(IRenderedComponent<PlanGridPage> cut, Guid rowId)
    {
        var row = int.Parse(cut.Find($"tr[data-row-id='{rowId}']").GetAttribute("aria-rowindex")!, System.Globalization.CultureInfo.InvariantCulture) - 2;
        return cut.InvokeAsync(() => cut.Find($"tr[data-row-id='{rowId}'] [data-testid=plan-details]")
            .TriggerEventAsync("onplancellclick", new PlanCellEventArgs { Row = row, Column = 0, Action = "details" }));
    }
}
