using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Plans;
using Noress.App.Plans.Grid;

namespace Noress.Tests.Plans;

/// <summary>The plan grid on the real service: the row editor, the keyboard, the conflict prompt and live rows.</summary>
public sealed class PlanGridPageTests : PlanGridFixture
{
    [Fact]
    public async Task RowEditor_EnterTypeEnter_SavesTheField()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=plan-editor]")));
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-editor]").Input("45"));
        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=plan-editor]")));
        Assert.Equal(45, (await RowAsync(ActionId)).Progress);
        cut.WaitForAssertion(() => Assert.Equal("45\u00A0%", Cell(cut, ActionId, PlanField.Progress).TextContent.Trim()));
        // The objective above rolls the two actions up: (45 + 60) / 2.
        cut.WaitForAssertion(() => Assert.Equal("53\u00A0%", Cell(cut, ObjectiveId, PlanField.Progress).TextContent.Trim()));
    }

    [Fact]
    public async Task RowEditor_ValueOutOfRange_ShowsTheRefusalAndKeepsTheEditorOpen()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-editor]").Input("150"));
        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");

        cut.WaitForAssertion(() => Assert.Equal("L’avancement est un pourcentage entre 0 et 100.", cut.Find("[data-testid=plan-edit-error]").TextContent.Trim()));
        Assert.Equal("true", cut.Find("[data-testid=plan-editor]").GetAttribute("aria-invalid"));
        Assert.Equal(20, (await RowAsync(ActionId)).Progress);
    }

    [Fact]
    public async Task RowEditor_Escape_CancelsWithoutSaving()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await KeyAsync(cut, ActionId, PlanField.TitleFr, "Enter");
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-editor]").Input("Autre titre"));
        await KeyAsync(cut, ActionId, PlanField.TitleFr, "Escape");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=plan-editor]")));
        Assert.Contains("Louer un local", Cell(cut, ActionId, PlanField.TitleFr).TextContent, StringComparison.Ordinal);
        Assert.Equal("Louer un local", (await RowAsync(ActionId)).TitleFr);
    }

    [Fact]
    public async Task Keyboard_ArrowsMoveTheFocusedCell_LeftAndRightFollowTheReadingDirection()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        Assert.Equal("0", cut.Find("#plan-cell-0-0").GetAttribute("tabindex"));

        await cut.InvokeAsync(() => cut.Find("#plan-cell-0-0").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" }));
        await cut.InvokeAsync(() => cut.Find("#plan-cell-1-0").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" }));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#plan-cell-1-1").GetAttribute("tabindex")));
        Assert.Equal("-1", cut.Find("#plan-cell-0-0").GetAttribute("tabindex"));
        Assert.Single(cut.FindAll("td[tabindex='0']"));

        await cut.InvokeAsync(() => cut.Find("#plan-cell-1-1").KeyDown(new KeyboardEventArgs { Key = "End", CtrlKey = true }));
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find($"#plan-cell-3-{PlanColumns.All.Count - 1}").GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Keyboard_InArabic_ArrowLeftMovesForward()
    {
        UseCulture("ar-MA");
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await cut.InvokeAsync(() => cut.Find("#plan-cell-0-0").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" }));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#plan-cell-0-1").GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Keyboard_SpaceOnTheFirstCell_CollapsesAndExpandsTheRow()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await cut.InvokeAsync(() => cut.Find("#plan-cell-0-0").KeyDown(new KeyboardEventArgs { Key = " " }));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=plan-row]")));
        Assert.Equal("false", cut.Find("[data-testid=plan-row]").GetAttribute("aria-expanded"));

        await cut.InvokeAsync(() => cut.Find("#plan-cell-0-0").KeyDown(new KeyboardEventArgs { Key = " " }));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=plan-row]").Count));
    }

    [Fact]
    public async Task Reader_WhoMayNotEdit_GetsNoEditor()
    {
        await ArrangePlanAsync(Roles.Member);
        var cut = RenderGrid();

        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");

        Assert.Empty(cut.FindAll("[data-testid=plan-editor]"));
        Assert.Equal("true", Cell(cut, ActionId, PlanField.Progress).GetAttribute("aria-readonly"));
        Assert.Empty(cut.FindAll("[data-testid=plan-add-axis]"));
    }

    [Fact]
    public async Task ConflictPrompt_KeepMine_SavesTheReadersValueOverTheOther()
    {
        var cut = await ConflictAsync();

        Assert.Equal("30\u00A0%", cut.Find("[data-testid=plan-conflict-mine]").TextContent.Trim());
        Assert.Contains("70\u00A0%", cut.Find("[data-testid=plan-conflict-theirs]").TextContent, StringComparison.Ordinal);
        // Who and when come from the audit trail (this test's audit has no signed-in person: the end-to-end journey checks the name).
        Assert.Contains("05/03/2026", cut.Find("[data-testid=plan-conflict-who]").TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-conflict-keep-mine]").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=plan-conflict]")));
        Assert.Equal(30, (await RowAsync(ActionId)).Progress);
        cut.WaitForAssertion(() => Assert.Equal("30\u00A0%", Cell(cut, ActionId, PlanField.Progress).TextContent.Trim()));
    }

    [Fact]
    public async Task ConflictPrompt_TakeTheirs_KeepsTheOtherValue()
    {
        var cut = await ConflictAsync();

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-conflict-take-theirs]").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=plan-conflict]")));
        Assert.Equal(70, (await RowAsync(ActionId)).Progress);
        cut.WaitForAssertion(() => Assert.Equal("70\u00A0%", Cell(cut, ActionId, PlanField.Progress).TextContent.Trim()));
    }

    [Fact]
    public async Task LiveEdit_OfAnotherRow_RendersOnlyThatRowAndItsAncestors()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        var rows = cut.FindComponents<PlanGridRow>().ToDictionary(r => r.Instance.Row.Id);
        var before = rows.ToDictionary(r => r.Key, r => r.Value.RenderCount);

        // Someone else's save, announced on the bus like any other.
        var row = await RowAsync(SecondActionId);
        Done(await Plans.EditItemAsync(Caller, SecondActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 60, 100)], default));
        Clock.Advance(TimeSpan.FromSeconds(1));

        // The refresh renders off the test's thread: wait for the rows it must render, then check the one it must not.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("100\u00A0%", Cell(cut, SecondActionId, PlanField.Progress).TextContent.Trim());
            Assert.True(rows[SecondActionId].RenderCount > before[SecondActionId]);
            Assert.True(rows[ObjectiveId].RenderCount > before[ObjectiveId]);
        });
        Assert.Equal(before[ActionId], rows[ActionId].RenderCount);
    }

    [Fact]
    public async Task LiveEdit_SeenByTwoGrids_ReadOnceAndOnlyTheChangedRowsRender()
    {
        await ArrangePlanAsync();
        var first = RenderGrid();
        var second = RenderGrid();
        var cache = Services.GetRequiredService<PlanViewCache>();
        var wholeBefore = cache.WholeReads;
        var rowsBefore = cache.RowReads;
        var rows = second.FindComponents<PlanGridRow>().ToDictionary(r => r.Instance.Row.Id);
        var before = rows.ToDictionary(r => r.Key, r => r.Value.RenderCount);

        var row = await RowAsync(ActionId);
        Done(await Plans.EditItemAsync(Caller, ActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 20, 40)], default));

        first.WaitForAssertion(() => Assert.Equal("40\u00A0%", Cell(first, ActionId, PlanField.Progress).TextContent.Trim()));
        // The objective rolls up (40 + 60) / 2 from the cached tree: only the edited row was read again.
        second.WaitForAssertion(() =>
        {
            Assert.Equal("40\u00A0%", Cell(second, ActionId, PlanField.Progress).TextContent.Trim());
            Assert.Equal("50\u00A0%", Cell(second, ObjectiveId, PlanField.Progress).TextContent.Trim());
            Assert.Equal(before[ActionId] + 1, rows[ActionId].RenderCount);
        });
        Assert.Equal(wholeBefore, cache.WholeReads);
        Assert.Equal(rowsBefore + 1, cache.RowReads);
        Assert.Equal(before[SecondActionId], rows[SecondActionId].RenderCount);
        Assert.Equal(before[ActionId] + 1, rows[ActionId].RenderCount);
    }

    /// <summary>The reader opens the progress of the first action (20 %), someone saves 70 % meanwhile, the reader saves 30 %.</summary>
    private async Task<IRenderedComponent<PlanGridPage>> ConflictAsync()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-editor]").Input("30"));

        var row = await RowAsync(ActionId);
        Done(await Plans.EditItemAsync(Caller, ActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 20, 70)], default));
        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-conflict]"));
        Assert.Equal(70, (await RowAsync(ActionId)).Progress);
        return cut;
    }

    private IRenderedComponent<PlanGridPage> RenderGrid()
    {
        var cut = RenderPage<PlanGridPage>(p => p.Add(c => c.PlanId, PlanId));
        // The first grid of a test process also builds the node's shared snapshot cold: on a loaded machine that can take
        // longer than the default wait.
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=plan-row]").Count), TimeSpan.FromSeconds(60));
        return cut;
    }

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<PlanGridPage> cut, Guid rowId, PlanField field) =>
        cut.Find($"tr[data-row-id='{rowId}'] td[data-field='{field}']");

    private static Task KeyAsync(IRenderedComponent<PlanGridPage> cut, Guid rowId, PlanField field, string key) =>
        cut.InvokeAsync(() => Cell(cut, rowId, field).KeyDown(new KeyboardEventArgs { Key = key }));
}
