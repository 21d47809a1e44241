using System.Net;
using Microsoft.EntityFrameworkCore;
using Noress.App.Members;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

public sealed class PeopleTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_EmailOfAnotherPerson_IsRefusedAndNothingSaved()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");
        var details = await host.WithAsync<PeopleService, PersonDetails?>(s => s.GetAsync(secretariat, memberId, default));
        var input = details!.Profile;
        input.Email = "REP1@noress.demo";
        input.JobTitle = "Changed";

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.UpdateAsync(secretariat, memberId, input, default));

        Assert.Equal("Error.EmailTaken", result.Refusal?.Code);
        await using var db = await host.DbAsync();
        var member = await db.Users.SingleAsync(u => u.Id == memberId);
        Assert.Equal("member@noress.demo", member.Email);
        Assert.NotEqual("Changed", member.JobTitle);
    }

    [Fact]
    public async Task UpdateAsync_OwnProfile_SavesTheProfile()
    {
        var member = await host.PrincipalAsync("member@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");
        var details = await host.WithAsync<PeopleService, PersonDetails?>(s => s.GetAsync(member, memberId, default));
        var input = details!.Profile;
        input.JobTitle = "Chargé de mission";
        input.PreferredCulture = "ar";

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.UpdateAsync(member, memberId, input, default));

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        var saved = await db.Users.SingleAsync(u => u.Id == memberId);
        Assert.Equal(("Chargé de mission", "ar"), (saved.JobTitle, saved.PreferredCulture));
    }

    [Fact]
    public async Task UpdateAsync_SomeoneElsesProfileByMember_IsNotAllowed()
    {
        var member = await host.PrincipalAsync("member@noress.demo");
        var rep1 = await host.UserIdAsync("rep1@noress.demo");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.WithAsync<PeopleService, Outcome<Guid>>(s => s.UpdateAsync(member, rep1, new PersonInput { FullName = "X", Email = "x@noress.demo" }, default)));
    }

    [Fact]
    public async Task SetActiveAsync_Deactivated_TheNextRequestOfTheirSessionIsRefused()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members")).StatusCode);
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.SetActiveAsync(secretariat, memberId, active: false, default));

        Assert.True(result.Succeeded, result.Error);
        var page = await client.GetAsync("/members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var export = await client.GetAsync("/members/files/directory.csv");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        // Where the person's open circuits are sent: the login page says why.
        var login = await client.GetStringAsync("/Account/Login?deactivated");
        Assert.Contains("data-testid=\"login-error\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetActiveAsync_Reactivated_CanSignInAgain()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");
        await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.SetActiveAsync(secretariat, memberId, active: false, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Factory.CreateSignedInClientAsync("member@noress.demo"));

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.SetActiveAsync(secretariat, memberId, active: true, default));

        Assert.True(result.Succeeded, result.Error);
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members")).StatusCode);
    }

    [Fact]
    public async Task SetActiveAsync_Self_IsRefused()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var selfId = await host.UserIdAsync("secretariat@noress.demo");

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.SetActiveAsync(secretariat, selfId, active: false, default));

        Assert.Equal("Error.DeactivateSelf", result.Refusal?.Code);
    }

    [Fact]
    public async Task UpdateAsync_OwnEmail_IsRefusedAndMustGoThroughConfirmation()
    {
        var member = await host.PrincipalAsync("member@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");
        var details = await host.WithAsync<PeopleService, PersonDetails?>(s => s.GetAsync(member, memberId, default));
        Assert.False(details!.CanEditEmail);
        var input = details.Profile;
        input.Email = "attacker@example.org";

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.UpdateAsync(member, memberId, input, default));

        Assert.Equal("Error.OwnEmailByConfirmation", result.Refusal?.Code);
        await using var db = await host.DbAsync();
        Assert.Equal("member@noress.demo", (await db.Users.SingleAsync(u => u.Id == memberId)).Email);
    }

    [Fact]
    public async Task UpdateAsync_SecretariatChangesSomeonesEmail_TheOldAddressIsToldThroughTheOutbox()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");
        var details = await host.WithAsync<PeopleService, PersonDetails?>(s => s.GetAsync(secretariat, memberId, default));
        Assert.True(details!.CanEditEmail);
        var input = details.Profile;
        input.Email = "member.moved@example.org";

        var result = await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.UpdateAsync(secretariat, memberId, input, default));

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        var notice = Assert.Single(await db.OutboxMessages.Where(m => m.ToAddress == "member@noress.demo").ToListAsync());
        Assert.Contains("member.moved@example.org", notice.TextBody, StringComparison.Ordinal);
    }
}
