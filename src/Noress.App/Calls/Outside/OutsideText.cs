namespace Noress.App.Calls.Outside;

/// <summary>Marker for the outside applicants' area strings (OutsideText.resx is French, the default).</summary>
public sealed class OutsideText
{
}
