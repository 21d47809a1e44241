using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Noress.App.Plans.Grid;

/// <summary>
/// Plain markup for the plan pages (ADR 0055): the HTML MudBlazor's buttons and icons render, without their components,
/// and the small strings (numbers, icons) every page of the node shares instead of allocating its own.
/// </summary>
public static class PlanMarkup
{
    private static readonly ConcurrentDictionary<(string Svg, string Size), string> Svgs = new();
    private static readonly string[] Numbers = [.. Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A small number as a string shared by every page (aria-rowindex, aria-level).</summary>
    public static string Number(int value) =>
        value >= 0 && value < Numbers.Length ? Numbers[value] : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An icon as MudIcon renders it (<paramref name="size"/>: small, medium), one string per icon for the node.</summary>
    public static string Svg(string paths, string size = "medium") => Svgs.GetOrAdd((paths, size), k =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{k.Size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{k.Svg}</svg>");

    /// <summary>An icon placed as MudButton places its start icon.</summary>
    public static MarkupString ButtonIcon(string paths) =>
        new("<span class=\"mud-button-icon-start mud-button-icon-size-medium\">" + Svg(paths) + "</span>");

    /// <summary>MudButton's classes for a variant ("text", "filled", "outlined") and a color ("default", "primary").</summary>
    public static string ButtonClass(string variant, string color) => (variant, color) switch
    {
        ("text", "default") => "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple",
        ("text", "primary") => "mud-button-root mud-button mud-button-text mud-button-text-primary mud-button-text-size-medium mud-ripple",
        ("filled", "primary") => "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-medium mud-ripple",
        ("outlined", "default") => "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-medium mud-ripple",
        _ => $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-medium mud-ripple",
    };

    /// <summary>Text for an element's content or a quoted attribute: only the five characters HTML gives a meaning are escaped.</summary>
    public static void Encode(StringBuilder html, string? text)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (var c in text ?? string.Empty)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
    }

    /// <summary>A markup string per culture, built once for the node (help texts, the grid's header).</summary>
    public static MarkupString PerCulture(ConcurrentDictionary<string, MarkupString> cache, Func<string> build)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(build);
        return cache.GetOrAdd(CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name, _ => new MarkupString(build()));
    }
}
