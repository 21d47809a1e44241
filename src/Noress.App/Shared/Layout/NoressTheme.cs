using MudBlazor;

namespace Noress.App.Shared.Layout;

/// <summary>
/// The platform palette: a deep green for the ESS network, system fonts (no external font links). Every colour meets
/// WCAG AA (4.5:1) as text on the surface, on its own light tint (alerts, text chips) and under its contrast text
/// (filled chips and buttons): MudBlazor's defaults (a bright green, blue, orange and red) do not.
/// </summary>
public static class NoressTheme
{
    // Dark text on the dark theme's light colours: white on them falls near 2:1.
    private const string DarkContrastText = "rgba(0,0,0,0.87)";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b6b4a",
            Secondary = "#8a5300",
            Info = "#1565c0",
            Success = "#26732c",
            Warning = "#8f5000",
            Error = "#b71c1c",
            AppbarBackground = "#1b6b4a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5fc08f",
            PrimaryContrastText = DarkContrastText,
            Secondary = "#e0a84a",
            SecondaryContrastText = DarkContrastText,
            Info = "#64b5f6",
            InfoContrastText = DarkContrastText,
            Success = "#66bb6a",
            SuccessContrastText = DarkContrastText,
            Warning = "#ffb74d",
            WarningContrastText = DarkContrastText,
            Error = "#ef9a9a",
            ErrorContrastText = DarkContrastText,
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
