using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

/// <summary>An app that also trusts one configured origin, as behind a proxy that rewrites the host.</summary>
public sealed class AllowedOriginAppFactory : NoressAppFactory
{
    public const string AllowedOrigin = "https://noress.example";

    public AllowedOriginAppFactory() => With("Security:AllowedOrigins:0", AllowedOrigin);
}

/// <summary>Every hub (the Blazor circuit and the document hub) refuses foreign and opaque origins, on negotiate and on WebSocket connect.</summary>
public sealed class HubOriginTests(AllowedOriginAppFactory factory) : IClassFixture<AllowedOriginAppFactory>
{
    private const string SameOrigin = "http://localhost";

    public static TheoryData<string, string> RefusedHubsAndOrigins()
    {
        var data = new TheoryData<string, string>();
        foreach (var hub in new[] { "/_blazor", DocumentsServiceCollectionExtensions.HubPath })
        {
            foreach (var origin in new[] { "https://evil.example", "null", "http://localhost:8081", "https://sub.noress.example" })
            {
                data.Add(hub, origin);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedHubsAndOrigins))]
    public async Task Negotiate_FromForeignOrNullOrigin_IsForbidden(string hub, string origin)
    {
        var cookie = await SignInCookieAsync("member@noress.demo");

        var response = await factory.CreateDefaultClient().SendAsync(Negotiate(hub, origin, cookie));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task EveryHubInTheRoutingTable_NegotiateFromForeignOrigin_IsForbidden()
    {
        // Read from the routing table, so a hub mapped later is checked without being added to the lists above.
        var hubs = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
            .Where(p => !p.EndsWith("/negotiate", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/_blazor", hubs);
        Assert.Contains(DocumentsServiceCollectionExtensions.HubPath, hubs);
        var cookie = await SignInCookieAsync("member@noress.demo");

        foreach (var hub in hubs)
        {
            var response = await factory.CreateDefaultClient().SendAsync(Negotiate(hub, "https://evil.example", cookie));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{hub}/negotiate from a foreign origin answered {(int)response.StatusCode}.");
        }
    }

    [Theory]
    [MemberData(nameof(RefusedHubsAndOrigins))]
    public async Task WebSocketConnect_FromForeignOrNullOrigin_IsForbidden(string hub, string origin)
    {
        var cookie = await SignInCookieAsync("member@noress.demo");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectWebSocketAsync(hub, origin, cookie));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_blazor", SameOrigin)]
    [InlineData("/_blazor", AllowedOriginAppFactory.AllowedOrigin)]
    [InlineData(DocumentsServiceCollectionExtensions.HubPath, SameOrigin)]
    [InlineData(DocumentsServiceCollectionExtensions.HubPath, AllowedOriginAppFactory.AllowedOrigin)]
    public async Task Negotiate_FromSameOrAllowedOrigin_Succeeds(string hub, string origin)
    {
        var cookie = await SignInCookieAsync("member@noress.demo");

        var response = await factory.CreateDefaultClient().SendAsync(Negotiate(hub, origin, cookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SameOrigin)]
    [InlineData(AllowedOriginAppFactory.AllowedOrigin)]
    public async Task DocumentHubWebSocket_FromSameOrAllowedOrigin_IsAccepted(string origin)
    {
        var cookie = await SignInCookieAsync("member@noress.demo");

        using var socket = await ConnectWebSocketAsync(DocumentsServiceCollectionExtensions.HubPath, origin, cookie);

        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static HttpRequestMessage Negotiate(string hub, string origin, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    // Without negotiation a WebSocket may open a connection directly (as SignalR's skipNegotiation does).
    private Task<WebSocket> ConnectWebSocketAsync(string hub, string origin, string cookie)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            request.Headers.Origin = origin;
            request.Headers.Cookie = cookie;
        };
        return client.ConnectAsync(new Uri(factory.Server.BaseAddress, hub), CancellationToken.None);
    }

    private async Task<string> SignInCookieAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await client.PostLoginAsync(email, AuthenticatedClient.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.GetCookieHeader(factory.Server.BaseAddress);
    }
}
