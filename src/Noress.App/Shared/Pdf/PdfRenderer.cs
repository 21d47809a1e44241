using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Pdf;

/// <summary>
/// The platform's one way to make a PDF (ADR 0018): a printable HTML page in, PDF bytes out, printed by headless
/// Chromium, one process per export in its own temporary folder and profile, at most
/// <see cref="PdfOptions.MaxConcurrent"/> at once, killed after <see cref="PdfOptions.TimeoutSeconds"/>.
/// Chromium lays out the full Unicode bidirectional algorithm, tables and shaping like the print page, and writes a
/// tagged PDF whose text extracts in logical order (ActualText, ReversedChars).
/// </summary>
public sealed partial class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);
    private int sandboxWarned;

    /// <summary>Whether this node can make PDFs (Chromium configured or installed).</summary>
    public bool IsAvailable => options.Value.ResolveChromium() is not null;

    /// <summary>A PDF of markdown (rendered by SafeMarkdown) under a title and subtitle, laid out for <paramref name="culture"/>.</summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or ran out of time.</exception>
    public Task<byte[]> RenderMarkdownAsync(string title, string subtitle, string markdown, CultureInfo culture, CancellationToken cancellationToken) =>
        RenderHtmlAsync(PrintableHtml.FromMarkdown(title, subtitle, markdown, culture, PrintTarget.Pdf), cancellationToken);

    /// <summary>
    /// A PDF of a complete HTML page. Build it with <see cref="PrintableHtml"/> (target <see cref="PrintTarget.Pdf"/>),
    /// whose policy forbids every request and script; a page of your own must be as closed.
    /// </summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or ran out of time.</exception>
    public async Task<byte[]> RenderHtmlAsync(string html, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.ResolveChromium() is not { } chromium)
        {
            var missing = string.IsNullOrWhiteSpace(settings.ChromiumPath)
                ? $"Chromium is not installed ({string.Join(", ", PdfOptions.DefaultChromiumPaths)}): install the chromium package or set Pdf:ChromiumPath."
                : $"Pdf:ChromiumPath ({settings.ChromiumPath}) does not exist.";
            LogUnavailable(missing);
            throw new PdfUnavailableException(PdfFailure.NotInstalled, missing);
        }

        await slots.WaitAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("noress-pdf-");
        try
        {
            var page = Path.Combine(folder.FullName, "page.html");
            var output = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await RunAsync(chromium, Arguments(folder.FullName, page, output, settings), settings, cancellationToken);
            var bytes = File.Exists(output) ? await File.ReadAllBytesAsync(output, cancellationToken) : [];
            if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                LogFailed(0, "no PDF written");
                throw new PdfUnavailableException(PdfFailure.Failed, $"Chromium ({chromium}) exited without writing a PDF.");
            }

            LogRendered(bytes.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return bytes;
        }
        finally
        {
            slots.Release();
            TryDelete(folder);
        }
    }

    public void Dispose() => slots.Dispose();

    private List<string> Arguments(string folder, string page, string output, PdfOptions settings)
    {
        List<string> arguments =
        [
            "--headless",
            "--disable-gpu",
            "--disable-dev-shm-usage", // containers often give /dev/shm only 64 MB
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--hide-scrollbars",
            $"--user-data-dir={Path.Combine(folder, "profile")}",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            $"--print-to-pdf={output}",
        ];
        if (!settings.Sandbox || Environment.UserName == "root")
        {
            if (settings.Sandbox && Interlocked.Exchange(ref sandboxWarned, 1) == 0)
            {
                LogNoSandbox();
            }

            arguments.Add("--no-sandbox");
        }

        arguments.Add(new Uri(page).AbsoluteUri);
        return arguments;
    }

    private async Task RunAsync(string chromium, List<string> arguments, PdfOptions settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            LogUnavailable(exception.Message);
            throw new PdfUnavailableException(PdfFailure.NotInstalled, $"Chromium ({chromium}) cannot be started: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        // Both pipes drained as they fill, or a chatty Chromium would block on a full pipe.
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            LogTimedOut(settings.TimeoutSeconds);
            throw new PdfUnavailableException(PdfFailure.TimedOut, $"Chromium did not finish the PDF within Pdf:TimeoutSeconds ({settings.TimeoutSeconds} s) and was stopped.");
        }

        await standardOutput;
        var errors = await standardError;
        if (process.ExitCode != 0)
        {
            var last = LastLine(errors);
            LogFailed(process.ExitCode, last);
            throw new PdfUnavailableException(PdfFailure.Failed, $"Chromium ({chromium}) failed with exit code {process.ExitCode}: {last}");
        }
    }

    // Chromium's last complaint names the cause (a missing library, a refused sandbox); the rest is noise (D-Bus).
    private static string LastLine(string errors) =>
        errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } line
            ? line[..Math.Min(line.Length, 500)]
            : "(no message)";

    private void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(folder.FullName, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF of {Bytes} bytes rendered by Chromium in {Milliseconds:F0} ms")]
    private partial void LogRendered(int bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "PDF export unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium's sandbox is off: it cannot run as root (run the app as its own user to keep it)")]
    private partial void LogNoSandbox();

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium stopped after {Seconds} s without finishing a PDF")]
    private partial void LogTimedOut(int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium failed with exit code {ExitCode}: {Error}")]
    private partial void LogFailed(int exitCode, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Temporary PDF folder {Folder} could not be deleted")]
    private partial void LogNotDeleted(string folder, Exception exception);
}
