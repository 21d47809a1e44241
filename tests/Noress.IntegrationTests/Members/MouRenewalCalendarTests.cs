using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Members.Mou;
using Noress.App.Shared.Time;

namespace Noress.IntegrationTests.Members;

public sealed class MouRenewalCalendarTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ListAsync_SignatureExpiringThatDay_IsAnAllDayEntryForTheInstitutionAndTheSecretariat()
    {
        var adsId = await host.InstitutionIdAsync("ADS");
        var expiry = new DateOnly(2031, 3, 26);
        await using (var db = await host.DbAsync())
        {
            var signature = await db.Set<MouSignature>().SingleAsync(s => s.InstitutionId == adsId);
            signature.ExpiresOn = expiry;
            await db.SaveChangesAsync();
        }

        var source = host.Factory.Services.GetServices<ICalendarSource>().Single(s => s.Kind == CalendarKinds.MouRenewal);
        var midnight = NoressClock.ToUtc(expiry.ToDateTime(TimeOnly.MinValue));
        var entries = await source.ListAsync(midnight.AddHours(-1), midnight.AddHours(1), default);

        var entry = Assert.Single(entries);
        Assert.Equal(("ADS", midnight, true, "/members/ADS"), (entry.Subject, entry.DueAtUtc, entry.AllDay, entry.Link));
        Assert.Equal([adsId], entry.Audience.Institutions);
        Assert.True(entry.Audience.Secretariat);
        Assert.Contains("ADS", source.Describe(entry), StringComparison.Ordinal);
        Assert.Empty(await source.ListAsync(midnight.AddHours(1), midnight.AddDays(1), default));
    }
}
