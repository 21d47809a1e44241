using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Pdf;

namespace Noress.Tests.Shared.Pdf;

/// <summary>One bilingual PDF printed by the real Chromium (NORESS_CHROMIUM, or the installed one), shared by the reading tests.</summary>
public sealed class ChromiumPdfFixture : IAsyncLifetime
{
    public const string Markdown = """
        ## Plan de formation

        تمتد الخطة من 2026-2028 بميزانية 40 000 درهم.

        Le comité adopte « التكوين المستمر » à l'unanimité.

        قرر المجلس « formation continue » بالإجماع.

        | Poste | Montant |
        |---|---|
        | Formation | 12 500 |
        | Mobilité | 3 000 |

        Bonjour
        """;

    public byte[] Pdf { get; private set; } = [];

    public static PdfRenderer Renderer(Action<PdfOptions>? configure = null)
    {
        var options = new PdfOptions { ChromiumPath = Environment.GetEnvironmentVariable("NORESS_CHROMIUM") };
        configure?.Invoke(options);
        return new PdfRenderer(Options.Create(options), NullLogger<PdfRenderer>.Instance);
    }

    public async Task InitializeAsync()
    {
        using var renderer = Renderer();
        Pdf = await renderer.RenderMarkdownAsync("Règlement intérieur", "Version 3", Markdown, CultureInfo.GetCultureInfo("fr-MA"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
