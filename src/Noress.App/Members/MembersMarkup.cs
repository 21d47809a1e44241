using Microsoft.AspNetCore.Components;
using Noress.App.Shared.Layout;

namespace Noress.App.Members;

/// <summary>
/// MudBlazor's markup for the display-only parts of the institution page, written as plain elements (ADR 0054): the same
/// elements and classes, no component (about 4-5 KB of circuit memory each). A MudBlazor upgrade that changes these
/// classes must be followed here; <c>InstitutionPageMarkupTests</c> compares them with what MudBlazor renders.
/// </summary>
public static class MembersMarkup
{
    /// <summary>The icon as MudIcon renders it (medium, no colour), with <paramref name="extraClass"/> appended; one
    /// markup string per icon and class for the whole node (<see cref="ShellIcons"/>).</summary>
    public static MarkupString Icon(string svg, string size = "medium", string extraClass = "") =>
        ShellIcons.Svg(svg, $"mud-icon-root mud-svg-icon mud-icon-size-{size}{(extraClass.Length > 0 ? " " + extraClass : string.Empty)}");

    /// <summary>The classes of a small MudChip.</summary>
    public static string Chip(string color, bool outlined = false, string? extra = null) =>
        $"mud-chip mud-chip-{(outlined ? "outlined" : "filled")} mud-chip-size-small mud-chip-color-{color}{(extra is null ? string.Empty : " " + extra)}";

    /// <summary>The classes of a MudButton of the default colour.</summary>
    public static string Button(string variant, string size = "medium", string? extra = null) =>
        $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-default mud-button-{variant}-size-{size} mud-ripple{(extra is null ? string.Empty : " " + extra)}";
}
