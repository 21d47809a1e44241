namespace Noress.App.Calls.Jobs;

/// <summary>Marker for the strings of the calls' scheduled notices and calendar dates (CallJobsText.resx is French).</summary>
public sealed class CallJobsText
{
}
