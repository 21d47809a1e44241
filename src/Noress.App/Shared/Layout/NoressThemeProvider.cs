using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using MudBlazor.Extensions;

namespace Noress.App.Shared.Layout;

/// <summary>
/// MudThemeProvider writing the same styles, but the theme's CSS variables are built once per node for the light and the
/// dark palette and shared by every circuit: MudThemeProvider builds that string (several KB) again in every circuit and
/// at every render of the layout (ADR 0053). Everything else (dark mode state, the system preference) is MudBlazor's.
/// </summary>
public sealed class NoressThemeProvider : MudThemeProvider
{
    // MudThemeProvider's own chart style block, copied from its markup (the bUnit test compares both providers' output).
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>";

    private static readonly MarkupString Scrollbar = new(BuildMudBlazorScrollbar());

    // Keyed by the culture too, in case a number in the theme is formatted with it; three cultures, two palettes.
    private static readonly ConcurrentDictionary<(bool Dark, string Culture), MarkupString> Styles = new();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!ReferenceEquals(Theme, NoressTheme.Theme))
        {
            // Only the platform's theme is shared; any other is built as MudBlazor builds it.
            base.BuildRenderTree(builder);
            return;
        }

        if (!DefaultScrollbar)
        {
            builder.AddContent(0, Scrollbar);
        }

        builder.AddMarkupContent(1, ChartStyle);
        var key = (this.GetState(x => x.IsDarkMode), CultureInfo.CurrentCulture.Name);
        if (!Styles.TryGetValue(key, out var style))
        {
            style = Styles.GetOrAdd(key, new MarkupString(BuildTheme()));
        }

        builder.AddContent(2, style);
    }
}
