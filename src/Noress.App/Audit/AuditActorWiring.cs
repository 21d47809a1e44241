using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;

namespace Noress.App.Audit;

internal static class AuditActors
{
    /// <summary>Someone not signed in (login attempts, lockouts): distinct from background work's "system".</summary>
    public static readonly AuditActor Anonymous = new(null, "anonymous");

    public static AuditActor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        return new AuditActor(id, user.Identity.Name);
    }
}

/// <summary>Makes the signed-in person the actor of every change saved while handling an HTTP request.</summary>
internal sealed class AuditActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (AuditActorContext.Use(AuditActors.From(context.User)))
        {
            await next(context);
        }
    }
}

/// <summary>
/// Interactive circuits run outside any HTTP request: each inbound event (click, JS callback) runs with
/// the circuit's user as the actor, and the async-local value follows the work it starts.
/// </summary>
internal sealed class AuditActorCircuitHandler(AuthenticationStateProvider authenticationStateProvider) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (AuditActorContext.Use(await CurrentActorAsync()))
            {
                await next(context);
            }
        };

    private async Task<AuditActor> CurrentActorAsync()
    {
        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            return AuditActors.From(state.User);
        }
        catch (InvalidOperationException)
        {
            // The circuit's first activity may run before its authentication state is set.
            return AuditActors.Anonymous;
        }
    }
}
