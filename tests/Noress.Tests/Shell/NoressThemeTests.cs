using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities;
using Noress.App.Documents;
using Noress.App.Shared.Layout;

namespace Noress.Tests.Shell;

/// <summary>
/// Every colour of the palette that carries text is readable (WCAG AA, 4.5:1): as text on the page, on its own light
/// tint (alerts, text chips) and under its contrast text (filled chips, buttons). axe-core checks the pages shown;
/// this checks the colours no page happens to show yet.
/// </summary>
public sealed class NoressThemeTests
{
    private const double Minimum = 4.5;

    public static TheoryData<string> LightColours => ["Primary", "Secondary", "Info", "Success", "Warning", "Error"];

    [Theory]
    [MemberData(nameof(LightColours))]
    public void LightPalette_Colour_IsReadableAsTextOnItsTintAndUnderItsContrastText(string name)
    {
        var palette = NoressTheme.Theme.PaletteLight;
        var colour = Rgb(Value(palette, name));
        var surface = Rgb(Value(palette, "Surface"));

        Assert.True(Contrast(colour, surface) >= Minimum, $"{name} on the surface: {Contrast(colour, surface):0.00}");
        // MudBlazor's alerts and text chips lay the colour on a 6 to 12 % tint of itself.
        var tint = Blend(colour, surface, 0.12);
        Assert.True(Contrast(colour, tint) >= Minimum, $"{name} on its tint: {Contrast(colour, tint):0.00}");
        var text = Rgb(Value(palette, name + "ContrastText"));
        Assert.True(Contrast(text, colour) >= Minimum, $"{name}'s contrast text: {Contrast(text, colour):0.00}");
    }

    [Theory]
    [MemberData(nameof(LightColours))]
    public void DarkPalette_Colour_IsReadableUnderItsContrastTextAndOnTheSurface(string name)
    {
        var palette = NoressTheme.Theme.PaletteDark;
        var colour = Rgb(Value(palette, name));
        var surface = Rgb(Value(palette, "Surface"));

        Assert.True(Contrast(colour, surface) >= Minimum, $"{name} on the dark surface: {Contrast(colour, surface):0.00}");
        var text = Rgb(Value(palette, name + "ContrastText"), surface);
        Assert.True(Contrast(text, colour) >= Minimum, $"{name}'s contrast text: {Contrast(text, colour):0.00}");
    }

    [Fact]
    public void AppBar_TextIsReadableOnItsBackground()
    {
        var palette = NoressTheme.Theme.PaletteLight;

        Assert.True(Contrast(Rgb(Value(palette, "AppbarText")), Rgb(Value(palette, "AppbarBackground"))) >= Minimum);
    }

    [Fact]
    public void PresencePalette_EveryColour_IsReadableUnderWhiteText()
    {
        foreach (var colour in DocumentPresence.Palette)
        {
            var contrast = Contrast((255, 255, 255), Rgb(colour));
            Assert.True(contrast >= Minimum, $"White on {colour}: {contrast:0.00}");
        }
    }

    private static string Value(Palette palette, string property) =>
        ((MudColor)palette.GetType().GetProperty(property)!.GetValue(palette)!).ToString(MudColorOutputFormats.RGBA);

    // MudColor writes rgba(r,g,b,a); a translucent colour is composed over the background it is shown on.
    private static (double R, double G, double B) Rgb(string value, (double R, double G, double B)? over = null)
    {
        if (value.StartsWith('#'))
        {
            return (Convert.ToInt32(value[1..3], 16), Convert.ToInt32(value[3..5], 16), Convert.ToInt32(value[5..7], 16));
        }

        var parts = value[(value.IndexOf('(') + 1)..value.IndexOf(')')].Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var colour = (parts[0], parts[1], parts[2]);
        var alpha = parts.Length > 3 ? parts[3] : 1;
        return Blend(colour, over ?? (255, 255, 255), alpha);
    }

    private static (double R, double G, double B) Blend((double R, double G, double B) colour, (double R, double G, double B) background, double alpha) =>
        (colour.R * alpha + background.R * (1 - alpha), colour.G * alpha + background.G * (1 - alpha), colour.B * alpha + background.B * (1 - alpha));

    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((double R, double G, double B) c) =>
        0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);

    private static double Channel(double value)
    {
        var c = value / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
