using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Documents;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

public sealed class DocumentUpdateWriterTests
{
    [Fact]
    public async Task WriteAsync_StoresRowsThatEfReadsBackUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync(new ServiceCollection(), TimeProvider.System);
        var documentId = Guid.NewGuid();
        await AddDocumentAsync(database, documentId);
        var at = new DateTime(2026, 3, 18, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        // 130 rows: two full multi-row statements and single-row ones for the rest; Arabic, a surrogate pair, quotes.
        var rows = Enumerable.Range(1, 130).Select(v => new DocumentUpdate
        {
            DocumentId = documentId,
            Version = v,
            ClientId = v % 2 == 0 ? "client-é" : "c" + v,
            UserId = v % 3 == 0 ? Guid.Empty : Guid.Parse("6f1c2b0e-4c55-4d0a-9a53-2f1de0f0a001"),
            At = at.AddMilliseconds(v),
            ChangesJson = $$"""[{{v - 1}},[0,"مرحبا 😀 \"{{v}}\""]]""",
        }).ToList();

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await DocumentUpdateWriter.WriteAsync(db, rows, CancellationToken.None);
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var stored = await db.DocumentUpdates.Where(u => u.DocumentId == documentId).OrderBy(u => u.Version).ToListAsync();
            Assert.Equal(rows.Count, stored.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(rows[i].Version, stored[i].Version);
                Assert.Equal(rows[i].ClientId, stored[i].ClientId);
                Assert.Equal(rows[i].UserId, stored[i].UserId);
                Assert.Equal(rows[i].At, stored[i].At);
                Assert.Equal(rows[i].ChangesJson, stored[i].ChangesJson);
            }

            // Queries by user go through EF's own parameter conversion: the stored text must match it.
            Assert.Equal(43, await db.DocumentUpdates.CountAsync(u => u.UserId == Guid.Empty));
        }
    }

    [Fact]
    public async Task WriteAsync_DuplicateVersion_StoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(new ServiceCollection(), TimeProvider.System);
        var documentId = Guid.NewGuid();
        await AddDocumentAsync(database, documentId);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await DocumentUpdateWriter.WriteAsync(db, [Row(documentId, 2)], CancellationToken.None);
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await Assert.ThrowsAnyAsync<DbException>(() => DocumentUpdateWriter.WriteAsync(db, [Row(documentId, 1), Row(documentId, 2), Row(documentId, 3)], CancellationToken.None));
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal([2], await db.DocumentUpdates.Where(u => u.DocumentId == documentId).Select(u => u.Version).ToListAsync());
        }
    }

    private static DocumentUpdate Row(Guid documentId, int version) =>
        new() { DocumentId = documentId, Version = version, ClientId = "c", UserId = Guid.Empty, At = DateTime.UtcNow, ChangesJson = "[0]" };

    private static async Task AddDocumentAsync(TestDatabase database, Guid documentId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Documents.Add(new Document { Id = documentId, Title = "Test", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
