using System.Net;
using System.Text.Json;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

public sealed class OperationsEndpointTests(SharedAppFactory factory) : IClassFixture<SharedAppFactory>
{
    [Fact]
    public async Task Jobs_Anonymous_RedirectsToLogin()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2Fjobs", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Jobs_Member_IsSentToAccessDenied()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_Secretariat_IsSentToAccessDenied()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_Administrator_SeesDashboard()
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsDatabaseAndJobsAsJson()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body);
        var entries = json.RootElement.GetProperty("entries");
        Assert.Equal("Healthy", entries.GetProperty("database").GetProperty("status").GetString());
        // The job server may still be announcing itself this early in the app's life.
        Assert.Contains(entries.GetProperty("jobs").GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
    }

    [Fact]
    public async Task Metrics_AnonymousRemoteCaller_IsNotFound()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Member_IsNotFound()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_Administrator_GetsPrometheusText()
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");
        await client.GetAsync("/");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }
}
