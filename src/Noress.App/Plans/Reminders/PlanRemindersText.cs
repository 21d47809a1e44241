namespace Noress.App.Plans.Reminders;

/// <summary>Marker for the strings of the plans' reminders, digest and status report (PlanRemindersText.resx is French).</summary>
public sealed class PlanRemindersText
{
}
