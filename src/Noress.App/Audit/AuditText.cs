namespace Noress.App.Audit;

/// <summary>Marker for the audit page's strings (AuditText.resx is French, the default).</summary>
public sealed class AuditText
{
}
