namespace Noress.App.Plans.Views;

/// <summary>Marker for the strings of the plan views (PlanViewsText.resx is French, the default).</summary>
public sealed class PlanViewsText
{
}

/// <summary>The views of one plan, as <see cref="PlanViewTabs"/> links them.</summary>
public enum PlanViewKind
{
    Grid,
    Board,
    Timeline,
    Dashboard,
}
