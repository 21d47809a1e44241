using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Committees;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>
/// Moves with every change to the facts a document right is judged on (the document's space or freezing, grants,
/// a person's account or institution, committee seats and positions). A document hub connection keeps the right it
/// judged for a push with the value it read first; the authority's commit reads the value once per group and sends
/// a push judged on an older value back to the full check (ADR 0056).
/// </summary>
public sealed class DocumentRightsStamp : IAuditExempt, IRightsStamp
{
    public int Id { get; set; } = IRightsStamp.RowId;

    public Guid Value { get; set; }

    /// <summary>The current value, read on its own.</summary>
    public static Task<Guid> ReadAsync(NoressDbContext db, CancellationToken ct) =>
        db.Set<DocumentRightsStamp>().AsNoTracking().Where(s => s.Id == IRightsStamp.RowId).Select(s => s.Value).SingleAsync(ct);
}

internal sealed class DocumentRightsStampConfiguration()
    : RightsStampConfiguration<DocumentRightsStamp>("DocumentRightsStamps", Guid.Parse("5d0c7e2a-8f41-4b6e-a3c9-1e7f2b4d6a02"));

/// <summary>Gives <see cref="DocumentRightsStamp"/> a new value with any change a document right depends on.</summary>
public sealed class DocumentRightsStampInterceptor : RightsStampInterceptor<DocumentRightsStamp>
{
    private static readonly string[] DocumentRightsProperties = [nameof(Document.SpaceKind), nameof(Document.SpaceId), nameof(Document.FrozenAt)];
    private static readonly string[] UserRightsProperties = [nameof(NoressUser.IsActive), nameof(NoressUser.InstitutionId)];

    protected override bool Concerns(EntityEntry entry) => entry.Entity switch
    {
        DocumentPermission or CommitteeSeat or CommitteePosition => true,
        // A new document or account has no right judged yet.
        Document => entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && DocumentRightsProperties.Any(p => entry.Property(p).IsModified)),
        NoressUser => entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && UserRightsProperties.Any(p => entry.Property(p).IsModified)),
        _ => false,
    };
}
