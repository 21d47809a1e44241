using Microsoft.AspNetCore.Components;

namespace Noress.App.Plans.Grid;

/// <summary>
/// A key, click or double click anywhere in the plan grid, with the cell it happened in (read by noress.js from the
/// row's <c>aria-rowindex</c> and the cell's index): the grid has one handler of each instead of three per cell (ADR 0045).
/// </summary>
public sealed class PlanCellEventArgs : EventArgs
{
    /// <summary>The row's index among the shown rows; -1 outside a cell.</summary>
    public int Row { get; set; } = -1;

    /// <summary>The cell's column; -1 outside a cell.</summary>
    public int Column { get; set; } = -1;

    /// <summary>The button clicked inside the cell (<c>data-plan-action</c>: toggle, details), if any.</summary>
    public string? Action { get; set; }

    public string Key { get; set; } = string.Empty;

    public bool CtrlKey { get; set; }

    public bool AltKey { get; set; }

    public bool MetaKey { get; set; }
}

/// <summary>The grid's delegated events (registered in noress.js under the same names without "on").</summary>
[EventHandler("onplancellkey", typeof(PlanCellEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onplancellclick", typeof(PlanCellEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onplancelldblclick", typeof(PlanCellEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
