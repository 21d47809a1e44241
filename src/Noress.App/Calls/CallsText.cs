namespace Noress.App.Calls;

/// <summary>Marker for the calls feature's strings (CallsText.resx is French, the default).</summary>
public sealed class CallsText
{
}
