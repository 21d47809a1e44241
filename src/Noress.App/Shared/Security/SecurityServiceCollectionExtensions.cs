using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Noress.App.Accounts.TwoFactor;
using Noress.App.Shared.Circuits;
using Noress.App.Shared.Health;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Noress.App.Shared.Security;

/// <summary>Security baseline and observability: headers, circuit limits, cookies, health and metrics.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Blazor's own meters (.NET 10): component rendering, lifecycle and server circuits.</summary>
    public static readonly IReadOnlyList<string> BlazorMeters =
    [
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static IServiceCollection AddNoressSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddServerSideBlazor(options =>
            {
                // A dropped connection (a phone changing networks, a laptop lid closed a moment) gets three minutes to
                // come back with its state: longer than the client's own reconnection attempts, short enough that a
                // held circuit's memory goes back to the live ones. At most 500 are held (ADR 0049): a quarter of the
                // 2,000 live circuits a node is sized for, so a room's Wi-Fi dropping keeps its people's pages while
                // a burst of disconnections cannot take more than a bounded share of the memory.
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                options.DisconnectedCircuitMaxRetained = 500;
                // Our JS calls are small (focus, scroll, clipboard); a minute-long wait would only hide a dead browser.
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                options.DetailedErrors = environment.IsDevelopment();
            })
            .AddHubOptions(options =>
            {
                // Long texts (minutes, rules) arrive in one message; anything bigger is refused before it is buffered.
                options.MaximumReceiveMessageSize = 128 * 1024;
            });

        // The circuits this node holds, to check that a closed page's circuit is released (ADR 0049).
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, OpenCircuitsHandler>();

        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "noress.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });

        services.AddSingleton(new JobServerHealthCheck.Startup(DateTimeOffset.UtcNow));
        services.AddHealthChecks().AddCheck<JobServerHealthCheck>("jobs", tags: [HealthTags.Ready]);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("noress"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
                .AddMeter([.. BlazorMeters])
                .AddPrometheusExporter());
        return services;
    }

    private static HealthCheckOptions HealthEndpoint(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = HealthResponseWriter.WriteAsync,
    };

    /// <summary>
    /// First in the pipeline (after the implicit routing, so the endpoint is known): headers on every
    /// response, and the origin check of every hub and WebSocket.
    /// </summary>
    public static IApplicationBuilder UseNoressSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>()
            .UseMiddleware<HubOriginMiddleware>();

    /// <summary>After authentication: gates /metrics by caller.</summary>
    public static IApplicationBuilder UseNoressMetricsAccess(this IApplicationBuilder app) =>
        app.UseMiddleware<MetricsAccessMiddleware>();

    /// <summary>Health (liveness and readiness), /metrics and the jobs dashboard.</summary>
    public static IEndpointRouteBuilder MapNoressOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers; no dependency is asked, so a database outage never restarts a node.
        endpoints.MapHealthChecks("/health/live", HealthEndpoint(HealthTags.Live)).AllowBeforeTwoFactorEnrolment().AllowPlainHttp();
        // Readiness: every check tagged "ready" (database, jobs, Redis, clamd, outbox, disk, and any a feature adds).
        endpoints.MapHealthChecks("/health/ready", HealthEndpoint(HealthTags.Ready)).AllowBeforeTwoFactorEnrolment().AllowPlainHttp();
        // The address deployments already probe; it answers as readiness does.
        endpoints.MapHealthChecks("/health", HealthEndpoint(HealthTags.Ready)).AllowBeforeTwoFactorEnrolment().AllowPlainHttp();
        endpoints.MapPrometheusScrapingEndpoint(MetricsAccessMiddleware.Path).RequireLocalOrAdministrator().AllowPlainHttp();
        endpoints.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorDashboardFilter()],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
        })
            // Refused by policy rather than by Hangfire's filter, so a signed-in member gets the access-denied page, not a bare 403 shown as "not found".
            .RequireAuthorization(Accounts.Policies.Administrator);
        return endpoints;
    }
}
