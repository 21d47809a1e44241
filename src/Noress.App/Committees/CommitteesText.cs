namespace Noress.App.Committees;

/// <summary>Marker for the committee workspaces' strings (CommitteesText.resx is French, the default).</summary>
public sealed class CommitteesText
{
}
