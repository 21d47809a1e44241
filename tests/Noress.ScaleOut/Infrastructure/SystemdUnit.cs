namespace Noress.ScaleOut.Infrastructure;

/// <summary>The Environment= lines of deploy/systemd/noress@.service, so the test nodes start as the unit starts them.</summary>
public static class SystemdUnit
{
    public static string Path => RepositoryPaths.Deploy("systemd", "noress@.service");

    /// <summary>The unit's environment for the instance <paramref name="instance"/> (its <c>%i</c>, the node's port).</summary>
    public static IReadOnlyDictionary<string, string> Environment(string instance)
    {
        var environment = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(Path).Select(l => l.Trim()))
        {
            if (!line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                continue;
            }

            var assignment = line["Environment=".Length..].Trim('"');
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            environment[assignment[..equals]] = assignment[(equals + 1)..].Replace("%i", instance, StringComparison.Ordinal);
        }

        return environment;
    }
}
