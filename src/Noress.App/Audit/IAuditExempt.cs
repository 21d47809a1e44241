namespace Noress.App.Audit;

/// <summary>
/// An entity kept out of the audit chain: either its own append-only, attributed record (document keystrokes,
/// where auditing again would double every row and serialize pushes on the chain's head), or delivery
/// bookkeeping (outbox rows, reminder dispatches) that would copy every mail body into the trail.
/// </summary>
public interface IAuditExempt;
