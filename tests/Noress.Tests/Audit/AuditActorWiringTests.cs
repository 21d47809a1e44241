using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Noress.App.Audit;

namespace Noress.Tests.Audit;

public sealed class AuditActorWiringTests
{
    private static readonly Guid UserId = new("0b3c6f1e-0000-4000-8000-00000000000a");

    [Fact]
    public async Task Middleware_SignedInUser_IsTheActorDuringTheRequestOnly()
    {
        AuditActor? seen = null;
        var middleware = new AuditActorMiddleware(_ =>
        {
            seen = AuditActorContext.Actor;
            return Task.CompletedTask;
        });

        await middleware.InvokeAsync(new DefaultHttpContext { User = SignedIn() });

        Assert.Equal(new AuditActor(UserId, "secretariat@noress.demo"), seen);
        Assert.Equal(AuditActor.System, AuditActorContext.Actor);
    }

    [Fact]
    public async Task Middleware_Anonymous_IsRecordedAsAnonymous()
    {
        AuditActor? seen = null;
        var middleware = new AuditActorMiddleware(_ =>
        {
            seen = AuditActorContext.Actor;
            return Task.CompletedTask;
        });

        await middleware.InvokeAsync(new DefaultHttpContext());

        Assert.Equal(new AuditActor(null, "anonymous"), seen);
    }

    [Fact]
    public async Task CircuitHandler_InboundActivity_RunsAsTheCircuitUser()
    {
        var handler = new AuditActorCircuitHandler(new FixedAuthenticationStateProvider(SignedIn()));
        AuditActor? seen = null;

        var inbound = handler.CreateInboundActivityHandler(async _ =>
        {
            await Task.Yield();
            seen = AuditActorContext.Actor;
        });
        await inbound(null!);

        Assert.Equal(new AuditActor(UserId, "secretariat@noress.demo"), seen);
        Assert.Equal(AuditActor.System, AuditActorContext.Actor);
    }

    private static ClaimsPrincipal SignedIn() =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, UserId.ToString()), new Claim(ClaimTypes.Name, "secretariat@noress.demo")],
            "Test"));

    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
