using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Shared.Time;

namespace Noress.App.Members;

/// <summary>The authorization checks the members services make themselves, whatever page or endpoint calls them.</summary>
public sealed class MembersAccess(IAuthorizationService authorization, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(NoressClock.ToLocal(clock.GetUtcNow().UtcDateTime));

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> IsSecretariatAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    public async Task EnsureMemberAsync(ClaimsPrincipal user)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only signed-in members may read the members directory.");
        }
    }

    public async Task EnsureSecretariatAsync(ClaimsPrincipal user)
    {
        if (!await IsSecretariatAsync(user))
        {
            throw new UnauthorizedAccessException("Only the secretariat may change member records.");
        }
    }

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The secretariat, or an active person of that institution.</summary>
    public async Task<bool> CanReadInstitutionFilesAsync(ClaimsPrincipal user, Guid institutionId, CancellationToken ct)
    {
        if (await IsSecretariatAsync(user))
        {
            return true;
        }

        if (UserId(user) is not { } id || !(await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == id && u.IsActive && u.InstitutionId == institutionId, ct);
    }
}
