using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Accounts.Outside;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Calls.Outside;

/// <summary>
/// The wall around outside initiatives' accounts (ADR 0038): every endpoint the app maps (pages, minimal APIs, file
/// links, hubs, the jobs dashboard) is taken from the routing table, not from a list, and must refuse a confirmed outside
/// account, unless it is on <see cref="AllowList"/>. A new endpoint that forgets its policy fails here.
/// </summary>
public sealed class OutsideWallTests(OutsideWallHost host) : IClassFixture<OutsideWallHost>
{
    private const string Email = OutsideWallHost.Email;

    /// <summary>
    /// What an outside account may reach, by route pattern, each with the reason. Everything else must refuse it.
    /// The calls feature adds its public call pages here when it is merged.
    /// </summary>
    private static readonly Dictionary<string, string> AllowList = new(StringComparer.Ordinal)
    {
        ["/applicant"] = "its own area",
        ["/applicant/password"] = "its own password",
        ["/applicant/calls/{CallId:guid}"] = "its entry in a call open to outside initiatives (404 for any other call; OutsideApplyingTests)",
        ["/applicant/applications/{ApplicationId:guid}"] = "its own application: ApplicationService answers 404 for anyone else's (OutsideApplyingTests)",
        ["/applications/files/{id:guid}"] = "its own application's files: the applicant-side policy, ApplicationService answers 404 for anyone else's (OutsideApplyingTests)",
        ["/applications/{id:guid}/receipt"] = "its own receipt: the applicant-side policy, ApplicationService answers 404 for anyone else's (OutsideApplyingTests)",
        ["/applications/{id:guid}/decision-letter"] = "its own decision letter once the results are published: the applicant-side policy, DecisionLetterService answers 404 for anyone else's and before publication (OutsideResultTests, ADR 0050)",
        ["/applications/{id:guid}/dossier"] = "its own application's dossier: the applicant-side policy, DossierService answers 404 for anyone else's (OutsideResultTests, ADR 0050)",
        ["/public/calls/{CallId:guid}"] = "anonymous: a call open to outside initiatives, in three languages",
        ["/public/calls/{CallId:guid}/results"] = "anonymous: the published results of a call open to outside initiatives (CallResultsService)",
        ["/Account/Logout"] = "signing out",
        ["/Account/Login"] = "anonymous: sign-in",
        ["/Account/LoginWith2fa"] = "anonymous: sign-in step",
        ["/Account/LoginWithRecoveryCode"] = "anonymous: sign-in step",
        ["/Account/Lockout"] = "anonymous: sign-in step",
        ["/Account/ForgotPassword"] = "anonymous: password reset",
        ["/Account/ForgotPasswordConfirmation"] = "anonymous: password reset",
        ["/Account/ResetPassword"] = "anonymous: password reset",
        ["/Account/ResetPasswordConfirmation"] = "anonymous: password reset",
        ["/Account/AcceptInvitation"] = "anonymous: needs a secret invitation token",
        ["/Account/ConfirmEmailChange"] = "anonymous: needs a secret token",
        ["/Account/AccessDenied"] = "anonymous: the refusal page",
        ["/Account/RegisterInitiative"] = "anonymous: registration",
        ["/Account/RegisterInitiativeSent"] = "anonymous: registration",
        ["/Account/ConfirmInitiative"] = "anonymous: needs a secret confirmation token",
        ["/not-found"] = "anonymous: the not-found page",
        ["/error"] = "anonymous: the error page",
        ["/culture/set"] = "anonymous: the language switch",
        ["/health"] = "anonymous: load balancer probe, no data",
        ["/health/live"] = "anonymous: load balancer probe, no data",
        ["/health/ready"] = "anonymous: load balancer probe, no data",
        ["/metrics"] = "the local network or an administrator (MetricsAccessMiddleware), not a person's page",
        ["/calendar/feed/{token}.ics"] = "anonymous: the token is the credential, and CalendarService gives outside accounts no viewer",
        ["/_blazor"] = "the Blazor circuit: each component authorizes itself (AuthorizeRouteView)",
        ["/_blazor/negotiate"] = "the Blazor circuit",
        ["/_blazor/initializers"] = "the Blazor circuit",
        ["/_blazor/disconnect"] = "the Blazor circuit",
        ["/_blazor/disconnect/"] = "the Blazor circuit",
        ["/{**path:file}"] = "the static assets' fallback (MapStaticAssets): files of wwwroot only, no data",
        ["/_blazor/initializers/"] = "the Blazor circuit",
        ["/_framework/opaque-redirect"] = "the Blazor framework",
        ["/_framework/blazor.server.js"] = "the Blazor framework's script",
        ["/_framework/blazor.web.js"] = "the Blazor framework's script",
    };

    private readonly NoressAppFactory factory = host.Factory;
    private readonly HttpClient client = host.Client;
    private readonly ClaimsPrincipal outside = host.Principal;

    [Fact]
    public async Task EveryEndpoint_ItsAuthorization_RefusesAnOutsideAccount_UnlessAllowListed()
    {
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var leaks = new List<string>();
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/members");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == DocumentsServiceCollectionExtensions.HubPath);
        foreach (var endpoint in endpoints)
        {
            var pattern = Pattern(endpoint);
            if (AllowList.ContainsKey(pattern))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                leaks.Add($"{pattern} ({endpoint.DisplayName}) allows anonymous access");
                continue;
            }

            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            if (policy is null)
            {
                leaks.Add($"{pattern} ({endpoint.DisplayName}) has no authorization at all");
            }
            else if ((await authorization.AuthorizeAsync(outside, policy)).Succeeded)
            {
                leaks.Add($"{pattern} ({endpoint.DisplayName}) admits any signed-in account: require Policies.Member (or a narrower policy)");
            }
        }

