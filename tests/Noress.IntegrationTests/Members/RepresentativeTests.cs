using Microsoft.EntityFrameworkCore;
using Noress.App.Members;

using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Members;

public sealed class RepresentativeTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AppointAsync_OverlappingTitularMandate_IsRefusedAndNothingSaved()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var rep1 = await host.UserIdAsync("rep1@noress.demo");
        await using var before = await host.DbAsync();
        var count = await before.Set<RepresentativeMandate>().CountAsync();

        // The demo titular of ADS holds an open-ended mandate since a year ago.
        var result = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s =>
            s.AppointAsync(secretariat, adsId, rep1, RepresentativeRole.Titular, DateOnly.FromDateTime(DateTime.UtcNow), null, default));

        Assert.Equal("Error.TitularOverlap", result.Refusal?.Code);
        await using var after = await host.DbAsync();
        Assert.Equal(count, await after.Set<RepresentativeMandate>().CountAsync());
    }

    [Fact]
    public async Task EndThenAppoint_NewTitular_KeepsTheHistoryAndMovesTheVoice()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var member = await host.UserIdAsync("member@noress.demo");
        var rep1 = await host.UserIdAsync("rep1@noress.demo");
        await using var db = await host.DbAsync();
        var current = await db.Set<RepresentativeMandate>().SingleAsync(m => m.InstitutionId == adsId && m.Role == RepresentativeRole.Titular);
        var end = current.StartsOn.AddDays(30);

        var ended = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s => s.EndAsync(secretariat, current.Id, end, default));
        var appointed = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s =>
            s.AppointAsync(secretariat, adsId, member, RepresentativeRole.Titular, end.AddDays(1), null, default));

        Assert.True(ended.Succeeded, ended.Error);
        Assert.True(appointed.Succeeded, appointed.Error);
        var endedAgain = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s => s.EndAsync(secretariat, current.Id, end.AddDays(5), default));
        Assert.Equal("Error.MandateClosed", endedAgain.Refusal?.Code);
        var voice = await host.WithAsync<RepresentativeService, Representation>(s => s.ResolveAsync(adsId, end.AddDays(2), new HashSet<Guid> { member }, default));
        Assert.Equal(member, voice.TitularId);
        Assert.Equal(rep1, voice.SpeakerId);
    }

    [Fact]
    public async Task AppointAsync_PersonOfAnotherInstitution_IsRefused()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var rep2 = await host.UserIdAsync("rep2@noress.demo");

        var result = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s =>
            s.AppointAsync(secretariat, adsId, rep2, RepresentativeRole.Alternate, new DateOnly(2030, 1, 1), null, default));

        Assert.Equal("Error.RepresentativeNotMember", result.Refusal?.Code);
    }
}
