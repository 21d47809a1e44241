using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Noress.App.Accounts;

/// <summary>The signed-in person as services see it, read from the circuit's authentication state.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return state.User;
    }

    public async Task<Guid?> GetIdAsync()
    {
        var principal = await GetPrincipalAsync();
        return Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}
