namespace Noress.App.Plans.Grid;

/// <summary>A cell of the grid: the index of the row among the shown rows, and of the column.</summary>
public readonly record struct GridCell(int Row, int Column);

/// <summary>What a key pressed on a cell (not while editing) does.</summary>
public enum GridKeyAction
{
    None,
    Move,
    Edit,
    Toggle,
    Details,
}

/// <summary>
/// The grid's keyboard, as the ARIA treegrid pattern has it: arrows move between cells and rows (left and right follow
/// the reading direction), Home/End go to the row's first/last cell, Ctrl+Home/End to the first/last row, Page Up/Down
/// by ten rows; Enter or F2 edits, Space expands or collapses a row from its first cell, Alt+Enter opens the details.
/// Escape (while editing) is the editor's.
/// </summary>
public static class PlanGridKeys
{
    public const int PageRows = 10;

    public static (GridKeyAction Action, GridCell To) Handle(GridCell at, string key, bool ctrl, bool alt, int rows, int columns, bool rightToLeft)
    {
        if (rows == 0 || columns == 0)
        {
            return (GridKeyAction.None, at);
        }

        var forward = rightToLeft ? "ArrowLeft" : "ArrowRight";
        var backward = rightToLeft ? "ArrowRight" : "ArrowLeft";
        GridCell Clamp(int row, int column) => new(Math.Clamp(row, 0, rows - 1), Math.Clamp(column, 0, columns - 1));
        return key switch
        {
            "ArrowDown" => (GridKeyAction.Move, Clamp(at.Row + 1, at.Column)),
            "ArrowUp" => (GridKeyAction.Move, Clamp(at.Row - 1, at.Column)),
            "PageDown" => (GridKeyAction.Move, Clamp(at.Row + PageRows, at.Column)),
            "PageUp" => (GridKeyAction.Move, Clamp(at.Row - PageRows, at.Column)),
            "Home" => (GridKeyAction.Move, ctrl ? Clamp(0, 0) : Clamp(at.Row, 0)),
            "End" => (GridKeyAction.Move, ctrl ? Clamp(rows - 1, columns - 1) : Clamp(at.Row, columns - 1)),
            "Enter" when alt => (GridKeyAction.Details, at),
            "Enter" or "F2" => (GridKeyAction.Edit, at),
            " " or "Spacebar" when at.Column == 0 => (GridKeyAction.Toggle, at),
            _ when key == forward => (GridKeyAction.Move, Clamp(at.Row, at.Column + 1)),
            _ when key == backward => (GridKeyAction.Move, Clamp(at.Row, at.Column - 1)),
            _ => (GridKeyAction.None, at),
        };
    }
}
