using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Noress.App.Accounts;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions;

/// <summary>The authorization checks the sessions services (and committee membership) make themselves.</summary>
public sealed class SessionsAccess(IAuthorizationService authorization, TimeProvider clock)
{
    public DateOnly Today => NoressClock.Today(clock);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> IsSecretariatAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    public async Task<bool> IsMemberAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded;

    /// <summary>Is <paramref name="user"/> allowed to take a step reserved to <paramref name="actor"/>?</summary>
    public async Task<bool> MayActAsAsync(ClaimsPrincipal user, SessionActor actor) => actor switch
    {
        SessionActor.Secretariat => await IsSecretariatAsync(user),
        SessionActor.Member => await IsMemberAsync(user),
        _ => false,
    };

    public async Task EnsureSecretariatAsync(ClaimsPrincipal user)
    {
        if (!await IsSecretariatAsync(user))
        {
            throw new UnauthorizedAccessException("Only the secretariat may do this.");
        }
    }

    public async Task EnsureMemberAsync(ClaimsPrincipal user)
    {
        if (!await IsMemberAsync(user))
        {
            throw new UnauthorizedAccessException("Only signed-in members may do this.");
        }
    }

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>Who may take a step: the lifecycle table names one per transition.</summary>
public enum SessionActor
{
    Secretariat,
    Member,
}

/// <summary>Marker for the sessions area's strings (SessionsText.resx is French, the default).</summary>
public sealed class SessionsText
{
}
