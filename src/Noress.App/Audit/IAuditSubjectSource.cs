namespace Noress.App.Audit;

/// <summary>
/// A feature names its own audited objects for the audit page ("ODCO — Office…" with a link) instead of the
/// page reading the feature's tables. Called by <see cref="AuditService"/> after its administrator check.
/// </summary>
public interface IAuditSubjectSource
{
    /// <summary>The entity type names (as the trail records them) this source can name.</summary>
    IReadOnlyCollection<string> EntityTypes { get; }

    /// <summary>Names for the given ids of one type; an id no longer found (deleted) is simply left out.</summary>
    Task<IReadOnlyDictionary<string, AuditSubject>> DescribeAsync(string entityType, IReadOnlyCollection<string> ids, CancellationToken ct);
}

/// <summary>What the audit page shows for an object: its current name and, when it has a page, a link.</summary>
public sealed record AuditSubject(string Name, string? Link);
