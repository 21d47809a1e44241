namespace Noress.App.Audit;

/// <summary>
/// An entity that is its own append-only, attributed record (e.g. document keystrokes): auditing it again
/// would double every row and serialize the hot path on the audit chain's head.
/// </summary>
public interface IAuditExempt
{
}
