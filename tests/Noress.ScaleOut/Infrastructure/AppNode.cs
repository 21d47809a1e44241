using System.Diagnostics;
using System.Text;

namespace Noress.ScaleOut.Infrastructure;

/// <summary>One app node: <c>dotnet Noress.Web.dll</c> from the published output, a process of its own, killed as a crash would.</summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    // Completed by the start-up banner, which the app prints once Kestrel listens (ApplicationStarted).
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppNode(string name, Process process, int port)
    {
        Name = name;
        this.process = process;
        Port = port;
    }

    /// <summary>The node's name in the proxy's sticky cookie (node1, node2).</summary>
    public string Name { get; }

    public int Port { get; }

    /// <summary>The node itself, bypassing the proxy.</summary>
    public Uri DirectAddress => new($"http://127.0.0.1:{Port}/");

    public bool Killed { get; private set; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the published app in <paramref name="publishedFolder"/> with <paramref name="environment"/> and waits until it listens.</summary>
    public static async Task<AppNode> StartAsync(string name, string publishedFolder, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishedFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(publishedFolder, "Noress.Web.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new AppNode(name, process, port);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilListeningAsync();
        return node;
    }

    /// <summary>SIGKILL (what Process.Kill sends on Linux): no shutdown, no closing handshake, nothing said to Redis.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.StartsWith("NORESS is running", StringComparison.Ordinal))
        {
            running.TrySetResult();
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        // Generous: migrations and the demo seed run first on a cold database, on two shared cores; the limit only stops a hang.
        var exited = process.WaitForExitAsync();
        var started = running.Task.WaitAsync(TimeSpan.FromMinutes(4));
        if (await Task.WhenAny(started, exited) == exited)
        {
            throw new InvalidOperationException($"Node {Name} exited with {process.ExitCode}:\n{Output}");
        }

        try
        {
            await started;
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Node {Name} did not start on port {Port}:\n{Output}");
        }
    }
}
