using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Uploads;

namespace Noress.Tests.Members;

/// <summary>The directory page over a real in-memory SQLite database (schema from the model).</summary>
public sealed class MembersDirectoryTests : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public MembersDirectoryTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddNoressLocalization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero)));
        Services.AddDbContextFactory<NoressDbContext>(o => o.UseSqlite(connection));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<MembersAccess>();
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.GetTempPath() }), Path.GetTempPath()));
        Services.AddSingleton<Noress.App.Shared.Uploads.UploadScanner>();
        Services.AddScoped<InstitutionService>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("member@noress.test");
        authorization.SetRoles(Roles.Member);
        authorization.SetPolicies(Policies.Member);
    }

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        db.Institutions.AddRange(
            new Institution { Acronym = "ODCO", NameFr = "Office du Développement de la Coopération", NameAr = "مكتب تنمية التعاون", Category = InstitutionCategory.PublicAgency },
            new Institution { Acronym = "UAE", NameFr = "Université Abdelmalek Essaâdi", NameAr = "جامعة عبد المالك السعدي", Category = InstitutionCategory.University },
            new Institution { Acronym = "FAN", NameFr = "Fédération des Associations du Nord", NameAr = "فيدرالية جمعيات الشمال", Category = InstitutionCategory.Federation, Status = MembershipStatus.Suspended });
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public void Directory_Rendered_ShowsEveryInstitutionInAcronymOrder()
    {
        Render<MudPopoverProvider>();
        var cut = Render<MembersDirectory>();

        cut.WaitForAssertion(() => Assert.Equal(["FAN", "ODCO", "UAE"], Acronyms(cut)));
        Assert.Contains("مكتب تنمية التعاون", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_SearchByName_ShowsOnlyMatchingRows()
    {
        Render<MudPopoverProvider>();
        var cut = Render<MembersDirectory>();
        cut.WaitForAssertion(() => Assert.Equal(3, Acronyms(cut).Count));

        var search = cut.FindComponents<MudTextField<string>>().Single();
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("université"));

        cut.WaitForAssertion(() => Assert.Equal(["UAE"], Acronyms(cut)));
        Assert.Contains("search=universit", cut.Find("[data-testid=export-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_StatusFilter_ShowsOnlyThatStatus()
    {
        Render<MudPopoverProvider>();
        var cut = Render<MembersDirectory>();
        cut.WaitForAssertion(() => Assert.Equal(3, Acronyms(cut).Count));

        var status = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == Label(cut, "Field.Status"));
        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(nameof(MembershipStatus.Suspended)));

        cut.WaitForAssertion(() => Assert.Equal(["FAN"], Acronyms(cut)));
    }

    private static List<string> Acronyms(IRenderedComponent<MembersDirectory> cut) =>
        [.. cut.FindAll("[data-testid=directory-acronym]").Select(a => a.TextContent.Trim())];

    private static string Label(IRenderedComponent<MembersDirectory> cut, string key) =>
        cut.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MembersText>>()[key];
}
