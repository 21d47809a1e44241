using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Shared.Localization;

namespace Noress.App.Members;

/// <summary>Names institutions and people for the audit page, in the reader's language, with their pages.</summary>
public sealed class MembersAuditSubjects(IDbContextFactory<NoressDbContext> dbFactory) : IAuditSubjectSource
{
    public IReadOnlyCollection<string> EntityTypes { get; } = [nameof(Institution), nameof(NoressUser)];

    public async Task<IReadOnlyDictionary<string, AuditSubject>> DescribeAsync(string entityType, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var keys = AuditSubjectKeys.Guids(ids);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (entityType == nameof(Institution))
        {
            var institutions = await db.Institutions.AsNoTracking().Where(i => keys.Contains(i.Id))
                .Select(i => new { i.Id, i.Acronym, i.NameFr, i.NameAr }).ToListAsync(ct);
            return institutions.ToDictionary(
                i => AuditSubjectKeys.Key(i.Id),
                i => new AuditSubject($"{i.Acronym} — {BilingualText.Preferred(i.NameFr, i.NameAr)}", $"members/{Uri.EscapeDataString(i.Acronym)}"));
        }

        var people = await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.FullNameAr }).ToListAsync(ct);
        return people.ToDictionary(
            u => AuditSubjectKeys.Key(u.Id),
            u => new AuditSubject(BilingualText.Preferred(u.FullName, u.FullNameAr), $"members/people/{u.Id}"));
    }
}
