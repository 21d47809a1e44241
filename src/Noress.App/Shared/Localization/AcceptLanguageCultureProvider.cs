using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Noress.App.Shared.Localization;

/// <summary>
/// The browser's languages, for a visitor who has not chosen one yet. ASP.NET Core's own provider falls back
/// from a region to its parent ("ar-EG" to "ar") but never sideways to our one region per language ("ar-MA"),
/// so the match is by language: the first language the platform speaks, in the browser's order of preference.
/// </summary>
public sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var culture = languages
            .Where(l => l.Quality.GetValueOrDefault(1) > 0)
            .OrderByDescending(l => l.Quality.GetValueOrDefault(1)) // stable: equal weights keep the header's order
            .Select(l => NoressCultures.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return culture is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}
