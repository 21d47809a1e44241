using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"noress-e2e-{Guid.NewGuid():N}.db");

    // Mail pickup files and uploads go here, never into the source tree's data folder.
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"noress-e2e-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> settings = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    public NoressServer()
    {
        // Port 0: Kestrel picks a free loopback port, so parallel runs and a running dev server never collide.
        UseKestrel(0);
    }

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

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // Debian's Chromium, never a downloaded browser. Playwright gives every launch a fresh temporary
        // profile (it refuses a --user-data-dir argument), so ~/.config/chromium is never touched.
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A new browser context (its own cookies) with one page that records console and page errors.</summary>
    public async Task<BrowserSession> OpenSessionAsync(string? culture = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
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
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
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
