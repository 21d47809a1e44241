using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Noress.App.Shared.Layout;

/// <summary>
/// An icon as MudIcon renders it (an svg with MudBlazor's classes), as one markup string per icon and class for the
/// whole node: plain markup instead of a MudIcon component in every circuit (ADR 0049, 0053).
/// </summary>
public static class ShellIcons
{
    /// <summary>MudIcon's classes for a medium icon of the default colour (as in MudNavLink).</summary>
    public const string Default = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium";

    /// <summary>MudIcon's classes for a medium icon that inherits its colour (as in MudIconButton and MudButton).</summary>
    public const string Inherit = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    private static readonly ConcurrentDictionary<(string Svg, string Classes), MarkupString> Cache = new();

    /// <summary>The svg element of <paramref name="svg"/> (MudBlazor's icon path markup) with <paramref name="classes"/>.</summary>
    public static MarkupString Svg(string svg, string classes = Inherit) => Cache.GetOrAdd((svg, classes), key => new MarkupString(
        "<svg class=\"" + key.Classes + "\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">"
        + key.Svg + "</svg>"));
}
