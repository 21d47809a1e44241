using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Noress.EndToEnd.Documents.DocumentSteps;

namespace Noress.EndToEnd.Documents;

/// <summary>A document's preview stays inside its box: it cannot cover the page around it (ADR 0009).</summary>
[Collection(NoressServerCollection.Name)]
public sealed class DocumentPreviewJourneyTests(NoressServer server)
{
    private const string FullWindow = "position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:99999;background:#c00;color:#fff";

    [Fact]
    public async Task Preview_FullWindowLinkAndForm_StayInsideThePreviewAndLeaveTheDrawerUsable()
    {
        await using var session = await server.OpenSessionAsync();
        await session.SignInAsync("secretariat@noress.demo");
        var page = session.Page;
        await CreateDocumentAsync(session, "Aperçu piégé",
            $"# Aperçu\n\n<a href=\"https://evil.example\" style=\"{FullWindow}\">Session expirée, reconnectez-vous</a>\n\n" +
            $"[Session expirée](https://evil.example){{style=\"{FullWindow}\"}}\n\n" +
            "<form action=\"https://evil.example\"><input name=password><button>Envoyer</button></form>\n\n" +
            "::: mud-overlay\nTout l’écran\n:::\n\nFin du texte.\n");
        await Expect(page.Locator("[data-testid=collaborative-editor][data-connection=connected]")).ToHaveCountAsync(1);
        // The preview is rendered when asked for (ADR 0058).
        await page.GetByTestId("document-layout-split").ClickAsync();
        var preview = page.GetByTestId("document-preview");
        await Expect(preview).ToContainTextAsync("Fin du texte.");

        await AssertDrawerIsOnTopAsync(page);
        var box = await preview.BoundingBoxAsync() ?? throw new InvalidOperationException("The preview is not shown.");
        foreach (var element in await preview.Locator("*").AllAsync())
        {
            if (await element.BoundingBoxAsync() is { Width: > 0, Height: > 0 } inner)
            {
                Assert.True(Inside(inner, box), $"An element of the preview is drawn at {inner.X},{inner.Y} {inner.Width}x{inner.Height}, outside the preview at {box.X},{box.Y} {box.Width}x{box.Height}.");
            }
        }

        Assert.Equal(0, await preview.Locator("form, input, button, [style*=position], .mud-overlay").CountAsync());

        // Second line of defence: even an element the sanitizer never emits, fixed and far larger than the window,
        // is laid out from the preview's corner and clipped to it by the container's CSS containment.
        await preview.EvaluateAsync("""
            container => {
              const a = document.createElement('a');
              a.href = 'https://evil.example';
              a.textContent = 'Injected';
              a.setAttribute('data-testid', 'injected-overlay');
              a.style.cssText = 'position:fixed;left:-3000px;top:-3000px;width:9000px;height:9000px;z-index:2147483647;background:#c00';
              container.appendChild(a);
            }
            """);
        var injected = await page.GetByTestId("injected-overlay").BoundingBoxAsync() ?? throw new InvalidOperationException("Not injected.");
        Assert.Equal(box.X - 3000, injected.X, 1.0);
        Assert.Equal(box.Y - 3000, injected.Y, 1.0);
        await AssertDrawerIsOnTopAsync(page);

        await session.AssertNoBrowserErrorsAsync();
    }

    // What is under the middle of the drawer's first link is the drawer itself, not something from the preview.
    private static async Task AssertDrawerIsOnTopAsync(IPage page)
    {
        await Expect(page.Locator(".mud-drawer .mud-nav-link").First).ToBeVisibleAsync();
        var hit = await page.EvaluateAsync<string>("""
            () => {
              const r = document.querySelector('.mud-drawer .mud-nav-link').getBoundingClientRect();
              const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return e && e.closest('.mud-drawer') ? 'drawer' : (e ? e.outerHTML.slice(0, 160) : 'nothing');
            }
            """);
        Assert.Equal("drawer", hit);
    }

    private static bool Inside(LocatorBoundingBoxResult inner, LocatorBoundingBoxResult outer) =>
        inner.X >= outer.X - 1 && inner.Y >= outer.Y - 1 && inner.X + inner.Width <= outer.X + outer.Width + 1 && inner.Y + inner.Height <= outer.Y + outer.Height + 1;
}
