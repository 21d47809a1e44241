using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

public sealed class BlazorOriginTests(SharedAppFactory factory) : IClassFixture<SharedAppFactory>
{
    [Fact]
    public async Task Negotiate_FromForeignOrigin_IsForbidden()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.SendAsync(Negotiate("https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromSameOrigin_Succeeds()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.SendAsync(Negotiate(client.BaseAddress!.GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiate_FromSameHostOtherPort_IsForbidden()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.SendAsync(Negotiate("http://localhost:8081"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage Negotiate(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return request;
    }
}
