using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Noress.App.Accounts;

namespace Noress.App.Audit;

/// <summary>
/// What the interceptor leaves out of the chain. ADR 0004 lists the same entities with the reason for each;
/// a test keeps the two lists equal, so an exemption cannot be added in code without being documented.
/// </summary>
public static class AuditExemptions
{
    /// <summary>Entities left out by type; the others opt out with <see cref="IAuditExempt"/>.</summary>
    public static readonly IReadOnlySet<Type> NotAudited = new HashSet<Type>
    {
        typeof(AuditEntry),
        typeof(AuditCheckpoint),
        typeof(AuditWatch),
        typeof(DataProtectionKey),
        typeof(IdentityUserToken<Guid>),
    };

    /// <summary>
    /// Personal display preferences (and the stamp Identity renews on every update): an update changing nothing
    /// else is left out of the chain, so switching language is not audit noise (ADR 0016). Changed together with
    /// anything else, they are recorded as usual. ADR 0004 lists the same properties; a test keeps them equal.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlySet<string>> PreferenceProperties = new Dictionary<Type, IReadOnlySet<string>>
    {
        [typeof(NoressUser)] = new HashSet<string>(StringComparer.Ordinal) { nameof(NoressUser.PreferredCulture), nameof(NoressUser.ConcurrencyStamp) },
    };

    /// <summary>True when an update of <paramref name="entityType"/> changes only preference properties.</summary>
    public static bool IsPreferenceOnly(Type entityType, IEnumerable<string> changedProperties) =>
        PreferenceProperties.TryGetValue(entityType, out var preferences) && changedProperties.All(preferences.Contains);

    public static bool IsAudited(Type entityType) =>
        !NotAudited.Contains(entityType) && !typeof(IAuditExempt).IsAssignableFrom(entityType);
}
