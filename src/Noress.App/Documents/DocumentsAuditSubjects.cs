using Microsoft.EntityFrameworkCore;
using Noress.App.Audit;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>Names documents for the audit page by their title, with a link to the document.</summary>
public sealed class DocumentsAuditSubjects(IDbContextFactory<NoressDbContext> dbFactory) : IAuditSubjectSource
{
    public IReadOnlyCollection<string> EntityTypes { get; } = [nameof(Document)];

    public async Task<IReadOnlyDictionary<string, AuditSubject>> DescribeAsync(string entityType, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var keys = AuditSubjectKeys.Guids(ids);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => keys.Contains(d.Id))
            .Select(d => new { d.Id, d.Title }).ToListAsync(ct);
        return documents.ToDictionary(d => AuditSubjectKeys.Key(d.Id), d => new AuditSubject(d.Title, $"documents/{d.Id}"));
    }
}
