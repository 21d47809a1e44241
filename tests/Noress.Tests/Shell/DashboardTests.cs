using Bunit;
using Noress.App.Accounts;
using Noress.App.Home;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class DashboardTests : NoressTestContext
{
    [Fact]
    public async Task Render_WithDemoMembers_ShowsFiguresAndTheDemoBanner()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName, "ODCO");
        await database.AddPersonAsync(Guid.NewGuid(), "Youssef Amrani", "INDH");
        await SignInAsAsync(Roles.Member);

        var cut = RenderPage<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=figure-institutions] [data-value]").TextContent));
        Assert.Equal("2", cut.Find("[data-testid=figure-people] [data-value]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=figure-committees] [data-value]").TextContent);
        Assert.Contains("Institutions membres", cut.Find("[data-testid=figure-institutions]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=demo-banner]"));
    }

    [Fact]
    public async Task Render_EmptyDatabaseInEnglish_ShowsZeroesWithoutBanner()
    {
        UseCulture(NoressCultures.English);
        await UseDatabaseAsync();
        await SignInAsAsync(Roles.Member);

        var cut = RenderPage<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=figure-institutions] [data-value]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=demo-banner]"));
    }
}
