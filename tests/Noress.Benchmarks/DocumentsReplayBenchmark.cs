using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.Benchmarks;

/// <summary>
/// Replays automerge-paper (259,778 single-character edits) through <see cref="DocumentAuthority"/>, one update per
/// push, with persistence batched into a temporary SQLite file (10,000 rows per bulk write beside the pushes, the
/// rest at the end), several runs.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- documents-replay [trace.json.gz|-] [batch size] [runs]
/// </summary>
internal static class DocumentsReplayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.Length > 0 && args[0] != "-" ? args[0] : Locate("automerge-paper.json.gz");
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var (edits, endContent) = Load(path);
        Console.WriteLine($"Documents replay: {Path.GetFileName(path)}, {edits.Count:N0} edits, batches of {batchSize:N0}, {runs} runs, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");

        // Each run replays into a fresh SQLite file through a fresh authority; the first one also pays for JIT.
        var applied = new List<double>();
        var totals = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await ReplayOnceAsync(edits, endContent, batchSize);
            if (result is null)
            {
                return 1;
            }

            var (apply, total) = result.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: validate + apply + queue {apply:N0} ms, total with every row stored {total:N0} ms ({edits.Count / (total / 1000):N0} edits/s)"));
            if (run > 1 || runs == 1)
            {
                applied.Add(apply);
                totals.Add(total);
            }
        }

        applied.Sort();
        totals.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of warm runs: validate + apply + queue {applied[applied.Count / 2]:N0} ms, total {totals[totals.Count / 2]:N0} ms (min {totals[0]:N0}, max {totals[^1]:N0}), final length {endContent.Length:N0}"));
        return 0;
    }

    private static async Task<(double Apply, double Total)?> ReplayOnceAsync(List<IncomingUpdate> edits, string endContent, int batchSize)
    {
        var file = Path.Combine(Path.GetTempPath(), $"noress-bench-{Guid.NewGuid():N}.db");
        // NORESS_BENCH_POSTGRES (a server connection string) replays into a throwaway PostgreSQL database instead.
        var postgres = Environment.GetEnvironmentVariable("NORESS_BENCH_POSTGRES") is { Length: > 0 } server
            ? new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"noress_bench_{Guid.NewGuid():N}" }.ConnectionString
            : null;
        var options = postgres is null
            ? new DbContextOptionsBuilder<NoressDbContext>().UseSqlite($"Data Source={file}").Options
            : new DbContextOptionsBuilder<NoressDbContext>().UseNpgsql(postgres).Options;
        try
        {
            var factory = new PooledDbContextFactory<NoressDbContext>(options);
            var documentId = Guid.NewGuid();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.EnsureCreatedAsync();
                db.Documents.Add(new Document { Id = documentId, Title = "automerge-paper", CreatedAt = DateTime.UtcNow });
                db.DocumentSnapshots.Add(new DocumentSnapshot { DocumentId = documentId, Version = 0, Text = string.Empty });
                await db.SaveChangesAsync();
            }

            var authority = new DocumentAuthority(
                factory,
                Options.Create(new DocumentOptions { Persistence = DocumentPersistenceMode.Batched, BatchSize = batchSize, SnapshotInterval = 10_000 }),
                TimeProvider.System,
                NullLogger<DocumentAuthority>.Instance);
            var userId = Guid.NewGuid();

            var watch = Stopwatch.StartNew();
            var version = 0;
            foreach (var update in edits)
            {
                var outcome = await authority.PushAsync(documentId, version, [update], userId);
                if (outcome.Status != PushStatus.Accepted)
                {
                    Console.Error.WriteLine($"Edit {version + 1} refused: {outcome.Status}");
                    return null;
                }

                version = outcome.Version;
            }

            var applied = watch.Elapsed;
            await authority.FlushAsync();
            var total = watch.Elapsed;

            var head = await authority.GetHeadAsync(documentId);
            if (head?.Text != endContent)
            {
                Console.Error.WriteLine("The replayed text differs from endContent.");
                return null;
            }

            await using (var db = await factory.CreateDbContextAsync())
            {
                var rows = await db.DocumentUpdates.CountAsync(u => u.DocumentId == documentId);
                var last = await db.DocumentUpdates.Where(u => u.DocumentId == documentId).MaxAsync(u => u.Version);
                if (rows != edits.Count || last != edits.Count)
                {
                    Console.Error.WriteLine($"Only {rows} of {edits.Count} updates were stored.");
                    return null;
                }
            }

            return (applied.TotalMilliseconds, total.TotalMilliseconds);
        }
        finally
        {
            if (postgres is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var db = await new PooledDbContextFactory<NoressDbContext>(options).CreateDbContextAsync();
                await db.Database.EnsureDeletedAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    // The JSON a CodeMirror client would send, parsed beforehand as SignalR does before calling the hub.
    internal static (List<IncomingUpdate> Edits, string EndContent) Load(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(stream);
        var edits = new List<IncomingUpdate>();
        var length = 0;
        foreach (var txn in json.RootElement.GetProperty("txns").EnumerateArray())
        {
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                var position = patch[0].GetInt32();
                var deleted = patch[1].GetInt32();
                var inserted = patch[2].GetString() ?? string.Empty;
                var changes = ChangeSet.Of(length, position, position + deleted, inserted);
                edits.Add(new IncomingUpdate("bench", changes.ToJsonElement()));
                length = changes.NewLength;
            }
        }

        return (edits, json.RootElement.GetProperty("endContent").GetString()!);
    }

    internal static string Locate(string file) => Noress.Testing.EditingTraces.Locate(file);
}
