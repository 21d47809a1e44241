using Noress.App.Plans.Grid;

namespace Noress.Tests.Plans;

public sealed class PlanGridKeysTests
{
    [Theory]
    [InlineData("ArrowDown", false, false, 3, 2)]
    [InlineData("ArrowUp", false, false, 1, 2)]
    [InlineData("ArrowRight", false, false, 2, 3)]
    [InlineData("ArrowLeft", false, false, 2, 1)]
    [InlineData("ArrowRight", true, false, 2, 1)]
    [InlineData("ArrowLeft", true, false, 2, 3)]
    [InlineData("Home", false, false, 2, 0)]
    [InlineData("End", false, false, 2, 9)]
    [InlineData("Home", false, true, 0, 0)]
    [InlineData("End", false, true, 19, 9)]
    [InlineData("PageDown", false, false, 12, 2)]
    [InlineData("PageUp", false, false, 0, 2)]
    public void Handle_MovementKeys_MoveWithinTheGrid(string key, bool rightToLeft, bool ctrl, int row, int column)
    {
        var (action, to) = PlanGridKeys.Handle(new GridCell(2, 2), key, ctrl, alt: false, rows: 20, columns: 10, rightToLeft);

        Assert.Equal(GridKeyAction.Move, action);
        Assert.Equal(new GridCell(row, column), to);
    }

    [Fact]
    public void Handle_AtTheEdges_StaysInside()
    {
        Assert.Equal(new GridCell(0, 0), PlanGridKeys.Handle(new GridCell(0, 0), "ArrowUp", false, false, 5, 5, false).To);
        Assert.Equal(new GridCell(4, 4), PlanGridKeys.Handle(new GridCell(4, 4), "ArrowDown", false, false, 5, 5, false).To);
        Assert.Equal(new GridCell(4, 4), PlanGridKeys.Handle(new GridCell(4, 4), "ArrowRight", false, false, 5, 5, false).To);
    }

    [Theory]
    [InlineData("Enter", false, 3, GridKeyAction.Edit)]
    [InlineData("F2", false, 3, GridKeyAction.Edit)]
    [InlineData("Enter", true, 3, GridKeyAction.Details)]
    [InlineData(" ", false, 0, GridKeyAction.Toggle)]
    [InlineData(" ", false, 3, GridKeyAction.None)]
    [InlineData("a", false, 3, GridKeyAction.None)]
    public void Handle_OtherKeys_EditToggleOrOpenDetails(string key, bool alt, int column, GridKeyAction expected)
    {
        Assert.Equal(expected, PlanGridKeys.Handle(new GridCell(1, column), key, false, alt, 5, 5, false).Action);
    }
}
