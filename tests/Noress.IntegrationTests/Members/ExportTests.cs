using System.Net;
using System.Text;
using MiniExcelLibs;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

public sealed class ExportTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Csv_Anonymous_IsRefused()
    {
        var response = await host.Factory.CreateAnonymousClient().GetAsync("/members/files/directory.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Xlsx_Anonymous_IsRefused()
    {
        var response = await host.Factory.CreateAnonymousClient().GetAsync("/members/files/directory.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Csv_Unfiltered_HasAHeaderAndAllThirtyFiveInstitutions()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/members/files/directory.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Sigle;", lines[0], StringComparison.Ordinal);
        Assert.Equal(36, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("ODCO;", StringComparison.Ordinal) && l.Contains("مكتب تنمية التعاون", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_Filtered_HonoursSearchCategoryAndStatus()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var universities = await client.GetStringAsync("/members/files/directory.csv?category=University");
        var suspended = await client.GetStringAsync("/members/files/directory.csv?status=Suspended");
        var search = await client.GetStringAsync("/members/files/directory.csv?search=chambre");

        Assert.Equal(["ENCG-T", "FSJES-T", "UAE"], Acronyms(universities));
        Assert.Equal(["CPM-MED", "TALASSEMTANE"], Acronyms(suspended));
        Assert.Equal(["CAM-TTA", "CAR-TTA", "CCIS-TTA", "CPM-MED"], Acronyms(search));
    }

    [Fact]
    public async Task Xlsx_Filtered_IsAWorkbookWithTheSameRows()
    {
        var client = await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var response = await client.GetAsync("/members/files/directory.xlsx?category=University");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["ENCG-T", "FSJES-T", "UAE"], rows.Select(r => r["Sigle"]?.ToString()));
        Assert.Equal("جامعة عبد المالك السعدي", rows[2]["Nom (arabe)"]?.ToString());
    }

    [Fact]
    public async Task Csv_CommaAsked_UsesCommas()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var csv = await client.GetStringAsync("/members/files/directory.csv?category=University&separator=comma");

        Assert.StartsWith("Sigle,Nom", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private static string[] Acronyms(string csv) =>
        [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[0])];
}
