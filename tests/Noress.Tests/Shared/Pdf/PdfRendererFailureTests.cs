using System.Globalization;
using Noress.App.Shared.Pdf;

namespace Noress.Tests.Shared.Pdf;

/// <summary>Without a working Chromium an export fails with a cause, never hangs or returns a broken file.</summary>
public sealed class PdfRendererFailureTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("noress-pdf-tests-");

    [Fact]
    public async Task RenderHtml_ChromiumPathMissing_FailsAsNotInstalled()
    {
        using var renderer = ChromiumPdfFixture.Renderer(o => o.ChromiumPath = Path.Combine(folder.FullName, "no-chromium"));

        var failure = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderHtmlAsync("<p>x</p>", CancellationToken.None));

        Assert.Equal(PdfFailure.NotInstalled, failure.Failure);
        Assert.Contains("Pdf:ChromiumPath", failure.Message, StringComparison.Ordinal);
        Assert.False(renderer.IsAvailable);
    }

    [Fact]
    public async Task RenderHtml_ChromiumFails_ReportsItsLastMessage()
    {
        using var renderer = ChromiumPdfFixture.Renderer(o => o.ChromiumPath = Script("echo 'dbus noise' >&2; echo 'missing libnss3.so' >&2; exit 3"));

        var failure = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderHtmlAsync("<p>x</p>", CancellationToken.None));

        Assert.Equal(PdfFailure.Failed, failure.Failure);
        Assert.Contains("exit code 3: missing libnss3.so", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtml_ChromiumWritesNoPdf_Fails()
    {
        // Writes something that is not a PDF where the PDF should be.
        using var renderer = ChromiumPdfFixture.Renderer(o => o.ChromiumPath = Script("""for a in "$@"; do case "$a" in --print-to-pdf=*) echo nope > "${a#--print-to-pdf=}";; esac; done"""));

        var failure = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderHtmlAsync("<p>x</p>", CancellationToken.None));

        Assert.Equal(PdfFailure.Failed, failure.Failure);
    }

    [Fact]
    public async Task RenderHtml_ChromiumNeverFinishes_IsKilledAtTheTimeout()
    {
        var pidFile = Path.Combine(folder.FullName, "child.pid");
        using var renderer = ChromiumPdfFixture.Renderer(o =>
        {
            o.ChromiumPath = Script($"sleep 600 & echo $! > '{pidFile}'; wait");
            o.TimeoutSeconds = 1;
        });

        var failure = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderHtmlAsync("<p>x</p>", CancellationToken.None));

        Assert.Equal(PdfFailure.TimedOut, failure.Failure);
        // The whole process tree is gone, not only the launcher.
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{child}") && !File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal), $"sleep {child} still runs");
    }

    [Fact]
    public async Task RenderHtml_Cancelled_StopsChromiumAndThrowsCancellation()
    {
        var started = Path.Combine(folder.FullName, "started");
        using var renderer = ChromiumPdfFixture.Renderer(o => o.ChromiumPath = Script($"touch '{started}'; exec sleep 600"));
        using var cancel = new CancellationTokenSource();
        using var watcher = new FileSystemWatcher(folder.FullName, "started");
        var seen = new TaskCompletionSource();
        watcher.Created += (_, _) => seen.TrySetResult();
        watcher.EnableRaisingEvents = true;

        var render = renderer.RenderHtmlAsync("<p>x</p>", cancel.Token);
        if (!File.Exists(started))
        {
            await seen.Task;
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);
    }

    [Theory]
    [InlineData(0, 2, "Pdf:TimeoutSeconds")]
    [InlineData(60, 0, "Pdf:MaxConcurrent")]
    public void Problem_OutOfRangeSettings_NameTheSetting(int timeout, int concurrent, string setting) =>
        Assert.Contains(setting, new PdfOptions { TimeoutSeconds = timeout, MaxConcurrent = concurrent }.Problem(), StringComparison.Ordinal);

    [Fact]
    public void Problem_RequiredWithoutChromium_StopsTheStart()
    {
        var options = new PdfOptions { Required = true, ChromiumPath = Path.Combine(folder.FullName, "none") };

        Assert.Contains("Pdf:Required", options.Problem(), StringComparison.Ordinal);
        Assert.Null(new PdfOptions { Required = false, ChromiumPath = options.ChromiumPath }.Problem());
    }

    [Fact]
    public void PrintableHtml_ForPdf_EmbedsTheFontAndForbidsRequests_ForTheBrowserNeither()
    {
        var pdf = PrintableHtml.FromMarkdown("<Titre>", "S", "texte", CultureInfo.GetCultureInfo("ar-MA"), PrintTarget.Pdf);
        var browser = PrintableHtml.FromMarkdown("<Titre>", "S", "texte", CultureInfo.GetCultureInfo("ar-MA"), PrintTarget.Browser);

        Assert.Contains("default-src 'none'", pdf, StringComparison.Ordinal);
        Assert.Contains("data:font/ttf;base64,", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("Content-Security-Policy", browser, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", browser, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", browser, StringComparison.Ordinal);
        Assert.Contains("&lt;Titre&gt;", browser, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Script(string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-in Chromium is a shell script.");
        }

        var path = Path.Combine(folder.FullName, $"chromium-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
