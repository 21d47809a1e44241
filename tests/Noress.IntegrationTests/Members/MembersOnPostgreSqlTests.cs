using System.Net;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

/// <summary>The members rules on the real server (started by test.sh): refusals, transactions and deactivation.</summary>
public sealed class MembersOnPostgreSqlTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new(provider: DatabaseProvider.PostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Deactivation_OnPostgreSql_RefusesTheNextRequestOfTheSession()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members")).StatusCode);
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");

        await host.WithAsync<PeopleService, Outcome<Guid>>(s => s.SetActiveAsync(secretariat, memberId, active: false, default));

        var response = await client.GetAsync("/members");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateAcronym_OnPostgreSql_IsRefusedAndNothingSaved()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.CreateAsync(secretariat, MembersTestHost.NewInstitution("Ads"), default));

        Assert.Equal("Error.AcronymTaken", result.Refusal?.Code);
        await using var db = await host.DbAsync();
        Assert.Equal(35, await db.Institutions.CountAsync());
    }

    [Fact]
    public async Task OverlappingTitular_OnPostgreSql_IsRefusedInsideTheTransaction()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        var rep1 = await host.UserIdAsync("rep1@noress.demo");

        var overlap = await host.WithAsync<RepresentativeService, Outcome<Guid>>(s =>
            s.AppointAsync(secretariat, adsId, rep1, RepresentativeRole.Titular, new DateOnly(2040, 1, 1), null, default));

        Assert.Equal("Error.TitularOverlap", overlap.Refusal?.Code);
    }

    [Fact]
    public async Task Search_OnPostgreSql_IsCaseInsensitive()
    {
        var member = await host.PrincipalAsync("member@noress.demo");

        var page = await host.WithAsync<InstitutionService, DirectoryPage>(s => s.SearchAsync(member, new DirectoryQuery("UNIVERSITÉ"), 0, 50, default));

        Assert.Equal(["UAE"], page.Rows.Select(r => r.Acronym));
    }
}
