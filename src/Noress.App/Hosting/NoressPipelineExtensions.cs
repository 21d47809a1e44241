using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Accounts.TwoFactor;
using Noress.App.Audit;
using Noress.App.Calendar.Feed;
using Noress.App.Documents;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Security;

namespace Noress.App.Hosting;

public static class NoressPipelineExtensions
{
    /// <summary>The middleware that runs before endpoints, in order.</summary>
    public static WebApplication UseNoress(this WebApplication app)
    {
        app.UseNoressSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        if (!app.Environment.IsDevelopment())
        {
            // A plain-HTTP request the redirection above could not send to HTTPS gets a page saying so.
            app.UseNoressHttpsRequired();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseNoressAuditActor();
        app.UseNoressMetricsAccess();
        app.UseNoressAccounts();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Every endpoint the platform serves besides the Razor components.</summary>
    public static WebApplication MapNoressEndpoints(this WebApplication app)
    {
        // Sign-out and the language switch stay reachable for staff who still have to enrol in two-factor.
        var beforeEnrolment = app.MapGroup(string.Empty).AllowBeforeTwoFactorEnrolment();
        beforeEnrolment.MapAccountEndpoints();
        beforeEnrolment.MapCultureEndpoints();
        app.MapNoressOperationsEndpoints();
        Members.MembersEndpoints.MapMembersEndpoints(app);
        app.MapCalendarFeed();
        app.MapNoressDocuments();
        Sessions.Minutes.MinutesServiceCollectionExtensions.MapNoressMinutes(app);
        Sessions.Attendance.ProxyMandateEndpoints.MapProxyMandates(app);
        Plans.Grid.PlanGridServiceCollectionExtensions.MapNoressPlanGrid(app);
        Calls.CallsServiceCollectionExtensions.MapNoressCalls(app);
        Calls.Review.CallsReviewServiceCollectionExtensions.MapNoressCallsReview(app);
        Calls.Outputs.CallsOutputsServiceCollectionExtensions.MapNoressCallsOutputs(app);
        return app;
    }
}
