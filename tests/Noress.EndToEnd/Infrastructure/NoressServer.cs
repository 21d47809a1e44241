using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Noress.EndToEnd.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (Chromium cannot reach an in-memory TestServer), on a temporary
/// SQLite database seeded with the demo data, plus one Chromium shared by the tests of the collection.
/// </summary>
public sealed class NoressServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Noress-demo-2026";
    public const string ChromiumVariable = "NORESS_CHROMIUM";

    private readonly string databaseFile;
    private readonly bool ownsDatabase;

    // Mail pickup files and uploads go here, never into the source tree's data folder.
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"noress-e2e-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> settings = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    public NoressServer()
        : this(null, 0)
    {
    }

    // xUnit builds collection fixtures through their only public constructor; restarts use OnDatabase.
    private NoressServer(string? databaseFile, int port)
    {
        ownsDatabase = databaseFile is null;
        this.databaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"noress-e2e-{Guid.NewGuid():N}.db");
        // Port 0: Kestrel picks a free loopback port, so parallel runs and a running dev server never collide.
        UseKestrel(port);
    }

    /// <summary>
    /// An app on <paramref name="databaseFile"/> (kept on disposal, so a second server can start on it: a restart)
    /// and <paramref name="port"/>, with no browser of its own.
    /// </summary>
    public static NoressServer OnDatabase(string databaseFile, int port, TimeSpan shutdownTimeout) =>
        new(databaseFile, port) { LaunchesBrowser = false, ShutdownTimeout = shutdownTimeout };

    /// <summary>False for a server whose pages are opened by a browser the test owns (one that outlives the server).</summary>
    public bool LaunchesBrowser { get; init; } = true;

    /// <summary>How long stopping waits for open connections (a browser still on the page keeps its WebSockets open).</summary>
    public TimeSpan? ShutdownTimeout { get; init; }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Overrides one configuration value; call before <see cref="InitializeAsync"/>.</summary>
    public NoressServer With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        if (LaunchesBrowser)
        {
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            browser = await LaunchChromiumAsync(playwright);
        }
    }

    /// <summary>Debian's Chromium, never a downloaded browser.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        // Playwright gives every launch a fresh temporary profile (it refuses a --user-data-dir argument),
        // so ~/.config/chromium is never touched.
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });

    /// <summary>A new browser context (its own cookies) with one page that records console and page errors.</summary>
    public Task<BrowserSession> OpenSessionAsync(string? culture = null) => OpenSessionAsync(Browser, BaseAddress, culture);

    /// <summary>A new context of <paramref name="browser"/> on <paramref name="baseAddress"/>.</summary>
    public static async Task<BrowserSession> OpenSessionAsync(IBrowser browser, Uri baseAddress, string? culture = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = culture ?? "fr-MA",
        });
        return await BrowserSession.CreateAsync(context);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Noress", $"Data Source={databaseFile}");
        // Every journey signs in from the same loopback address; the login rate limit is not under test here.
        builder.UseSetting("RateLimiting:PermitLimit", "10000");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(dataFolder, "mail"));
        builder.UseSetting("Storage:Root", Path.Combine(dataFolder, "files"));
        if (ShutdownTimeout is { } timeout)
        {
            builder.ConfigureServices(services => services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout));
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A free loopback port, for servers that take a number rather than 0 (or must keep theirs across a restart).</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Removes a SQLite database file with its write-ahead log.</summary>
    public static void DeleteDatabase(string databaseFile)
    {
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDatabase)
        {
            DeleteDatabase(databaseFile);
        }

        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}

/// <summary>The tests of this collection share one app and one browser: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class NoressServerCollection : ICollectionFixture<NoressServer>
{
    public const string Name = "Noress server";
}
