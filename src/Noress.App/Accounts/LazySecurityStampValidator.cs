using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts;

/// <summary>
/// Identity's cookie check of the security stamp, with its sign-in manager, user manager and database context resolved in
/// a scope of their own, and only when the check is due. Resolved from the request's scope, they lived as long as the
/// request: for the circuit's and the document hub's WebSocket requests, as long as the page (ADR 0058).
/// </summary>
internal sealed class LazySecurityStampValidator(IOptions<SecurityStampValidatorOptions> options, IServiceScopeFactory scopes) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The same test as SecurityStampValidator's own: a cookie younger than the interval is not checked.
        var issued = context.Properties.IssuedUtc;
        var now = (options.Value.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (issued is not null && now - issued.Value <= options.Value.ValidationInterval)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var validator = new SecurityStampValidator<NoressUser>(
            services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>(),
            services.GetRequiredService<SignInManager<NoressUser>>(),
            services.GetRequiredService<ILoggerFactory>());
        await validator.ValidateAsync(context);
    }
}
