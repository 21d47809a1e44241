namespace Noress.App.Members;

/// <summary>The one way institutions are found by what someone types (the directory, sharing a document).</summary>
public static class InstitutionSearch
{
    /// <summary>Acronym, French or Arabic name containing <paramref name="search"/>, in any case (SQL-translatable).</summary>
    public static IQueryable<Institution> Matching(this IQueryable<Institution> institutions, string search)
    {
        var wanted = search.Trim().ToLower();
        return institutions.Where(i => i.Acronym.ToLower().Contains(wanted) || i.NameFr.ToLower().Contains(wanted) || i.NameAr.Contains(wanted));
    }
}
