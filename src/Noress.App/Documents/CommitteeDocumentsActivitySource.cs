using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Committees;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Shared.Localization;

namespace Noress.App.Documents;

/// <summary>A committee's documents in its feed: each one's creation and its latest change (with who made it).</summary>
public sealed class CommitteeDocumentsActivitySource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CommitteesText> text) : ICommitteeActivitySource
{
    public async Task<IReadOnlyList<CommitteeActivity>> ListAsync(Guid committeeId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.SpaceKind == DocumentSpaceKind.Committee && d.SpaceId == committeeId)
            .Select(d => new { d.Id, d.Title, d.CreatedAt, d.CreatedById })
            .ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var latest = await db.DocumentUpdates.AsNoTracking()
            .Where(u => ids.Contains(u.DocumentId))
            .GroupBy(u => u.DocumentId)
            .Select(g => new { DocumentId = g.Key, Version = g.Max(u => u.Version) })
            .ToListAsync(cancellationToken);
        var changes = new List<(Guid DocumentId, DateTime At, Guid UserId)>();
        foreach (var last in latest)
        {
            var update = await db.DocumentUpdates.AsNoTracking().Where(u => u.DocumentId == last.DocumentId && u.Version == last.Version)
                .Select(u => new { u.At, u.UserId }).SingleAsync(cancellationToken);
            changes.Add((last.DocumentId, update.At, update.UserId));
        }

        var userIds = documents.Select(d => d.CreatedById).Concat(changes.Select(c => c.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        string Name(Guid id) => PeopleText.Plain(names.GetValueOrDefault(id)) ?? string.Empty;

        var titles = documents.ToDictionary(d => d.Id, d => PeopleText.Plain(d.Title) ?? string.Empty);
        return [.. documents
            .Select(d => new CommitteeActivity(d.CreatedAt, CommitteeEvents.Documents, text["Activity.DocumentCreated", Name(d.CreatedById), titles[d.Id]], $"/documents/{d.Id}"))
            .Concat(changes.Select(c => new CommitteeActivity(c.At, CommitteeEvents.Documents, text["Activity.DocumentChanged", titles[c.DocumentId], Name(c.UserId)], $"/documents/{c.DocumentId}")))
            .OrderByDescending(a => a.AtUtc)
            .Take(take)];
    }
}
