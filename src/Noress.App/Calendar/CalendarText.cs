namespace Noress.App.Calendar;

/// <summary>Marker type for the calendar's localized strings (CalendarText.*.resx).</summary>
public sealed class CalendarText;
