using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Noress.App.Calendar;
using Noress.App.Members;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Uploads;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>Right to left: user text isolated, Arabic names first in Arabic, the month's empty state, the pager's text.</summary>
public sealed class RightToLeftTests : NoressTestContext
{
    private const string OdcoFr = "Office du développement de la coopération";
    private const string OdcoAr = "مكتب تنمية التعاون";

    [Theory]
    [InlineData(NoressCultures.Arabic, "ar", OdcoAr)]
    [InlineData(NoressCultures.French, "fr", OdcoFr)]
    [InlineData(NoressCultures.English, "fr", OdcoFr)]
    public void BilingualName_EachCulture_PutsTheReadersLanguageFirst(string culture, string firstLang, string firstName)
    {
        UseCulture(culture);

        var cut = RenderPage<BilingualName>(p => p.Add(c => c.French, OdcoFr).Add(c => c.Arabic, OdcoAr));

        var names = cut.FindAll("[data-name]");
        Assert.Equal(2, names.Count);
        Assert.Equal(firstLang, names[0].GetAttribute("lang"));
        Assert.Equal(firstName, names[0].TextContent.Trim());
        Assert.NotNull(names[0].QuerySelector("bdi"));
        Assert.Contains("mud-text-secondary", names[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void BilingualName_NoArabicVariant_ShowsTheFrenchOnly()
    {
        UseCulture(NoressCultures.Arabic);

        var cut = RenderPage<BilingualName>(p => p.Add(c => c.French, "Amina Benali").Add(c => c.Arabic, " "));

        Assert.Equal("Amina Benali", Assert.Single(cut.FindAll("[data-name]")).TextContent.Trim());
    }

    [Fact]
    public void PageTitle_WithArabicSubject_IsolatesTheSubject()
    {
        UseCulture(NoressCultures.French);

        var cut = RenderPage<NoressPageTitle>(p => p.Add(c => c.Title, "Historique").Add(c => c.Subject, "خطة العمل 2026\u202E"));

        Assert.Equal("Historique · \u2068خطة العمل 2026\u2069 · NORESS", cut.Instance.Text);
    }

    [Fact]
    public void PageTitle_WithoutSubject_IsThePageAndThePlatform()
    {
        UseCulture(NoressCultures.French);

        var cut = RenderPage<NoressPageTitle>(p => p.Add(c => c.Title, "Historique"));

        Assert.Equal("Historique · NORESS", cut.Instance.Text);
    }

    [Theory]
    [InlineData(NoressCultures.Arabic, "لا توجد أحداث في هذا الشهر.")]
    [InlineData(NoressCultures.French, "Aucun événement ce mois-ci.")]
    [InlineData(NoressCultures.English, "No events this month.")]
    public void MonthView_EmptyMonth_SaysSo(string culture, string expected)
    {
        UseCulture(culture);

        var cut = RenderPage<MonthView>(p => p.Add(c => c.Month, new DateOnly(2026, 3, 1)).Add(c => c.Items, []));

        Assert.Equal(expected, cut.Find("[data-testid=month-empty]").TextContent.Trim());
    }

    [Fact]
    public void MonthView_EventInTheMonth_ShowsItsChipWithEllipsisAndTitle()
    {
        UseCulture(NoressCultures.Arabic);
        var entry = new CalendarEntry("mou", "1", "ODCO", new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), false, null, CalendarAudience.SecretariatOnly);

        var cut = RenderPage<MonthView>(p => p.Add(c => c.Month, new DateOnly(2026, 3, 1)).Add(c => c.Items, [new CalendarItem(entry, "ODCO : renouvellement de la convention")]));

        Assert.Empty(cut.FindAll("[data-testid=month-empty]"));
        var chip = cut.Find(".noress-month-chip");
        Assert.Equal("ODCO : renouvellement de la convention", chip.GetAttribute("title"));
        Assert.Equal("BDI", chip.QuerySelector(".noress-month-chip-text")!.TagName);
    }

    [Fact]
    public void MonthView_EventOnlyInTheNextMonthsDays_StillSaysTheMonthIsEmpty()
    {
        UseCulture(NoressCultures.French);
        var entry = new CalendarEntry("mou", "1", "ODCO", new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc), false, null, CalendarAudience.SecretariatOnly);

        var cut = RenderPage<MonthView>(p => p.Add(c => c.Month, new DateOnly(2026, 3, 1)).Add(c => c.Items, [new CalendarItem(entry, "ODCO")]));

        Assert.NotNull(cut.Find("[data-testid=month-empty]"));
    }

    [Theory]
    [InlineData(NoressCultures.Arabic, "\u20661\u2069 إلى \u206625\u2069 من \u206630\u2069")]
    [InlineData(NoressCultures.French, "1–25 sur 30")]
    // MudBlazor keeps its own English texts; the resx entry only documents them.
    [InlineData(NoressCultures.English, "1-25 of 30")]
    public async Task Directory_ThirtyInstitutions_PagerSaysWhichRowsOfHowMany(string culture, string expected)
    {
        UseCulture(culture);
        await ArrangeDirectoryAsync(30);

        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<MembersDirectory>();

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task Directory_Arabic_ShowsTheArabicNameFirst()
    {
        UseCulture(NoressCultures.Arabic);
        await ArrangeDirectoryAsync(1);

        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<MembersDirectory>();

        cut.WaitForAssertion(() => Assert.Equal(OdcoAr, cut.FindAll("[data-name]")[0].TextContent.Trim()));
    }

    private async Task ArrangeDirectoryAsync(int count)
    {
        var database = await UseDatabaseAsync();
        Services.AddScoped<MembersAccess>();
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.GetTempPath() }), Path.GetTempPath()));
        Services.AddSingleton<Noress.App.Shared.Uploads.UploadScanner>();
        Services.AddScoped<InstitutionService>();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Institutions.AddRange(Enumerable.Range(1, count).Select(i => new Institution { Acronym = $"I{i:D2}", NameFr = OdcoFr, NameAr = OdcoAr }));
            await db.SaveChangesAsync();
        }

        await SignInAsAsync(Noress.App.Accounts.Roles.Member);
    }
}
