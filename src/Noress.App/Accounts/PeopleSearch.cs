namespace Noress.App.Accounts;

/// <summary>
/// The one way people are found by what someone types: active members (outside initiatives' accounts belong to no
/// institution and are never offered, ADR 0038), with an e-mail, name or e-mail containing it.
/// </summary>
public static class PeopleSearch
{
    /// <summary>Filters on <paramref name="upperQuery"/>, already trimmed and in upper case (SQL-translatable, ordered by name).</summary>
    public static IQueryable<NoressUser> Matching(this IQueryable<NoressUser> users, string upperQuery) =>
        users.Where(u => u.IsActive && u.InstitutionId != null && u.Email != null && (u.FullName.ToUpper().Contains(upperQuery) || u.Email.ToUpper().Contains(upperQuery)))
            .OrderBy(u => u.FullName);
}
