using System.Net;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Calls;

/// <summary>Over HTTP, as a browser: an application of another institution does not exist for the demo member (404 everywhere).</summary>
public sealed class ApplicationPagesTests
{
    [Fact]
    public async Task AnotherInstitutionsApplication_PageReceiptAndFiles_Answer404()
    {
        await using var calls = await CallsTestHost.StartAsync(DatabaseProvider.Sqlite);
        Guid memberInstitution;
        await using (var db = await calls.DbAsync())
        {
            memberInstitution = await db.Users.Where(u => u.Email == "member@noress.demo").Select(u => u.InstitutionId!.Value).SingleAsync();
        }

        var other = calls.Host.Representatives.First(r => r.Key != memberInstitution).Value;
        var id = await calls.CompleteDraftAsync(other);
        CallsTestHost.Ok(await calls.ApplicationsAsync(async s => await s.SubmitAsync(other, id, (await calls.ApplicationAsync(id)).Version, default)));
        using var member = await calls.Host.Factory.CreateSignedInClientAsync("member@noress.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/files/{Guid.NewGuid()}")).StatusCode);
        // The call itself is public to members.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/calls/{calls.CallId}")).StatusCode);
    }
}
