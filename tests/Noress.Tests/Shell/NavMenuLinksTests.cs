using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Shared.Layout;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

/// <summary>The drawer's plain links behave as the MudNavLinks they replace (ADR 0049).</summary>
public sealed class NavMenuLinksTests : NoressTestContext
{
    [Theory]
    [InlineData("", "", NavLinkMatch.All, true)]
    [InlineData("members", "", NavLinkMatch.All, false)]
    [InlineData("?tab=2", "", NavLinkMatch.All, true)]
    [InlineData("members", "members", NavLinkMatch.Prefix, true)]
    [InlineData("members/ADS", "members", NavLinkMatch.Prefix, true)]
    [InlineData("Members/ADS?x=1#top", "members", NavLinkMatch.Prefix, true)]
    [InlineData("membership", "members", NavLinkMatch.Prefix, false)]
    [InlineData("members/", "members", NavLinkMatch.Prefix, true)]
    [InlineData("calendar", "members", NavLinkMatch.Prefix, false)]
    public void IsActive_MatchesAsNavLinkDoes(string location, string href, NavLinkMatch match, bool expected) =>
        Assert.Equal(expected, NavLinks.IsActive(location, href, match));

    [Fact]
    public async Task Render_MarksTheCurrentAreaActive_AndFollowsNavigation()
    {
        await SignInAsAsync(Roles.Member);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("members/ADS");

        var nav = RenderPage<NavMenu>();

        var members = nav.Find("a.mud-nav-link[href='members']");
        Assert.Contains("active", members.ClassList);
        Assert.Equal("page", members.GetAttribute("aria-current"));
        Assert.DoesNotContain("active", nav.Find("a.mud-nav-link[href='']").ClassList);
        Assert.NotNull(members.QuerySelector("svg.mud-nav-link-icon"));

        await nav.InvokeAsync(() => navigation.NavigateTo("calendar"));

        Assert.Contains("active", nav.Find("a.mud-nav-link[href='calendar']").ClassList);
        Assert.DoesNotContain("active", nav.Find("a.mud-nav-link[href='members']").ClassList);
        Assert.Null(nav.Find("a.mud-nav-link[href='members']").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Render_ForAMember_HasOneLinkPerAreaAndNoComponentPerLink()
    {
        await SignInAsAsync(Roles.Member);

        var nav = RenderPage<NavMenu>();

        // The home page, every area and the calendar, each a plain link: no MudNavLink for a member (the staff's group keeps its own).
        Assert.Equal(PlatformAreas.All.Count + 2, nav.FindAll("a.mud-nav-link").Count);
        Assert.Empty(nav.FindComponents<MudBlazor.MudNavLink>());
    }
}
