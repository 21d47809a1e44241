namespace Noress.App.Calls.Outputs;

/// <summary>The outputs' signals on <see cref="Shared.RealTime.Topics.Call"/>; like the review's, they carry no payload.</summary>
public static class OutputEvents
{
    /// <summary>Results published, letters sent, a template saved or the minutes created.</summary>
    public const string Outputs = "calls.outputs";
}
