namespace Noress.App.Administration;

/// <summary>Marker for the administration index's strings (AdministrationText.resx is French, the default).</summary>
public sealed class AdministrationText
{
}
