using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

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

    public static bool IsAudited(Type entityType) =>
        !NotAudited.Contains(entityType) && !typeof(IAuditExempt).IsAssignableFrom(entityType);
}
