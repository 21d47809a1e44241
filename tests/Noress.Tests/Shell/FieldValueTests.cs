using Bunit;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class FieldValueTests : NoressTestContext
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Render_NothingGiven_ShowsADash(string? text)
    {
        var cut = RenderPage<FieldValue>(p => p.Add(x => x.Text, text));

        Assert.Equal("—", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindAll("bdi"));
    }

    [Fact]
    public void Render_Given_ShowsTheIsolatedTextWithItsAttributes()
    {
        var cut = RenderPage<FieldValue>(p => p.Add(x => x.Text, "+212 5 39 12 34 56").AddUnmatched("dir", "ltr"));

        var bdi = cut.Find("bdi");
        Assert.Equal("+212 5 39 12 34 56", bdi.TextContent);
        Assert.Equal("ltr", bdi.GetAttribute("dir"));
        Assert.Empty(cut.FindAll("[data-empty]"));
    }
}
