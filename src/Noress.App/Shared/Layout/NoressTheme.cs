using MudBlazor;

namespace Noress.App.Shared.Layout;

/// <summary>The platform palette: a deep green for the ESS network, system fonts (no external font links).</summary>
public static class NoressTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b6b4a",
            Secondary = "#c27c0e",
            AppbarBackground = "#1b6b4a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5fc08f",
            Secondary = "#e0a84a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Tahoma", "sans-serif"],
            },
        },
    };
}
