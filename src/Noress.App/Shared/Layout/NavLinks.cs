using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Noress.App.Shared.Layout;

/// <summary>What the drawer's plain links need from NavLink and MudIcon: the active match and the icon's markup.</summary>
public static class NavLinks
{
    /// <summary>The icon as MudIcon renders it in a MudNavLink (one markup string per icon for the whole node).</summary>
    public static MarkupString Icon(string svg) => ShellIcons.Svg(svg, IconClasses);

    private const string IconClasses = ShellIcons.Default + " mud-nav-link-icon mud-nav-link-icon-default";

    /// <summary>
    /// As NavLink matches: <see cref="NavLinkMatch.All"/> the whole path, <see cref="NavLinkMatch.Prefix"/> the path or a
    /// path below it; case-insensitive, the query and fragment ignored.
    /// </summary>
    /// <param name="relative">The current location relative to the base address (no leading slash).</param>
    /// <param name="href">The link's relative address.</param>
    /// <param name="match">How the link matches.</param>
    public static bool IsActive(string relative, string href, NavLinkMatch match)
    {
        var end = relative.IndexOfAny(['?', '#']);
        var path = (end < 0 ? relative : relative[..end]).TrimEnd('/');
        var target = href.TrimEnd('/');
        if (path.Equals(target, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return match == NavLinkMatch.Prefix && target.Length > 0
            && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
    }
}
