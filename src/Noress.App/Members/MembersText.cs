namespace Noress.App.Members;

/// <summary>Marker for the members area's strings (MembersText.resx is French, the default).</summary>
public sealed class MembersText
{
}
