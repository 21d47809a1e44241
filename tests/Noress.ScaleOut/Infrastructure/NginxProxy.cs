using System.Text.RegularExpressions;

namespace Noress.ScaleOut.Infrastructure;

/// <summary>
/// Debian's nginx with deploy/nginx/noress.conf.template rendered for two local nodes: TLS on a loopback port,
/// sticky sessions by cookie, WebSockets, forwarded headers sent from 127.0.0.2 (the only proxy the nodes trust).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string ExecutableVariable = "NORESS_NGINX";

    /// <summary>The address nginx connects to the nodes from; the nodes trust X-Forwarded-* from it only.</summary>
    public const string SourceAddress = "127.0.0.2";

    private readonly string folder;
    private readonly string executable;

    private NginxProxy(string folder, string executable, int httpsPort)
    {
        this.folder = folder;
        this.executable = executable;
        HttpsPort = httpsPort;
    }

    public int HttpsPort { get; }

    public Uri PublicAddress => new($"https://127.0.0.1:{HttpsPort}/");

    public string ErrorLog => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : string.Empty;

    public static string TemplatePath => RepositoryPaths.Deploy("nginx", "noress.conf.template");

    /// <summary>Renders the template (every <c>${NORESS_...}</c> must get a value) and starts nginx; returns once it listens.</summary>
    public static async Task<NginxProxy> StartAsync(string folder, AppNode node1, AppNode node2)
    {
        Directory.CreateDirectory(folder);
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : "/usr/sbin/nginx";
        var (certificate, key) = TestCertificate.Write(folder);
        var httpsPort = Tool.FreePort();
        var values = new Dictionary<string, string>
        {
            ["NORESS_SERVER_NAME"] = "127.0.0.1 localhost",
            ["NORESS_HTTPS_LISTEN"] = $"127.0.0.1:{httpsPort}",
            ["NORESS_HTTP_LISTEN"] = $"127.0.0.1:{Tool.FreePort()}",
            ["NORESS_TLS_CERTIFICATE"] = certificate,
            ["NORESS_TLS_CERTIFICATE_KEY"] = key,
            ["NORESS_NODE1"] = $"127.0.0.1:{node1.Port}",
            ["NORESS_NODE2"] = $"127.0.0.1:{node2.Port}",
            ["NORESS_PROXY_SOURCE"] = SourceAddress,
        };
        var rendered = Placeholder().Replace(File.ReadAllText(TemplatePath), match =>
            values.TryGetValue(match.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"The nginx template uses {match.Value}, which the test does not fill."));
        File.WriteAllText(Path.Combine(folder, "noress.conf"), rendered);

        // The main context the Debian package's nginx.conf would give, in a folder of the test's own.
        var temp = Path.Combine(folder, "temp");
        Directory.CreateDirectory(temp);
        var asRoot = Environment.UserName == "root";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{(asRoot ? "user root;" : string.Empty)}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log notice;
            events { worker_connections 1024; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/noress.conf;
            }
            """);
        var proxy = new NginxProxy(folder, executable, httpsPort);
        await Tool.RunAsync(executable, proxy.Arguments("-t"));
        // Without "daemon off" the command returns once the master listens and has gone to the background.
        await Tool.RunAsync(executable, proxy.Arguments());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(folder, "nginx.pid")))
        {
            await Tool.RunAsync(executable, Arguments("-s", "stop"));
        }
    }

    private string[] Arguments(params string[] extra) =>
        ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log"), .. extra];

    [GeneratedRegex(@"\$\{(NORESS_[A-Z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
