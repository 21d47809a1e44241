using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans;

/// <summary>
/// The people behind audit entries, by name: the audit trail keeps the account's user name (an e-mail), which the plan
/// screens show only when the person is gone (history, conflict prompt, committee feed).
/// </summary>
public static class PlanPeople
{
    /// <summary>Full names of the given people, as stored on their accounts (those without a name are left out).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(NoressDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var found = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        return found.Where(u => !string.IsNullOrWhiteSpace(u.FullName)).ToDictionary(u => u.Id, u => PeopleText.Plain(u.FullName)!);
    }

    /// <summary>The person's name, else the audit entry's user name (e-mail), else null.</summary>
    public static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? userId, string? userName) =>
        userId is { } id && names.TryGetValue(id, out var name) ? name : PeopleText.Plain(userName);
}
