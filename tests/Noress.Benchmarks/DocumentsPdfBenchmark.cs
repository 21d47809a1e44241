using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Pdf;
using Noress.Testing;

namespace Noress.Benchmarks;

/// <summary>
/// What one PDF export costs: the final text of automerge-paper (about 105,000 characters of English
/// prose) and a French/Arabic text of the same size (the internal rules repeated), each rendered several times
/// through <see cref="PdfRenderer"/> (the print page printed by headless Chromium, one process per export), median
/// reported; the output is read back in logical order (<see cref="PdfText"/>) so the timing is of a PDF that holds the
/// text. A one-line document gives the fixed cost of starting Chromium. Chromium: NORESS_CHROMIUM or the installed one.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- documents-pdf [runs]
/// </summary>
internal static class DocumentsPdfBenchmark
{
    private const string Bilingual = """
        ## Article 3 : quorum et majorité
        La plénière délibère valablement lorsque la moitié au moins des institutions membres en règle sont représentées.
        ## المادة 3: النصاب والأغلبية
        تتداول الجلسة العامة بصفة صحيحة إذا كان نصف المؤسسات الأعضاء على الأقل ممثلا، وتتخذ القرارات بأغلبية الأصوات المعبر عنها.
        - Les décisions sont prises à la majorité des suffrages exprimés.

        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var (_, paper) = DocumentsReplayBenchmark.Load(DocumentsReplayBenchmark.Locate("automerge-paper.json.gz"));
        var bilingual = string.Concat(Enumerable.Repeat(Bilingual, (paper.Length / Bilingual.Length) + 1))[..paper.Length];
        var options = new PdfOptions { ChromiumPath = Environment.GetEnvironmentVariable("NORESS_CHROMIUM"), TimeoutSeconds = 600 };
        using var renderer = new PdfRenderer(Options.Create(options), NullLogger<PdfRenderer>.Instance);
        Console.WriteLine($"Documents PDF: {runs} runs per text (first is warm-up), {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, Chromium at {options.ResolveChromium()}");
        Console.WriteLine("| text | characters | pages | PDF KB | median ms | min ms | max ms | median ms per page |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, text) in new[] { ("one line (fixed cost)", "Article 1 : المادة 1"), ("automerge-paper endContent", paper), ("French/Arabic rules, same length", bilingual) })
        {
            byte[] pdf = [];
            var times = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                pdf = await renderer.RenderMarkdownAsync(name, "benchmark", text, CultureInfo.GetCultureInfo("fr-MA"), CancellationToken.None);
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var lines = PdfText.Lines(pdf);
            var characters = lines.Sum(l => l.Text.Length);
            if (characters < text.Length * 8 / 10)
            {
                Console.Error.WriteLine($"{name}: only {characters} characters read back from the PDF.");
                return 1;
            }

            times.Sort();
            var pages = lines.Max(l => l.Page);
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {text.Length:N0} | {pages:N0} | {pdf.Length / 1024:N0} | {median:N0} | {times[0]:N0} | {times[^1]:N0} | {median / pages:N0} |"));
        }

        return 0;
    }
}
