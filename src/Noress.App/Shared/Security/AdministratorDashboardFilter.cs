using Hangfire.Dashboard;
using Noress.App.Accounts;

namespace Noress.App.Shared.Security;

/// <summary>
/// Lets only administrators into the Hangfire dashboard. The endpoint itself requires a signed-in
/// user (so anonymous visitors are sent to the login page); Hangfire answers 403 to everyone else.
/// </summary>
internal sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Administrator);
}
