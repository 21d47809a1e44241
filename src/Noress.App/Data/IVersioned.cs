namespace Noress.App.Data;

/// <summary>
/// An entity with an application-managed optimistic concurrency token: a new Guid on every
/// update, so the same check works on SQLite, SQL Server and PostgreSQL alike.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
