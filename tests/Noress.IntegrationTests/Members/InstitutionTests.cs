using Microsoft.EntityFrameworkCore;
using Noress.App.Members;

using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Members;

public sealed class InstitutionTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_BySecretariat_SavesTheInstitutionAndItsFirstStatus()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.CreateAsync(secretariat, MembersTestHost.NewInstitution(" new-one "), default));

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        var saved = await db.Institutions.SingleAsync(i => i.Id == result.Value);
        Assert.Equal("NEW-ONE", saved.Acronym);
        Assert.Equal("مؤسسة الاختبار", saved.NameAr);
        Assert.Equal(MembershipStatus.Active, saved.Status);
        Assert.Equal(1, await db.Set<InstitutionStatusChange>().CountAsync(c => c.InstitutionId == saved.Id));
    }

    [Fact]
    public async Task CreateAsync_DuplicateAcronymInAnotherCase_IsRefusedAndNothingSaved()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        await using var before = await host.DbAsync();
        var count = await before.Institutions.CountAsync();
        var changes = await before.Set<InstitutionStatusChange>().CountAsync();

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.CreateAsync(secretariat, MembersTestHost.NewInstitution("odco"), default));

        Assert.Equal("Error.AcronymTaken", result.Refusal?.Code);
        await using var after = await host.DbAsync();
        Assert.Equal(count, await after.Institutions.CountAsync());
        Assert.Equal(changes, await after.Set<InstitutionStatusChange>().CountAsync());
    }

    [Fact]
    public async Task UpdateAsync_ToAnotherInstitutionsAcronym_IsRefusedAndNothingChanged()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var input = MembersTestHost.NewInstitution("ODCO");

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.UpdateAsync(secretariat, adsId, input, default));

        Assert.Equal("Error.AcronymTaken", result.Refusal?.Code);
        await using var db = await host.DbAsync();
        var ads = await db.Institutions.SingleAsync(i => i.Id == adsId);
        Assert.Equal("ADS", ads.Acronym);
        Assert.Equal("Agence de Développement Social", ads.NameFr);
    }

    [Fact]
    public async Task UpdateAsync_BySecretariat_ChangesTheDetails()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var input = MembersTestHost.NewInstitution("ADS");
        input.Address = "12, avenue Mohammed V";

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.UpdateAsync(secretariat, adsId, input, default));

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        Assert.Equal("12, avenue Mohammed V", (await db.Institutions.SingleAsync(i => i.Id == adsId)).Address);
    }

    [Fact]
    public async Task CreateAsync_ByMember_IsNotAllowed()
    {
        var member = await host.PrincipalAsync("member@noress.demo");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.CreateAsync(member, MembersTestHost.NewInstitution("NOPE"), default)));
    }

    [Fact]
    public async Task ChangeStatusAsync_Suspend_AppendsHistoryAndEndsGoodStanding()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var odcoId = await host.InstitutionIdAsync("ODCO");
        var before = await host.WithAsync<InstitutionService, InstitutionDetails?>(s => s.GetAsync(secretariat, "odco", default));

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s =>
            s.ChangeStatusAsync(secretariat, odcoId, MembershipStatus.Suspended, new DateOnly(2020, 1, 1), "Test", default));

        Assert.True(result.Succeeded, result.Error);
        var after = await host.WithAsync<InstitutionService, InstitutionDetails?>(s => s.GetAsync(secretariat, "ODCO", default));
        Assert.True(before!.InGoodStanding);
        Assert.False(after!.InGoodStanding);
        Assert.Equal(before.History.Count + 1, after.History.Count);
        Assert.Equal(MembershipStatus.Suspended, after.History[0].Status);
    }

    [Fact]
    public async Task ChangeStatusAsync_SuspendWithoutReason_IsRefused()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var odcoId = await host.InstitutionIdAsync("ODCO");

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s =>
            s.ChangeStatusAsync(secretariat, odcoId, MembershipStatus.Suspended, new DateOnly(2020, 1, 1), " ", default));

        Assert.Equal("Error.ReasonRequired", result.Refusal?.Code);
    }
}
