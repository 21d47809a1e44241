using System.Globalization;
using Bunit;
using Noress.App.Sessions;
using Noress.App.Sessions.Live;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions.Live;

public sealed class QuorumBannerTests : NoressTestContext
{
    // The banner can also load and follow a session by itself, so it needs the sessions services even when given a status.
    private async Task<IRenderedComponent<QuorumBanner>> RenderAsync(Action<ComponentParameterCollectionBuilder<QuorumBanner>> parameters)
    {
        await UseDatabaseAsync();
        Services.AddNoressSessions();
        return RenderPage(parameters);
    }

    [Fact]
    public async Task Render_EnoughPresentOrRepresented_SaysReachedWithTheCounts()
    {
        var cut = await RenderAsync(p => p.Add(b => b.Status, new QuorumStatus(35, 15, 3, 18, 1)));

        var banner = cut.Find("[data-testid=quorum-banner]");
        Assert.Equal("true", banner.GetAttribute("data-reached"));
        Assert.Equal("Quorum atteint", cut.Find("[data-testid=quorum-verdict]").TextContent);
        Assert.Equal("Première convocation", cut.Find("[data-testid=quorum-convocation]").TextContent);
        Assert.Equal("Présentes\u00a0: 15", cut.Find("[data-testid=quorum-present]").TextContent);
        Assert.Equal("Représentées\u00a0: 3", cut.Find("[data-testid=quorum-represented]").TextContent);
        Assert.Equal("Requises\u00a0: 18 sur 35", cut.Find("[data-testid=quorum-required]").TextContent);
        Assert.NotEmpty(cut.FindAll(".mud-alert-text-success, .mud-alert-filled-success, .mud-alert-outlined-success"));
    }

    [Fact]
    public async Task Render_OneShort_SaysNotReached()
    {
        var cut = await RenderAsync(p => p.Add(b => b.Status, new QuorumStatus(35, 15, 2, 18, 1)));

        Assert.Equal("false", cut.Find("[data-testid=quorum-banner]").GetAttribute("data-reached"));
        Assert.Equal("Quorum non atteint", cut.Find("[data-testid=quorum-verdict]").TextContent);
        Assert.NotEmpty(cut.FindAll(".mud-alert-text-warning, .mud-alert-filled-warning, .mud-alert-outlined-warning"));
    }

    [Fact]
    public async Task Render_SecondConvocation_SaysSoAndItsLowerQuorum()
    {
        var second = Quorum.Compute(35, 10, 2, new Fraction(1, 2), new Fraction(1, 3), 2);

        var cut = await RenderAsync(p => p.Add(b => b.Status, second));

        Assert.Equal("2", cut.Find("[data-testid=quorum-banner]").GetAttribute("data-convocation"));
        Assert.Equal("Deuxième convocation", cut.Find("[data-testid=quorum-convocation]").TextContent);
        Assert.Equal("Requises\u00a0: 12 sur 35", cut.Find("[data-testid=quorum-required]").TextContent);
        Assert.Equal("Quorum atteint", cut.Find("[data-testid=quorum-verdict]").TextContent);
    }

    [Fact]
    public async Task Render_ArabicHalfOnAFrenchPage_IsRightToLeftAndInArabic()
    {
        var cut = await RenderAsync(p => p
            .Add(b => b.Status, new QuorumStatus(35, 15, 3, 18, 2))
            .Add(b => b.Culture, CultureInfo.GetCultureInfo(NoressCultures.Arabic)));

        var banner = cut.Find("[data-testid=quorum-banner]");
        Assert.Equal("rtl", banner.GetAttribute("dir"));
        Assert.Equal("ar", banner.GetAttribute("lang"));
        Assert.Equal("الدعوة الثانية", cut.Find("[data-testid=quorum-convocation]").TextContent);
        Assert.Equal("المطلوب: 18 من أصل 35", cut.Find("[data-testid=quorum-required]").TextContent);
        // The page's own culture is untouched by the Arabic half.
        Assert.Equal(NoressCultures.French, CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task Render_OnAnArabicPage_FollowsThePageLanguage()
    {
        UseCulture(NoressCultures.Arabic);

        var cut = await RenderAsync(p => p.Add(b => b.Status, new QuorumStatus(35, 15, 2, 18, 1)));

        Assert.Null(cut.Find("[data-testid=quorum-banner]").GetAttribute("dir"));
        Assert.Equal("الدعوة الأولى", cut.Find("[data-testid=quorum-convocation]").TextContent);
        Assert.Equal("الحاضرة: 15", cut.Find("[data-testid=quorum-present]").TextContent);
    }
}
