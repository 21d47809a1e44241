using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar.Feed;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Notifications;

public sealed class CalendarFeedTests
{
    [Fact]
    public async Task Feed_ValidToken_ReturnsTheOwnersEntriesAsICalendar()
    {
        await using var factory = new NoressAppFactory();
        var secretariat = await factory.UserAsync("secretariat@noress.demo");
        var expiresAt = DateTime.UtcNow.AddDays(3);
        var invitation = await factory.AddInvitationAsync(secretariat, "Amina Haddad", expiresAt);
        var token = await factory.Services.GetRequiredService<CalendarFeedService>().RegenerateAsync(secretariat.Id);
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync($"/calendar/feed/{token}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var entry = Assert.Single(calendar.Events, e => e.Uid == $"invitation.expiry.{invitation.Id:N}@noress");
        Assert.Contains("Amina Haddad", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(expiresAt.Ticks / TimeSpan.TicksPerSecond, entry.DtStart!.AsUtc.Ticks / TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task Feed_RevokedRegeneratedOrUnknownToken_IsNotFound()
    {
        await using var factory = new NoressAppFactory();
        var member = await factory.UserAsync("member@noress.demo");
        var feeds = factory.Services.GetRequiredService<CalendarFeedService>();
        var client = factory.CreateAnonymousClient();
        var old = await feeds.RegenerateAsync(member.Id);
        var current = await feeds.RegenerateAsync(member.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/feed/{old}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/calendar/feed/{current}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/feed/not-a-token.ics")).StatusCode);

        await feeds.RevokeAsync(member.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/feed/{current}.ics")).StatusCode);
    }
}
