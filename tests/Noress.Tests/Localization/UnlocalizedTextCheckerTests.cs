using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>The checker behind <see cref="UnlocalizedTextTests"/> must itself catch a hard-coded word.</summary>
public sealed class UnlocalizedTextCheckerTests : NoressTestContext
{
    public UnlocalizedTextCheckerTests() => UseMarkerLocalizer();

    [Fact]
    public void Find_HardCodedFrenchText_IsReported()
    {
        var cut = Render<HardCodedText>();

        var problems = UnlocalizedTextChecker.Find(cut.Markup);

        Assert.Contains(problems, p => p.Contains("Enregistrer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("aria-label=\"Fermer\"", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("Common.BackHome", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_LocalizedTextAndData_IsClean()
    {
        var cut = Render<LocalizedText>();

        Assert.Empty(UnlocalizedTextChecker.Find(cut.Markup, UserName));
    }

    [Theory]
    [InlineData("<p>⟦Home.Welcome⟧</p>")]
    [InlineData("<p>⟦Area.Title⟧ · NORESS 2026</p>")]
    [InlineData("<button title=\"⟦Shell.DarkMode⟧\">42</button>")]
    [InlineData("<svg><title>Menu</title><path d=\"M3 18h18v-2H3z\"/></svg>")]
    [InlineData("<script>var a = 'x';</script>")]
    public void Find_MarkupWithoutFreeText_IsClean(string markup) =>
        Assert.Empty(UnlocalizedTextChecker.Find(markup));

    [Theory]
    [InlineData("<p>Bienvenue</p>")]
    [InlineData("<p>⟦Home.Welcome⟧ sur la plateforme</p>")]
    [InlineData("<img alt=\"Logo\">")]
    [InlineData("<input placeholder=\"Rechercher\">")]
    [InlineData("<span title=\"Aide\"></span>")]
    [InlineData("<p>مرحبا</p>")]
    [InlineData("<title>Accueil · ⟦Shell.PlatformName⟧</title>")]
    public void Find_FreeText_IsReported(string markup) =>
        Assert.Single(UnlocalizedTextChecker.Find(markup));

    /// <summary>A component written the wrong way: a word and a label typed straight into the markup.</summary>
    private sealed class HardCodedText : ComponentBase
    {
        [Inject]
        private IStringLocalizer<SharedText> T { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "div");
            builder.OpenElement(1, "button");
            builder.AddContent(2, "Enregistrer");
            builder.CloseElement();
            builder.OpenElement(3, "button");
            builder.AddAttribute(4, "aria-label", "Fermer");
            builder.AddContent(5, "×");
            builder.CloseElement();
            builder.OpenElement(6, "a");
            builder.AddContent(7, T["Common.BackHome"].Value);
            builder.CloseElement();
            builder.CloseElement();
        }
    }

    /// <summary>The right way: every word through the localizer, data shown as is.</summary>
    private sealed class LocalizedText : ComponentBase
    {
        [Inject]
        private IStringLocalizer<SharedText> T { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "aria-label", T["Shell.Notifications"].Value);
            builder.AddContent(2, T["User.Logout"].Value);
            builder.AddContent(3, " " + UserName + " (3)");
            builder.CloseElement();
        }
    }
}
