using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Noress.App.Shared.Layout;

/// <summary>
/// Writes the style blocks MudThemeProvider writes (scrollbar, charts, the theme's CSS variables), built once per node
/// for each palette and culture and shared by every circuit. It is a plain component, not a MudThemeProvider: that one
/// builds the CSS again at every render and keeps a default MudTheme of its own (about 10 KB) in every circuit
/// (ADR 0053, 0067). The platform does not follow the system's dark mode; the layout's toggle sets it.
/// </summary>
public sealed class NoressThemeProvider : ComponentBase
{
    // MudThemeProvider's own chart style block, copied from its markup (the bUnit test compares both providers' output).
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>";

    private static readonly MarkupString Scrollbar = new(StyleWriter.Scrollbar());

    // Keyed by the culture too, in case a number in the theme is formatted with it; three cultures, two palettes.
    private static readonly ConcurrentDictionary<(bool Dark, string Culture), MarkupString> Styles = new();

    /// <summary>The theme; only <see cref="NoressTheme.Theme"/> is shared, any other is written at each render.</summary>
    [Parameter]
    public MudTheme Theme { get; set; } = NoressTheme.Theme;

    /// <summary>Whether the dark palette is used.</summary>
    [Parameter]
    public bool IsDarkMode { get; set; }

    /// <summary>Leave the browser's scrollbar as it is instead of MudBlazor's thin one.</summary>
    [Parameter]
    public bool DefaultScrollbar { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddContent(0, Scrollbar);
        }

        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, ReferenceEquals(Theme, NoressTheme.Theme)
            ? Styles.GetOrAdd((IsDarkMode, CultureInfo.CurrentCulture.Name), key => new MarkupString(StyleWriter.Css(NoressTheme.Theme, key.Dark)))
            : new MarkupString(StyleWriter.Css(Theme, IsDarkMode)));
    }

    /// <summary>
    /// MudThemeProvider's writing of the styles, used outside any renderer: its CSS comes from the theme and the dark
    /// flag alone (an instance not yet initialized reads its parameters' values as they are).
    /// </summary>
    private sealed class StyleWriter : MudThemeProvider
    {
        private StyleWriter(MudTheme theme, bool dark)
        {
            Theme = theme;
            IsDarkMode = dark;
        }

        public static string Css(MudTheme theme, bool dark) => new StyleWriter(theme, dark).BuildTheme();

        public static string Scrollbar() => BuildMudBlazorScrollbar();
    }
}
