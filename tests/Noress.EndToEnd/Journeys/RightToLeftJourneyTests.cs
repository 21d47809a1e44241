using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Journeys;

/// <summary>The Arabic interface in a real browser: Arabic names first, the pager's text, numbers typed left to right.</summary>
[Collection(NoressServerCollection.Name)]
public sealed class RightToLeftJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";
    private const string Arabic = "ar-MA";

    [Fact]
    public async Task Secretariat_InArabic_SeesArabicNamesFirst_AReadablePager_AndNegativeNumbersWithTheirSign()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        await session.SwitchLanguageAsync(Arabic);
        try
        {
            await session.GoToInteractiveAsync("members");

            var firstName = page.GetByTestId("directory-grid").Locator("[data-name]").First;
            await Expect(firstName).ToHaveAttributeAsync("lang", "ar");
            await Expect(firstName).ToHaveAttributeAsync("dir", "rtl");
            // "1 إلى 25 من 35", each number isolated: never the "35 من 1-25" the hyphenated range gave.
            await Expect(page.Locator(".mud-table-pagination-caption").Last).ToHaveTextAsync("\u20661\u2069 إلى \u206625\u2069 من \u206635\u2069");

            await session.GoToInteractiveAsync("administration/reminders");
            var offset = page.Locator("input[inputmode='numeric']").First;
            await Expect(offset).ToBeVisibleAsync();
            Assert.Equal("ltr", await offset.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
            await session.AssertNoBrowserErrorsAsync();
        }
        finally
        {
            await session.SwitchLanguageAsync(French);
        }
    }
}
