using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts.TwoFactor;
using Noress.App.Calendar.Feed;
using Noress.IntegrationTests.Documents;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Notifications;

namespace Noress.IntegrationTests.Security;

/// <summary>Production's rule (staff must enrol in two-factor) on the demo accounts, none of which has enrolled.</summary>
public sealed class TwoFactorRequiredAppFactory : NoressAppFactory
{
    public TwoFactorRequiredAppFactory() => With("Accounts:RequireTwoFactorForStaff", "true");
}

public sealed class TwoFactorEnforcementTests(TwoFactorRequiredAppFactory factory) : IClassFixture<TwoFactorRequiredAppFactory>
{
    [Theory]
    [InlineData("/documents/{id}/export.md")]
    [InlineData("/documents/{id}/export.pdf")]
    [InlineData("/members/files/directory.csv")]
    [InlineData("/members/files/directory.xlsx")]
    public async Task DataEndpoint_WithFileExtension_UnenrolledStaff_IsSentToEnrolment(string path)
    {
        // A real document: an unknown one would answer 404, whose re-executed page is enforced anyway.
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "# Règlement\n");
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync(path.Replace("{id}", id.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorEnforcementMiddleware.EnrolmentPath, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CalendarFeed_WithCookieOfUnenrolledStaff_IsSentToEnrolment()
    {
        var admin = await factory.UserAsync("admin@noress.demo");
        var token = await factory.Services.GetRequiredService<CalendarFeedService>().RegenerateAsync(admin.Id);
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");

        var response = await client.GetAsync($"/calendar/feed/{token}.ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorEnforcementMiddleware.EnrolmentPath, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CalendarFeed_TokenOfUnenrolledStaff_IsNotFound_WhileAMembersTokenWorks()
    {
        var feeds = factory.Services.GetRequiredService<CalendarFeedService>();
        var staffToken = await feeds.RegenerateAsync((await factory.UserAsync("secretariat@noress.demo")).Id);
        var memberToken = await feeds.RegenerateAsync((await factory.UserAsync("member@noress.demo")).Id);
        var calendarApp = factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync($"/calendar/feed/{staffToken}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync($"/calendar/feed/{memberToken}.ics")).StatusCode);
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/health")]
    public async Task StaticAssetsAndHealth_UnenrolledStaff_AreServed(string path)
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CultureSwitch_UnenrolledStaff_IsNotSentToEnrolment()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync("/culture/set?culture=en&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UnknownPathWithExtension_UnenrolledStaff_IsSentToEnrolment()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync("/not-a-static-file.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorEnforcementMiddleware.EnrolmentPath, response.Headers.Location!.OriginalString);
    }
}