        Assert.True(leaks.Count == 0, Explain(leaks));
    }

    [Fact]
    public async Task EveryEndpoint_RequestedByAnOutsideAccount_IsRefusedOrSentBackToItsArea_UnlessAllowListed()
    {
        var samples = await SamplesAsync();
        var leaks = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            if (AllowList.ContainsKey(pattern))
            {
                continue;
            }

            var path = Fill(endpoint.RoutePattern, samples);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != HttpMethods.Get)
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.SendAsync(request);
                checkedCount++;
                if (!IsRefusal(response))
                {
                    leaks.Add($"{method} {path} ({pattern}) answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(checkedCount > 40, $"Only {checkedCount} requests: the routing table was not read.");
        Assert.True(leaks.Count == 0, Explain(leaks));
    }

    [Fact]
    public async Task MembersAndDocuments_DirectVisit_SendsTheAccountBackToItsAreaWithANotice()
    {
        foreach (var path in new[] { "/", "/members", "/documents", "/calendar", "/notifications", "/Account/Manage/Email" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(OutsideAccounts.RefusedPath, response.Headers.Location!.OriginalString);
        }

        var area = await client.GetStringAsync(OutsideAccounts.RefusedPath);
        Assert.Contains("data-testid=\"applicant-refused\"", area, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"members\"", area, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentHub_OutsideAccount_CannotConnect()
    {
        var cookies = new CookieContainer();
        using (var signIn = factory.CreateDefaultClient(new CookieContainerHandler(cookies)))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await signIn.PostLoginAsync(Email, OutsideInitiatives.Password)).StatusCode);
        }

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, DocumentsServiceCollectionExtensions.HubPath), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Headers["Cookie"] = cookies.GetCookieHeader(factory.Server.BaseAddress);
            })
            .Build();

        // Refused at negotiation, so no group (a document's, and through it no session's or plan's) can be joined.
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.InRange((int)(refused.StatusCode ?? HttpStatusCode.OK), 400, 499);
    }

    [Fact]
    public async Task Services_ReadingForAnySignedInPerson_RefuseAnOutsideAccount()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => services.GetRequiredService<App.Members.MembersAccess>().EnsureMemberAsync(outside));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => services.GetRequiredService<App.Sessions.SessionsAccess>().EnsureMemberAsync(outside));
        Assert.False(await services.GetRequiredService<App.Plans.PlansAccess>().IsMemberAsync(outside));
        Assert.Null(await services.GetRequiredService<App.Calendar.CalendarService>().ViewerAsync(OutsideId(), default));
        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<App.Members.PeopleService>().SearchAsync(outside, null, 0, 10, default));

        // And the members never find it among people.
        var secretariat = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(
            (await services.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync("secretariat@noress.demo"))!);
        var people = await services.GetRequiredService<App.Members.PeopleService>().SearchAsync(secretariat, "tifawin", 0, 10, default);
        Assert.Empty(people.Rows);
    }

    private Guid OutsideId() => Guid.Parse(outside.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal)
            .ToList();

    // MapStaticAssets maps each file of wwwroot: public by nature, no person's data.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    private static bool IsRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect
            && (location == OutsideAccounts.RefusedPath || location.Contains("/Account/AccessDenied", StringComparison.Ordinal));
    }

    private static string Explain(List<string> leaks) =>
        "These endpoints let an outside initiative's account through. Give each a policy (Policies.Member or narrower), "
        + "or, if an outside account must reach it, add it to OutsideWallTests.AllowList with the reason (ADR 0038):\n"
        + string.Join('\n', leaks);

    /// <summary>Real ids from the demo data, by route parameter, so a handler's own "not found" cannot hide a missing policy.</summary>
    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var ads = await db.Institutions.Where(i => i.Acronym == "ADS").Select(i => i.Id).SingleAsync();
        var member = await db.Users.Where(u => u.Email == "member@noress.demo").Select(u => u.Id).SingleAsync();
        var document = await db.Documents.Select(d => (Guid?)d.Id).FirstOrDefaultAsync() ?? Guid.NewGuid();
        var committee = await db.Committees.Select(c => (Guid?)c.Id).FirstOrDefaultAsync() ?? Guid.NewGuid();
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["documents"] = document.ToString(),
            ["committees"] = committee.ToString(),
            ["people"] = member.ToString(),
            ["members"] = "ADS",
            ["logos"] = ads.ToString(),
            ["mou-scans"] = ads.ToString(),
            ["articles"] = "9",
            ["culture"] = "fr",
        };
    }

    /// <summary>The pattern with each parameter filled: the sample for the segment before it, else a fresh id.</summary>
    private static string Fill(RoutePattern pattern, Dictionary<string, string> samples)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previous = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var sample = parameter.Name.Equals("culture", StringComparison.OrdinalIgnoreCase) ? samples["culture"]
                            : parameter.IsCatchAll ? string.Empty
                            : previous is not null && samples.TryGetValue(previous, out var value) ? value
                            : Guid.NewGuid().ToString();
                        path.Append(sample);
                        break;
                }
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}

/// <summary>One app and one confirmed outside initiative, signed in, for all the wall's tests.</summary>
public sealed class OutsideWallHost : IAsyncLifetime
{
    public const string Email = "wall@tifawin.example";

    public NoressAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ClaimsPrincipal Principal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = await Factory.SignedInOutsideInitiativeAsync(Email);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByEmailAsync(Email) ?? throw new InvalidOperationException("No outside account.");
        Principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
