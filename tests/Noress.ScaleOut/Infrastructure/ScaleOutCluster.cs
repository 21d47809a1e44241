using Microsoft.Playwright;
using Npgsql;

namespace Noress.ScaleOut.Infrastructure;

/// <summary>
/// Two app nodes (the published app, separate processes) on the throwaway PostgreSQL and Redis of test.sh, behind
/// Debian's nginx, plus one Chromium. Started once for the collection; the journeys share it.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string ChromiumVariable = "NORESS_CHROMIUM";
    public const string DemoPassword = "Noress-demo-2026";

    private readonly string work = Directory.CreateTempSubdirectory("noress-scaleout-").FullName;
    private readonly string channelPrefix = $"noress-scaleout-{Guid.NewGuid():N}";
    private IPlaywright? playwright;

    public AppNode Node1 { get; private set; } = null!;

    public AppNode Node2 { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The uploads folder both nodes share (a network volume in production).</summary>
    public string StorageRoot => Path.Combine(work, "files");

    public string PublishedFolder => Path.Combine(work, "app");

    public async Task InitializeAsync()
    {
        await PublishAsync();
        var server = Environment.GetEnvironmentVariable("NORESS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("NORESS_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server.");
        var redis = Environment.GetEnvironmentVariable("NORESS_TEST_REDIS")
            ?? throw new InvalidOperationException("NORESS_TEST_REDIS is not set: run the tests with ./test.sh, which starts a throwaway Redis server.");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"noress_scaleout_{Guid.NewGuid():N}" }.ToString();

        var port1 = Tool.FreePort();
        var port2 = Tool.FreePort();
        // Node 1 creates the schema and the demo data; node 2 starts on the finished database, as a second node does.
        Node1 = await AppNode.StartAsync("node1", PublishedFolder, port1, NodeEnvironment(port1, redis, migrate: true));
        Node2 = await AppNode.StartAsync("node2", PublishedFolder, port2, NodeEnvironment(port2, redis, migrate: false));
        Proxy = await NginxProxy.StartAsync(Path.Combine(work, "nginx"), Node1, Node2);

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    /// <summary>A new browser (its own cookies) pinned by the proxy's sticky cookie to <paramref name="node"/>.</summary>
    public async Task<BrowserSession> OpenSessionPinnedToAsync(AppNode node)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Proxy.PublicAddress.ToString(),
            // The proxy's certificate is the test's own, self-signed.
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "fr-MA",
        });
        await context.AddCookiesAsync([new Cookie { Name = "noress_node", Value = node.Name, Url = Proxy.PublicAddress.ToString(), Secure = true, HttpOnly = true }]);
        return await BrowserSession.CreateAsync(context);
    }

    /// <summary>What the nodes and the proxy wrote, for a failure message.</summary>
    public string Logs() =>
        $"--- node1\n{Node1?.Output}\n--- node2\n{Node2?.Output}\n--- nginx\n{Proxy?.ErrorLog}";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        foreach (var node in new[] { Node1, Node2 })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(work, recursive: true);
    }

    private Dictionary<string, string> NodeEnvironment(int port, string redis, bool migrate)
    {
        // What the systemd unit sets, then what noress.env would hold on this machine.
        var environment = new Dictionary<string, string>(SystemdUnit.Environment(port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            // Staging, not Production: the demo accounts are seeded (never in Production); HTTPS, HSTS and Secure cookies are as in Production.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Noress"] = ConnectionString,
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Database:SeedDemoData"] = "true",
            ["Database:SeedDemoRecords"] = "false",
            ["RealTime:Redis"] = redis,
            ["RealTime:ChannelPrefix"] = channelPrefix,
            ["ForwardedHeaders:KnownProxies:0"] = NginxProxy.SourceAddress,
            ["Email:PickupDirectory"] = Path.Combine(work, "mail"),
            ["Storage:Root"] = StorageRoot,
            ["RateLimiting:PermitLimit"] = "10000",
            // Quicker than the defaults, so a dead node's people leave the others' editors within seconds.
            ["Documents:KeepAliveSeconds"] = "5",
            ["Documents:ClientTimeoutSeconds"] = "15",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal("Redis", environment["RealTime__Bus"]);
        return environment;
    }

    private async Task PublishAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "Noress.Web", "Noress.Web.csproj");
        var built = File.Exists(Path.Combine(RepositoryPaths.Root, "src", "Noress.Web", "bin", RepositoryPaths.Configuration, "net10.0", "Noress.Web.dll"));
        // test.sh built the solution already: publish only gathers the output (a Release publish, as an operator makes one).
        string[] arguments = ["publish", project, "-c", RepositoryPaths.Configuration, "-o", PublishedFolder, "-nologo", "-v", "quiet", .. built ? new[] { "--no-build" } : []];
        await Tool.RunAsync("dotnet", arguments);
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "Two nodes behind nginx";
}
