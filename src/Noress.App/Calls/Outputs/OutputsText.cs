namespace Noress.App.Calls.Outputs;

/// <summary>Marker for the calls' outputs strings (OutputsText.resx is French, the default): letters, results, minutes, exports, dossiers.</summary>
public sealed class OutputsText
{
}
