using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Noress.App.Audit;

/// <summary>The trail records keys as invariant text (see <see cref="AuditInterceptor"/>); sources read them back.</summary>
public static class AuditSubjectKeys
{
    public static List<Guid> Guids(IEnumerable<string> ids) =>
        [.. ids.Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];

    public static string Key(Guid id) => Convert.ToString(id, CultureInfo.InvariantCulture)!;

    /// <summary>Registers a feature's <see cref="IAuditSubjectSource"/>.</summary>
    public static IServiceCollection AddAuditSubjectSource<TSource>(this IServiceCollection services)
        where TSource : class, IAuditSubjectSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSubjectSource, TSource>());
        return services;
    }
}
