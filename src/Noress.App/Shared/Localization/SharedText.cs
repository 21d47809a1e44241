namespace Noress.App.Shared.Localization;

/// <summary>Marker for the shell's strings (SharedText.resx is French, the default).</summary>
public sealed class SharedText
{
}
