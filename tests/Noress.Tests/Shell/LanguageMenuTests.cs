using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class LanguageMenuTests : NoressTestContext
{
    [Fact]
    public async Task Open_OffersTheThreeLanguagesEachInItsOwnName()
    {
        var (popovers, cut) = RenderWithPopovers<LanguageMenu>();

        await cut.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-culture]")));
        var items = popovers.FindAll("[data-culture]");
        Assert.Equal(NoressCultures.Supported, items.Select(i => i.GetAttribute("data-culture")));
        Assert.Equal(["Français", "العربية", "English"], items.Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public async Task Open_LinksSwitchTheCultureAndReturnToTheCurrentPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("members?page=2");
        var (popovers, cut) = RenderWithPopovers<LanguageMenu>();

        await cut.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-culture]")));
        var hrefs = popovers.FindAll("[data-culture]")
            .Select(i => i.GetAttribute("href") ?? i.QuerySelector("a")?.GetAttribute("href"))
            .ToList();
        Assert.Equal(
            [
                "/culture/set?culture=fr-MA&returnUrl=%2Fmembers%3Fpage%3D2",
                "/culture/set?culture=ar-MA&returnUrl=%2Fmembers%3Fpage%3D2",
                "/culture/set?culture=en-GB&returnUrl=%2Fmembers%3Fpage%3D2",
            ],
            hrefs);
    }

    [Fact]
    public void Render_HasATranslatedLabel()
    {
        UseCulture(NoressCultures.English);

        var cut = RenderPage<LanguageMenu>();

        Assert.Equal("Language", cut.Find("button").GetAttribute("aria-label"));
    }
}
