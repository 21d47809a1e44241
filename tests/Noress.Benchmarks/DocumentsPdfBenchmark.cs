using System.Diagnostics;
using System.Globalization;
using Noress.App.Documents.History;
using UglyToad.PdfPig;

namespace Noress.Benchmarks;

/// <summary>
/// What one PDF export costs: the final text of automerge-paper (about 105,000 characters of English
/// prose) and a French/Arabic text of the same size (the internal rules repeated), each rendered several times
/// through <see cref="DocumentPdf"/> (shaping every line with HarfBuzz), median reported; the output is read back
/// with PdfPig so the timing is of a PDF that holds the text.
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

    public static Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var (_, paper) = DocumentsReplayBenchmark.Load(DocumentsReplayBenchmark.Locate("automerge-paper.json.gz"));
        var bilingual = string.Concat(Enumerable.Repeat(Bilingual, (paper.Length / Bilingual.Length) + 1))[..paper.Length];
        Console.WriteLine($"Documents PDF: {runs} runs per text (first is warm-up), {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        Console.WriteLine("| text | characters | pages | PDF KB | median ms | min ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, text) in new[] { ("automerge-paper endContent", paper), ("French/Arabic rules, same length", bilingual) })
        {
            byte[] pdf = [];
            var times = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                pdf = DocumentPdf.Render(name, "benchmark", text);
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            using var document = PdfDocument.Open(pdf);
            var words = document.GetPages().Sum(p => p.GetWords().Count());
            if (words < text.Length / 20)
            {
                Console.Error.WriteLine($"{name}: only {words} words read back from the PDF.");
                return Task.FromResult(1);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {text.Length:N0} | {document.NumberOfPages:N0} | {pdf.Length / 1024:N0} | {times[times.Count / 2]:N0} | {times[0]:N0} | {times[^1]:N0} |"));
        }

        return Task.FromResult(0);
    }
}
