using System.Diagnostics;
using System.Globalization;
using Noress.App.Audit;

// Throughput of the audit hash chain: building a chain of N entries (one SHA-256 each, as the
// AuditInterceptor does on save) and verifying it end to end (as an administrator's check does).
// Run: dotnet run -c Release --project tests/Noress.Benchmarks [-- entries rounds]
// Documents: dotnet run -c Release --project tests/Noress.Benchmarks -- documents-replay | documents-authors | documents-pdf
// Accounts: dotnet run -c Release --project tests/Noress.Benchmarks -- accounts-signin [rounds]
// Sessions: dotnet run -c Release --project tests/Noress.Benchmarks -- sessions-votes [--provider sqlite|postgres] [--nodes 1|2] [--ballot open,secret]
// Calls: dotnet run -c Release --project tests/Noress.Benchmarks -- calls-deadline [--provider sqlite|postgres] [--applicants 500] [--submitters 100] [--jurors 20]
// Circuits: dotnet run -c Release --project tests/Noress.Benchmarks -- circuits [--page dashboard|institution|document|plan] [--steps 0,10,20,40] [--per-context 1] [--probe 100]
// Idle circuits: dotnet run -c Release --project tests/Noress.Benchmarks -- circuits-idle [--page dashboard] [--count 250,1000,2000] [--probe 100]
// Plans: dotnet run -c Release --project tests/Noress.Benchmarks -- plans-viewers [--viewers 350] [--rate 10] [--edits 300] [--steps 0,50,100,200,350]
if (args.Length > 0 && args[0] == "circuits")
{
    return await Noress.Benchmarks.CircuitsBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "circuits-idle")
{
    return await Noress.Benchmarks.CircuitsIdleBenchmark.RunAsync(args[1..]);
}

// The app under test of circuits and circuits-idle, started by it as a child process.
if (args.Length > 0 && args[0] == "circuits-server")
{
    return await Noress.Benchmarks.CircuitsServerHost.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "calls-deadline")
{
    return await Noress.Benchmarks.CallsDeadlineBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "plans-viewers")
{
    return await Noress.Benchmarks.PlansViewersBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "sessions-votes")
{
    return await Noress.Benchmarks.SessionsVotesBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "accounts-signin")
{
    return await Noress.Benchmarks.AccountsSignInBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "documents-replay")
{
    return await Noress.Benchmarks.DocumentsReplayBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "documents-pdf")
{
    return await Noress.Benchmarks.DocumentsPdfBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "documents-authors")
{
    return await Noress.Benchmarks.DocumentsAuthorsBenchmark.RunAsync(args[1..]);
}

// The app under test of documents-authors, started by it as a child process.
if (args.Length > 0 && args[0] == "documents-server")
{
    return await Noress.Benchmarks.DocumentsServerHost.RunAsync(args[1..]);
}

var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

Console.WriteLine($"Audit chain benchmark: {entries:N0} entries, {rounds} rounds (first round is warm-up), {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
var chain = AuditChainBenchmark.Build(entries);
AuditChainBenchmark.Verify(chain);

var build = new List<double>();
var verify = new List<double>();
for (var round = 0; round < rounds; round++)
{
    var watch = Stopwatch.StartNew();
    chain = AuditChainBenchmark.Build(entries);
    build.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    AuditChainBenchmark.Verify(chain);
    verify.Add(watch.Elapsed.TotalMilliseconds);
}

AuditChainBenchmark.Report("build (hash + link)", entries, build);
AuditChainBenchmark.Report("verify whole chain", entries, verify);

// A tampered entry in the middle must be found, or the numbers above measure nothing.
chain[entries / 2].Changes = """{"Name":{"old":"a","new":"b"}}""";
var found = AuditChain.Verify(chain);
if (found is not { Reason: AuditChainBreakReason.ContentAltered } || found.Sequence != entries / 2 + 1)
{
    Console.Error.WriteLine($"Verification missed the tampered entry: {found}");
    return 1;
}

Console.WriteLine($"tamper check: entry {found.Sequence} reported as {found.Reason}");
return 0;

internal static class AuditChainBenchmark
{
    private static readonly DateTime Start = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A chain shaped like real rows: a user, an entity, a JSON change set of a few properties.</summary>
    public static List<AuditEntry> Build(int count)
    {
        var chain = new List<AuditEntry>(count);
        var previous = AuditChain.GenesisHash;
        var user = Guid.Parse("6f1c2b0e-4c55-4d0a-9a53-2f1de0f0a001");
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i,
                OccurredAt = Start.AddSeconds(i),
                UserId = user,
                UserName = "secretariat@noress.demo",
                EntityType = "Institution",
                EntityId = (i % 35 + 1).ToString(CultureInfo.InvariantCulture),
                Action = AuditAction.Update,
                Changes = $$$"""{"City":{"old":"Tanger","new":"Tétouan"},"Phone":{"old":"0539{{{i:D6}}}","new":"0539{{{i + 1:D6}}}"}}""",
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            chain.Add(entry);
        }

        return chain;
    }

    public static void Verify(List<AuditEntry> chain)
    {
        if (AuditChain.Verify(chain) is { } broken)
        {
            throw new InvalidOperationException($"The freshly built chain is broken at {broken.Sequence}: {broken.Reason}");
        }
    }

    public static void Report(string name, int entries, List<double> milliseconds)
    {
        var measured = milliseconds.Skip(1).Order().ToList();
        var median = measured[measured.Count / 2];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-22} median {median,8:F1} ms  (min {measured[0]:F1}, max {measured[^1]:F1})  {entries / (median / 1000),12:N0} entries/s  {median * 1000 / entries,6:F2} µs/entry"));
    }
}
