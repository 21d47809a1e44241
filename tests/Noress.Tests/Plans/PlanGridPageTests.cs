using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Plans;
using Noress.App.Plans.Grid;

namespace Noress.Tests.Plans;

/// <summary>The plan grid on the real service: the row editor, the keyboard, the conflict prompt and live rows.</summary>
public sealed class PlanGridPageTests : PlanGridFixture
{
    // The new tests' waits: a structural change or a first read of the plan can take long on a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

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
        Assert.Equal("0", At(cut, 0, 0).GetAttribute("tabindex"));

        await KeyAtAsync(cut, 0, 0, "ArrowDown");
        await KeyAtAsync(cut, 1, 0, "ArrowRight");

        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 1, 1).GetAttribute("tabindex")));
        Assert.Equal("-1", At(cut, 0, 0).GetAttribute("tabindex"));
        Assert.Single(cut.FindAll("td[tabindex='0']"));

        await KeyAtAsync(cut, 1, 1, "End", ctrl: true);
        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 3, PlanColumns.All.Count - 1).GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Keyboard_InArabic_ArrowLeftMovesForward()
    {
        UseCulture("ar-MA");
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await KeyAtAsync(cut, 0, 0, "ArrowLeft");

        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 0, 1).GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Keyboard_SpaceOnTheFirstCell_CollapsesAndExpandsTheRow()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await KeyAtAsync(cut, 0, 0, " ");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=plan-row]")));
        Assert.Equal("false", cut.Find("[data-testid=plan-row]").GetAttribute("aria-expanded"));

        await KeyAtAsync(cut, 0, 0, " ");
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=plan-row]").Count));
    }

    [Fact]
    public async Task Reader_WhoMayNotEdit_GetsNoEditor()
    {
        await ArrangePlanAsync(Roles.Member);
        var cut = RenderGrid();

        await KeyAsync(cut, ActionId, PlanField.Progress, "Enter");

        Assert.Empty(cut.FindAll("[data-testid=plan-editor]"));
        // A reader's grid is read-only as a whole (said once on the treegrid, no cell says otherwise).
        Assert.Equal("true", cut.Find("[data-testid=plan-grid]").GetAttribute("aria-readonly"));
        Assert.Null(Cell(cut, ActionId, PlanField.Progress).GetAttribute("aria-readonly"));
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
        // Each row's count is awaited on the row itself: the page may be told of a batch before its rows are.
        cut.WaitForAssertion(() => Assert.Equal("100\u00A0%", Cell(cut, SecondActionId, PlanField.Progress).TextContent.Trim()));
        rows[SecondActionId].WaitForAssertion(() => Assert.True(rows[SecondActionId].RenderCount > before[SecondActionId]));
        rows[ObjectiveId].WaitForAssertion(() => Assert.True(rows[ObjectiveId].RenderCount > before[ObjectiveId]));
        Assert.Equal(before[ActionId], rows[ActionId].RenderCount);
    }

    [Fact]
    public async Task LiveEdit_IsAppliedToTheRowsInPlace_TheTotalsFollow_AndThePageDoesNotRenderAgain()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        // A first change lets the page settle (an editor's page joins the plan's presence after its first render).
        var first = await RowAsync(ActionId);
        Done(await Plans.EditItemAsync(Caller, ActionId, first.Version, [FieldEdit.Of(PlanField.Progress, 20, 30)], default));
        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("30\u00A0%", Cell(cut, ActionId, PlanField.Progress).TextContent.Trim()));
        await cut.InvokeAsync(() => { });
        var totalsBefore = cut.Find("[data-testid=plan-totals]").TextContent;
        var pageRenders = cut.Instance.PageRenders;

        var row = await RowAsync(SecondActionId);
        Done(await Plans.EditItemAsync(Caller, SecondActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 60, 100)], default));
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("100\u00A0%", Cell(cut, SecondActionId, PlanField.Progress).TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.NotEqual(totalsBefore, cut.Find("[data-testid=plan-totals]").TextContent));
        await cut.InvokeAsync(() => { });
        Assert.Equal(pageRenders, cut.Instance.PageRenders);
    }

    [Fact]
    public async Task LiveEdit_WithTheDetailsOpen_RendersThePage_SoThePanelFollows()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        await cut.InvokeAsync(() => cut.Instance.OpenDetailsAsync(ObjectiveId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-panel]"));
        var pageRenders = cut.Instance.PageRenders;

        var row = await RowAsync(SecondActionId);
        Done(await Plans.EditItemAsync(Caller, SecondActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 60, 100)], default));
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("100\u00A0%", Cell(cut, SecondActionId, PlanField.Progress).TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.True(cut.Instance.PageRenders > pageRenders));
    }

    [Fact]
    public async Task UntouchedPage_KeepsItsTabStopInTheSharedMarkup_AndAKeyRendersTheFocusedRowAsCells()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        var first = cut.FindComponents<PlanGridRow>().Single(r => r.Instance.Index == 0);

        // Before any key or click the first row is one markup string, with the grid's one tab stop in it.
        Assert.Equal("0", At(cut, 0, 0).GetAttribute("tabindex"));
        Assert.Single(cut.FindAll("td[tabindex='0']"));
        Assert.True(first.Instance.Plain);
        var rendersBefore = first.RenderCount;

        await cut.InvokeAsync(() => cut.Instance.KeyAsync(0, 0, "ArrowRight", false, false));

        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 0, 1).GetAttribute("tabindex")));
        Assert.Equal("-1", At(cut, 0, 0).GetAttribute("tabindex"));
        Assert.True(first.RenderCount > rendersBefore);
        Assert.True(cut.Instance.Engaged);
        Assert.False(first.Instance.Plain);
    }

    [Fact]
    public async Task FocusComingIntoAnUntouchedGrid_RendersTheFocusedRowAsCells_SoALiveChangeKeepsTheFocus()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        var first = cut.FindComponents<PlanGridRow>().Single(r => r.Instance.Index == 0);
        Assert.True(first.Instance.Plain);

        // Tab into the grid: the browser's focus lands in the first row's cell, no key or click of the grid's yet.
        await cut.InvokeAsync(() => cut.Find("[data-plan-grid]").FocusIn());

        cut.WaitForAssertion(() => Assert.False(first.Instance.Plain));
        Assert.True(cut.Instance.Engaged);
        Assert.Equal("0", At(cut, 0, 0).GetAttribute("tabindex"));
        var pageRenders = cut.Instance.PageRenders;

        // A later focus move inside the grid renders nothing.
        await cut.InvokeAsync(() => cut.Find("[data-plan-grid]").FocusIn());
        await cut.InvokeAsync(() => { });
        Assert.Equal(pageRenders, cut.Instance.PageRenders);
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

    [Fact]
    public async Task DelegatedClick_OnACell_MovesTheFocus_AndDoubleClickEdits()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        var row = RowIndex(cut, ActionId);
        var column = ColumnOf(PlanField.Progress);

        await ClickAtAsync(cut, row, column);
        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, row, column).GetAttribute("tabindex")), Patience);
        await cut.InvokeAsync(() => At(cut, row, column).TriggerEventAsync("onplancelldblclick", new PlanCellEventArgs { Row = row, Column = column }));

        cut.WaitForAssertion(() => Assert.NotNull(Cell(cut, ActionId, PlanField.Progress).QuerySelector("[data-testid=plan-editor]")), Patience);
    }

    [Fact]
    public async Task DelegatedClick_OnTheToggleAndDetailsButtons_CollapsesAndOpensTheDetails()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();

        await ClickAtAsync(cut, RowIndex(cut, ActionId), 0, "details");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=plan-panel]")), Patience);
        await ClickAtAsync(cut, 0, 0, "toggle");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=plan-row]")), Patience);
        // The cells carry no handler of their own: the buttons only name the action (data-plan-action).
        Assert.Equal("toggle", cut.Find("[data-testid=plan-toggle]").GetAttribute("data-plan-action"));
    }

    [Fact]
    public async Task Window_OfALongPlan_RendersAWindowOfRows_AndFollowsTheKeyboardAndTheButtons()
    {
        await ArrangePlanAsync();
        Done(await Plans.AddItemsAsync(Caller, PlanId,
            [.. Enumerable.Range(1, 45).Select(i => new NewPlanItem(Guid.NewGuid(), ObjectiveId, PlanItemKind.Action, $"Action {i}", $"إجراء {i}"))], default));
        var cut = RenderPage<PlanGridPage>(p => p.Add(c => c.PlanId, PlanId));
        cut.WaitForAssertion(() => Assert.Equal(PlanGridPage.WindowRows, cut.FindAll("[data-testid=plan-row]").Count), TimeSpan.FromSeconds(60));
        Assert.Equal("50", cut.Find("[data-testid=plan-grid]").GetAttribute("aria-rowcount"));
        Assert.Contains($"1 à {PlanGridPage.WindowRows} sur 49", cut.Find("[data-testid=plan-window-range]").TextContent, StringComparison.Ordinal);

        // Ctrl+End goes to the last row: the window follows, the rows keep their place in the whole grid (aria-rowindex).
        await KeyAtAsync(cut, 0, 0, "End", ctrl: true);
        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 48, PlanColumns.All.Count - 1).GetAttribute("tabindex")), Patience);
        Assert.Equal((49 - PlanGridPage.WindowRows + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), cut.FindAll("[data-testid=plan-row]")[0].GetAttribute("aria-rowindex"));
        Assert.Empty(cut.FindAll("tr[aria-rowindex='2']"));

        // Arrow up to the window's top and one more: it moves by one row.
        await KeyAtAsync(cut, 48, 0, "PageUp");
        await KeyAtAsync(cut, 38, 0, "PageUp");
        await KeyAtAsync(cut, 28, 0, "PageUp");
        await KeyAtAsync(cut, 18, 0, "PageUp");
        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, 8, 0).GetAttribute("tabindex")), Patience);
        Assert.Equal("10", cut.FindAll("[data-testid=plan-row]")[0].GetAttribute("aria-rowindex"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-window-previous]").Click());
        cut.WaitForAssertion(() => Assert.Equal("2", cut.FindAll("[data-testid=plan-row]")[0].GetAttribute("aria-rowindex")), Patience);
        Assert.Equal("0", At(cut, 0, 0).GetAttribute("tabindex"));
    }

    [Fact]
    public async Task PlainRow_ShowsTheSameCellsAsWhenItHasTheFocus()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        var row = RowIndex(cut, ObjectiveId);
        var plain = Cells(cut, ObjectiveId);

        // A row without the focus is one shared markup string; with the focus, elements: what a reader gets is the same.
        await ClickAtAsync(cut, row, 1);
        cut.WaitForAssertion(() => Assert.Equal("0", At(cut, row, 1).GetAttribute("tabindex")), Patience);
        var focused = Cells(cut, ObjectiveId);

        Assert.Equal(PlanColumns.All.Count, plain.Count);
        Assert.All(plain, c => Assert.Equal("-1", c.TabIndex));
        Assert.Equal("plan-cell-focus", focused[1].Class);
        Assert.Equal(plain.Select(c => c with { TabIndex = null }), focused.Select(c => c with { TabIndex = null, Class = c.Class == "plan-cell-focus" ? null : c.Class?.Replace("plan-cell-focus ", string.Empty, StringComparison.Ordinal) }));
        Assert.Contains("Un lieu ouvert", plain[0].Html, StringComparison.Ordinal);
        Assert.Contains("plan-toggle", plain[0].Html, StringComparison.Ordinal);
        // The objective's progress is its actions' roll-up: shown in italics and not editable, said on the cell.
        var progress = plain[ColumnOf(PlanField.Progress)];
        Assert.Equal(("true", "plan-cell-rollup"), (progress.ReadOnly, progress.Class));
        Assert.Equal(("ar", "rtl"), (plain[1].Lang, plain[1].Dir));
    }

    [Fact]
    public async Task PlainRows_OfTwoPages_ShareOneMarkupString()
    {
        await ArrangePlanAsync();
        var first = RenderGrid();
        var second = RenderGrid();

        var a = first.FindComponents<PlanGridRow>().Single(r => r.Instance.Row.Id == SecondActionId).Instance;
        var b = second.FindComponents<PlanGridRow>().Single(r => r.Instance.Row.Id == SecondActionId).Instance;

        Assert.Same(a.Row, b.Row);
        Assert.Same(PlanRowMarkup.Cells(a).Value, PlanRowMarkup.Cells(b).Value);
    }

    [Fact]
    public async Task FilterBar_RendersItsFieldsOnlyWhenOpened_AndPutsTheChoiceInTheUrl()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        Assert.Empty(cut.FindAll("[data-testid=plan-filter-status]"));
        Assert.Equal("false", cut.Find("[data-testid=plan-filter-toggle]").GetAttribute("aria-expanded"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-filter-toggle]").Click());
        Assert.Equal("true", cut.Find("[data-testid=plan-filter-toggle]").GetAttribute("aria-expanded"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-filter-status]").Change("done"));

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.Contains("status=done", navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=plan-filter-clear]")), Patience);
        Assert.Contains("(1)", cut.Find("[data-testid=plan-filter-toggle]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=plan-filter-status] option[value=done]").HasAttribute("selected"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-filter-clear]").Click());
        Assert.DoesNotContain("status=", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_AreReadWhenAPickerOpens_NotWithThePage()
    {
        await ArrangePlanAsync();
        var cut = RenderGrid();
        Assert.Null(cut.Instance.Choices);
        Assert.True(cut.Instance.CanEdit);

        await KeyAsync(cut, ActionId, PlanField.ResponsibleUserId, "Enter");

        cut.WaitForAssertion(() => Assert.NotNull(Cell(cut, ActionId, PlanField.ResponsibleUserId).QuerySelector("select[data-testid=plan-editor]")), Patience);
        Assert.NotNull(cut.Instance.Choices);
        Assert.Contains(UserName, Cell(cut, ActionId, PlanField.ResponsibleUserId).TextContent, StringComparison.Ordinal);
    }

    private sealed record CellView(string? Field, string? Role, string? ReadOnly, string? TabIndex, string? Class, string? Lang, string? Dir, string Html);

    /// <summary>A row's cells as a reader's browser gets them (whitespace between tags aside).</summary>
    private static List<CellView> Cells(IRenderedComponent<PlanGridPage> cut, Guid rowId) =>
        [.. cut.FindAll($"tr[data-row-id='{rowId}'] > td").Select(td => new CellView(
            td.GetAttribute("data-field"), td.GetAttribute("role"), td.GetAttribute("aria-readonly"), td.GetAttribute("tabindex"), td.GetAttribute("class"),
            td.GetAttribute("lang"), td.GetAttribute("dir"), System.Text.RegularExpressions.Regex.Replace(td.InnerHtml, @">\s+<", "><").Trim()))];

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

    /// <summary>The cell at a shown row's index and a column, found as noress.js finds it (aria-rowindex, cell index).</summary>
    private static AngleSharp.Dom.IElement At(IRenderedComponent<PlanGridPage> cut, int row, int column) =>
        cut.Find($"tr[aria-rowindex='{row + 2}'] > td:nth-child({column + 1})");

    /// <summary>A key on a cell, as the grid's one delegated handler receives it (the event bubbles to the table).</summary>
    private static Task KeyAtAsync(IRenderedComponent<PlanGridPage> cut, int row, int column, string key, bool ctrl = false) =>
        cut.InvokeAsync(() => At(cut, row, column).TriggerEventAsync("onplancellkey", new PlanCellEventArgs { Row = row, Column = column, Key = key, CtrlKey = ctrl }));

    private static Task ClickAtAsync(IRenderedComponent<PlanGridPage> cut, int row, int column, string? action = null) =>
        cut.InvokeAsync(() => At(cut, row, column).TriggerEventAsync("onplancellclick", new PlanCellEventArgs { Row = row, Column = column, Action = action }));

    private static int RowIndex(IRenderedComponent<PlanGridPage> cut, Guid rowId) =>
        int.Parse(cut.Find($"tr[data-row-id='{rowId}']").GetAttribute("aria-rowindex")!, System.Globalization.CultureInfo.InvariantCulture) - 2;

    private static int ColumnOf(PlanField field) => PlanColumns.All.Select((c, i) => (c, i)).First(x => x.c.Field == field).i;

    private static Task KeyAsync(IRenderedComponent<PlanGridPage> cut, Guid rowId, PlanField field, string key) =>
        KeyAtAsync(cut, RowIndex(cut, rowId), ColumnOf(field), key);
}
