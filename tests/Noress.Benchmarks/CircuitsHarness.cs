using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace Noress.Benchmarks;

/// <summary>
/// What the circuit benchmarks (<c>circuits</c>, Chromium pages; <c>circuits-idle</c>, the minimal circuit client) share:
/// the secretariat's sign-in through the login form, Chromium, its browser contexts and the probe person's clicks.
/// </summary>
internal static partial class CircuitsHarness
{
    public static async Task<IReadOnlyList<Microsoft.Playwright.Cookie>> SignInAsync(Uri address, string email)
    {
        var jar = await SignInCookiesAsync(address, email);
        return [.. jar.GetCookies(address).Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = address.Host, Path = "/" })];
    }

    /// <summary>Signs <paramref name="email"/> in through the login form (the demo password); the session's cookies.</summary>
    public static async Task<CookieContainer> SignInCookiesAsync(Uri address, string email)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address };
        var form = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = "Noress-demo-2026",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return jar;
    }

    /// <summary>Debian's Chromium (NORESS_CHROMIUM), headless, with nothing in the background that would add noise.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("NORESS_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
            ],
        });

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri address, IReadOnlyList<Microsoft.Playwright.Cookie> cookies)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "fr-MA",
        });
        context.SetDefaultTimeout(300_000);
        context.SetDefaultNavigationTimeout(300_000);
        await context.AddCookiesAsync(cookies);
        return context;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Click-to-DOM times of a probe, in milliseconds.</summary>
internal sealed record ProbeTimes(int Clicks, double P50, double P95, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Clicks} clicks, click -> DOM p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms");
}

/// <summary>
/// A probe person on the dashboard, in a Chromium page of its own: each click on the menu button until the drawer's class
/// changes, timed in the page (the click, the round trip to the circuit, the render batch and its application to the DOM).
/// </summary>
internal sealed class CircuitProbe : IAsyncDisposable
{
    private const string Click = """
        () => new Promise(resolve => {
            const drawer = document.querySelector('.mud-drawer');
            const button = document.querySelector('.noress-appbar button');
            const start = performance.now();
            const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
            observer.observe(drawer, { attributes: true, attributeFilter: ['class'] });
            button.click();
        })
        """;

    private readonly IBrowserContext context;
    private readonly IPage page;

    private CircuitProbe(IBrowserContext context, IPage page)
    {
        this.context = context;
        this.page = page;
    }

    public static async Task<CircuitProbe> OpenAsync(IBrowser browser, Uri address, IReadOnlyList<Microsoft.Playwright.Cookie> cookies)
    {
        var context = await CircuitsHarness.NewContextAsync(browser, address, cookies);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return new CircuitProbe(context, page);
    }

