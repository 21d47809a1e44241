namespace Noress.App.Shared.Pdf;

/// <summary>PDF rendering with headless Chromium (section <c>Pdf</c>, ADR 0018).</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Where Chromium is looked for when <see cref="ChromiumPath"/> is empty: Debian's, Ubuntu's and Google's packages.</summary>
    public static readonly IReadOnlyList<string> DefaultChromiumPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome"];

    /// <summary>The Chromium (or Chrome) executable; empty: the first of <see cref="DefaultChromiumPaths"/> that exists.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>When true, the app refuses to start without Chromium; otherwise only PDF exports fail (503) and a warning is logged.</summary>
    public bool Required { get; set; }

    /// <summary>One export is killed after this long (its Chromium process tree with it).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Chromium processes at once on this node; further exports wait their turn.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Chromium's own sandbox. Chromium cannot sandbox as root: then it is turned off with a warning.</summary>
    public bool Sandbox { get; set; } = true;

    /// <summary>The executable to run, or null when none is configured or installed.</summary>
    public string? ResolveChromium()
    {
        if (!string.IsNullOrWhiteSpace(ChromiumPath))
        {
            return File.Exists(ChromiumPath) ? ChromiumPath : null;
        }

        return DefaultChromiumPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem()
    {
        if (TimeoutSeconds is < 1 or > 3600)
        {
            return "Pdf:TimeoutSeconds must be between 1 and 3600.";
        }

        if (MaxConcurrent is < 1 or > 64)
        {
            return "Pdf:MaxConcurrent must be between 1 and 64.";
        }

        if (Required && ResolveChromium() is null)
        {
            return string.IsNullOrWhiteSpace(ChromiumPath)
                ? $"Pdf:Required is true but Chromium is not installed ({string.Join(", ", DefaultChromiumPaths)}): install the chromium package or set Pdf:ChromiumPath."
                : $"Pdf:Required is true but Pdf:ChromiumPath ({ChromiumPath}) does not exist.";
        }

        return null;
    }
}
