using System.Diagnostics;
using System.Text;

namespace Noress.EndToEnd.Infrastructure;

/// <summary>
/// The built app (<c>dotnet Noress.Web.dll</c>) as a real child process on a fixed port and a SQLite file, for tests
/// that kill the server as a crash would (SIGKILL: no shutdown, no closing handshake) and start it again.
/// </summary>
public sealed class NoressProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    // Completed by the start-up banner, which the app prints once Kestrel listens (ApplicationStarted).
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NoressProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>What the app wrote to its console, for a failure message.</summary>
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

    /// <summary>
    /// Starts the app built beside these tests (same configuration) and waits until it answers.
    /// <paramref name="settings"/> are configuration keys (Section:Key) given as environment variables.
    /// </summary>
    public static async Task<NoressProcess> StartAsync(string databaseFile, int port, string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as with dotnet run: appsettings and static web assets resolve as in development.
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Noress.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly());
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/'),
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoData"] = "true",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:Noress"] = $"Data Source={databaseFile}",
            ["RateLimiting:PermitLimit"] = "10000",
            ["Email:PickupDirectory"] = Path.Combine(dataFolder, "mail"),
            ["Storage:Root"] = Path.Combine(dataFolder, "files"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var started = new NoressProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.WaitUntilAnsweringAsync();
        return started;
    }

    /// <summary>Kills the process with SIGKILL (what Process.Kill sends on Linux) and returns its exit code (137 = 128 + SIGKILL).</summary>
    public async Task<int> KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open but nothing answers, like a hung or unreachable server.</summary>
    public Task StopAsync() => SignalAsync("STOP");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed.");
        }
    }

    private static string WebAssembly()
    {
        // tests/Noress.EndToEnd/bin/<Configuration>/<tfm>/ → src/Noress.Web/bin/<Configuration>/<tfm>/Noress.Web.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryPaths.Root, "src", "Noress.Web", "bin", here.Parent!.Name, here.Name, "Noress.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the app's own build output is started.", path);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith("NORESS is running", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        // Generous: migrations and the demo seed run first on a cold database, on two shared cores; the limit only stops a hang.
        var exited = process.WaitForExitAsync();
        var started = running.Task.WaitAsync(TimeSpan.FromMinutes(3));
        if (await Task.WhenAny(started, exited) == exited)
        {
            throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
        }

        try
        {
            await started;
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The app did not start on {BaseAddress}:\n{Output}");
        }

        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.GetAsync("Account/Login");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The app answered {(int)response.StatusCode} on {BaseAddress}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