    /// <summary>Five clicks to warm up, then <paramref name="clicks"/> timed ones.</summary>
    public async Task<ProbeTimes> MeasureAsync(int clicks)
    {
        for (var i = 0; i < 5; i++)
        {
            await page.EvaluateAsync<double>(Click);
        }

        var times = new List<double>();
        for (var i = 0; i < clicks; i++)
        {
            times.Add(await page.EvaluateAsync<double>(Click));
        }

        times.Sort();
        double P(double percent) => times[Math.Clamp((int)Math.Ceiling(times.Count * percent / 100) - 1, 0, times.Count - 1)];
        return new ProbeTimes(clicks, P(50), P(95), P(99), times[^1]);
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

/// <summary>
/// The app under test in a child process of this benchmark (mode <c>circuits-server</c>). Its standard output is read all
/// the time: protocol lines answer the commands, the app's log goes to a file, and its warnings and errors are counted.
/// </summary>
internal sealed class CircuitsServerProcess : IAsyncDisposable
{
    private static readonly string[] Keywords = ["READY ", "HEAP ", "WAITED"];

    private readonly Process process;
    private readonly Channel<string> replies = Channel.CreateUnbounded<string>();
    private readonly StreamWriter log;
    private readonly List<string> firstErrors = [];
    private readonly Task pump;
    private int errors;
    private int warnings;

    private CircuitsServerProcess(Process process, string logFile)
    {
        this.process = process;
        LogFile = logFile;
        log = new StreamWriter(logFile) { AutoFlush = true };
        pump = Task.Run(PumpAsync);
    }

    public Uri Address { get; private set; } = default!;

    public IReadOnlyList<Guid> Documents { get; private set; } = [];

    public Guid PlanId { get; private set; }

    public string Institution { get; private set; } = "ADS";

    public int Pid => process.Id;

    /// <summary>Where the app's own log (Warning and above) goes.</summary>
    public string LogFile { get; }

    /// <summary>Log entries at Error or Critical ("fail:", "crit:") and at Warning ("warn:") so far.</summary>
    public (int Errors, int Warnings) LogCounts => (Volatile.Read(ref errors), Volatile.Read(ref warnings));

    /// <summary>The first lines of the first few errors, to say what failed.</summary>
    public IReadOnlyList<string> FirstErrors
    {
        get
        {
            lock (firstErrors)
            {
                return [.. firstErrors];
            }
        }
    }

    /// <param name="port">Kestrel's port.</param>
    /// <param name="documents">Documents to create (one per document page).</param>
    /// <param name="serverGc">Run the app with the server garbage collector, as the published web app does.</param>
    public static async Task<CircuitsServerProcess> StartAsync(string port, int documents, bool serverGc = false)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CircuitsServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add("circuits-server");
        start.ArgumentList.Add(port);
        start.ArgumentList.Add(documents.ToString(CultureInfo.InvariantCulture));
        if (serverGc)
        {
            start.Environment["DOTNET_gcServer"] = "1";
        }

        var server = new CircuitsServerProcess(Process.Start(start)!, Path.Combine(Path.GetTempPath(), $"noress-circuits-server-{port}.log"));
        var parts = (await server.ReadLineStartingAsync("READY ")).Split(' ');
        server.Address = new Uri(parts[1]);
        server.Documents = [.. parts[2].Split(',').Select(Guid.Parse)];
        server.PlanId = Guid.Parse(parts[3]);
        server.Institution = parts[4];
        return server;
    }

    /// <summary>
    /// The live heap after forced, compacting full collections, the circuits the server holds and the bytes Kestrel's
    /// memory pool keeps free for reuse.
    /// </summary>
    public async Task<(long Heap, int Circuits, long FreeBuffers)> HeapAsync()
    {
        await process.StandardInput.WriteLineAsync("heap");
        var parts = (await ReadLineStartingAsync("HEAP ")).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async Task<(long Heap, int Circuits, long FreeBuffers)> WaitForCircuitsAsync(int count, TimeSpan patience)
    {
        await process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wait {count} {(int)patience.TotalSeconds}"));
        await ReadLineStartingAsync("WAITED");
        return await HeapAsync();
    }

    /// <summary>The server process's working set (resident memory), in bytes.</summary>
    public long WorkingSet()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>The server process's user and system CPU time so far, in seconds.</summary>
    public double Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await process.StandardInput.WriteLineAsync("quit");
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
        }

        await pump;
        process.Dispose();
        await log.DisposeAsync();
    }

    private async Task PumpAsync()
    {
        var inError = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Keywords.Any(k => line.StartsWith(k, StringComparison.Ordinal)))
            {
                replies.Writer.TryWrite(line);
                continue;
            }

            await log.WriteLineAsync(line);
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                // The console logger writes the category line, then the message and the exception indented below it.
                inError = Interlocked.Increment(ref errors) <= 3 ? 4 : 0;
            }
            else if (line.StartsWith("warn:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref warnings);
                inError = 0;
            }

            if (inError > 0)
            {
                inError--;
                lock (firstErrors)
                {
                    firstErrors.Add(line.Length > 300 ? line[..300] : line);
                }
            }
        }

        replies.Writer.TryComplete();
    }

    // The app's own console output goes to the log; protocol lines start with a keyword.
    private async Task<string> ReadLineStartingAsync(string keyword)
    {
        await foreach (var line in replies.Reader.ReadAllAsync())
        {
            if (line.StartsWith(keyword, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The server process ended before printing {keyword.Trim()}; its log: {LogFile}.");
    }
}
