using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts.TwoFactor;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

/// <summary>
/// Issue 8 §1 for every endpoint, not a list (ADR 0013): each endpoint of the routing table (pages, minimal APIs,
/// file exports and downloads, hubs, the jobs dashboard) is requested by staff who must enrol in two-factor and have
/// not, and must send them to enrolment (GET) or refuse (other methods), unless it is reviewed in
/// <see cref="AllowedBeforeEnrolment"/>. An export added later (sessions, plans, calls...) is checked without anyone
/// remembering it.
/// </summary>
public sealed class TwoFactorEndpointSweepTests(TwoFactorRequiredAppFactory factory) : IClassFixture<TwoFactorRequiredAppFactory>
{
    /// <summary>Endpoints that carry <see cref="AllowBeforeTwoFactorEnrolmentAttribute"/>, by route pattern, with the reason.</summary>
    private static readonly Dictionary<string, string> AllowedBeforeEnrolment = new(StringComparer.Ordinal)
    {
        ["/Account/*"] = "the account pages (Accounts/Pages/_Imports.razor): sign-in steps, enrolment itself, password and address",
        ["/Account/Logout"] = "signing out",
        ["/culture/set"] = "the language switch",
        ["/health"] = "load balancer probe, no data",
        ["/health/live"] = "load balancer probe, no data",
        ["/health/ready"] = "load balancer probe, no data",
    };

    /// <summary>The endpoints that produce files: each must be in the routing table, and so in the sweep.</summary>
    private static readonly string[] FileEndpoints =
    [
        "/documents/{id:guid}/export.md",
        "/documents/{id:guid}/export.pdf",
        "/documents/{id:guid}/print",
        "/members/files/directory.csv",
        "/members/files/directory.xlsx",
        "/members/files/logos/{institutionId:guid}",
        "/members/files/mou-scans/{institutionId:guid}",
        "/calendar/feed/{token}.ics",
        "/sessions/{id:guid}/minutes/{culture}.pdf",
        "/sessions/{id:guid}/minutes/draft/{culture}.pdf",
        "/sessions/proxies/{proxyId:guid}/mandate",
        "/action-plans/{planId:guid}/export.xlsx",
        "/action-plans/{planId:guid}/export.csv",
        "/action-plans/{planId:guid}/report.pdf",
        "/action-plans/evidence/{id:guid}",
        "/applications/{id:guid}/receipt",
        "/applications/files/{id:guid}",
        "/calls/review/files/{id:guid}",
        "/applications/{id:guid}/decision-letter",
        "/applications/{id:guid}/dossier",
        "/calls/{id:guid}/scores.xlsx",
    ];

    [Fact]
    public void EndpointsAllowedBeforeEnrolment_AreOnlyTheReviewedOnes()
    {
        var unreviewed = Endpoints()
            .Where(e => TwoFactorEnforcementMiddleware.IsAllowed(e))
            .Select(Pattern)
            .Where(p => !IsReviewed(p))
            .ToList();

        Assert.True(unreviewed.Count == 0, "These endpoints are open to staff who have not enrolled in two-factor. Remove "
            + "AllowBeforeTwoFactorEnrolment, or add them to AllowedBeforeEnrolment with the reason (ADR 0013):\n" + string.Join('\n', unreviewed));
    }

    [Fact]
    public void FileEndpoints_AreAllInTheRoutingTable_AndEnforced()
    {
        var byPattern = Endpoints().ToLookup(Pattern, StringComparer.Ordinal);

        foreach (var pattern in FileEndpoints)
        {
            Assert.True(byPattern.Contains(pattern), $"{pattern} is not in the routing table: update FileEndpoints.");
            Assert.All(byPattern[pattern], e => Assert.False(TwoFactorEnforcementMiddleware.IsAllowed(e), $"{pattern} is allowed before enrolment."));
        }
    }

    [Theory]
    [InlineData("secretariat@noress.demo")]
    [InlineData("admin@noress.demo")]
    public async Task EveryEndpoint_RequestedByUnenrolledStaff_IsSentToEnrolmentOrRefused_UnlessReviewed(string email)
    {
        var client = await factory.CreateSignedInClientAsync(email);
        var leaks = new List<string>();
        var checkedPatterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            if (IsReviewed(pattern))
            {
                continue;
            }

            var path = Fill(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != HttpMethods.Get && method != HttpMethods.Head)
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.SendAsync(request);
                checkedPatterns.Add(pattern);
                if (!IsEnforced(method, response))
                {
                    leaks.Add($"{method} {path} ({pattern}) answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(checkedPatterns.Count > 60, $"Only {checkedPatterns.Count} endpoints: the routing table was not read.");
        Assert.All(FileEndpoints, pattern => Assert.Contains(pattern, checkedPatterns));
        Assert.True(leaks.Count == 0, "These endpoints answer staff who have not enrolled in two-factor (ADR 0013):\n" + string.Join('\n', leaks));
    }

    // Enrolment for a read, 403 for anything else; or the access-denied page when the endpoint's own policy (checked
    // first, by UseAuthorization) already refuses this person: either way nothing is served.
    private static bool IsEnforced(string method, HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.Ordinal))
        {
            return true;
        }

        return method == HttpMethods.Get || method == HttpMethods.Head
            ? response.StatusCode == HttpStatusCode.Redirect && location == TwoFactorEnforcementMiddleware.EnrolmentPath
            : response.StatusCode == HttpStatusCode.Forbidden;
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor") is false)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal)];

    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    private static bool IsReviewed(string pattern) =>
        AllowedBeforeEnrolment.ContainsKey(pattern) || pattern.StartsWith("/Account/", StringComparison.Ordinal);

    /// <summary>
    /// The pattern with each parameter filled by a value its constraint accepts. The gate runs before the handler, so
    /// the value needs to route, not to exist: a handler's own 404 for an unknown id would show the gate was skipped.
    /// </summary>
    private static string Fill(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsCatchAll: true } => "x",
                    RoutePatternParameterPart parameter when parameter.Name.Equals("culture", StringComparison.OrdinalIgnoreCase) => "fr",
                    RoutePatternParameterPart parameter when Constrained(parameter, "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart parameter when Constrained(parameter, "int") || Constrained(parameter, "long") => "1",
                    RoutePatternParameterPart parameter when Constrained(parameter, "datetime") => "2026-12-05",
                    RoutePatternParameterPart => "x",
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static bool Constrained(RoutePatternParameterPart parameter, string constraint) =>
        parameter.ParameterPolicies.Any(p => string.Equals(p.Content, constraint, StringComparison.OrdinalIgnoreCase));
}
