namespace Noress.App.Audit;

/// <summary>
/// Marks delivery bookkeeping (outbox rows, reminder dispatches) that is not a domain change: auditing it would
/// copy every mail body into the trail and add a row per delivery attempt.
/// </summary>
public interface INotAudited;
