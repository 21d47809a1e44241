using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Members;

public sealed class ZzMarkupDumpTests : NoressTestContext
{
    private static RenderFragment C<T>(params (string Name, object? Value)[] attrs) where T : IComponent => b =>
    {
        b.OpenComponent<T>(0);
        foreach (var (n, v) in attrs)
        {
            b.AddAttribute(1, n, v);
        }

        b.CloseComponent();
    };

    private static RenderFragment Text(string s) => b => b.AddContent(0, s);

    [Fact]
    public void Dump()
    {
        var parts = new (string, RenderFragment)[]
        {
            ("text-h4-h1", C<MudText>(("Typo", Typo.h4), ("HtmlTag", "h1"), ("ChildContent", Text("X")))),
            ("text-h6-gb", C<MudText>(("Typo", Typo.h6), ("GutterBottom", true), ("ChildContent", Text("X")))),
            ("text-body2", C<MudText>(("Typo", Typo.body2), ("ChildContent", Text("X")))),
            ("text-body1", C<MudText>(("Typo", Typo.body1), ("ChildContent", Text("X")))),
            ("text-sub1", C<MudText>(("Typo", Typo.subtitle1), ("lang", "fr"), ("dir", "ltr"), ("Class", "mud-text-secondary"), ("ChildContent", Text("X")))),
            ("chip-status", C<MudChip<string>>(("Size", Size.Small), ("Variant", Variant.Outlined), ("Color", Color.Success), ("ChildContent", Text("X")))),
            ("chip-warn", C<MudChip<string>>(("Size", Size.Small), ("Variant", Variant.Outlined), ("Color", Color.Warning), ("ChildContent", Text("X")))),
            ("chip-good", C<MudChip<string>>(("Size", Size.Small), ("Color", Color.Success), ("ChildContent", Text("X")))),
            ("chip-plain", C<MudChip<string>>(("Size", Size.Small), ("Class", "ms-2"), ("ChildContent", Text("X")))),
            ("stack", C<MudStack>(("Row", true), ("AlignItems", AlignItems.Center), ("Spacing", 3), ("Wrap", Wrap.Wrap), ("Class", "mb-4"), ("ChildContent", Text("X")))),
            ("stack2", C<MudStack>(("Row", true), ("Spacing", 1), ("Wrap", Wrap.Wrap), ("Class", "mt-2"), ("ChildContent", Text("X")))),
            ("spacer", C<MudSpacer>()),
            ("btn-edit", C<MudButton>(("Href", "members/ADS/edit"), ("Variant", Variant.Outlined), ("StartIcon", Icons.Material.Filled.Edit), ("ChildContent", Text("X")))),
            ("btn-small", C<MudButton>(("Size", Size.Small), ("Variant", Variant.Text), ("OnClick", EventCallback.Factory.Create<Microsoft.AspNetCore.Components.Web.MouseEventArgs>(this, () => { })), ("ChildContent", Text("X")))),
            ("btn-outl", C<MudButton>(("Variant", Variant.Outlined), ("Class", "mt-2"), ("OnClick", EventCallback.Factory.Create<Microsoft.AspNetCore.Components.Web.MouseEventArgs>(this, () => { })), ("ChildContent", Text("X")))),
            ("btn-pdf", C<MudButton>(("Href", "members/files/x"), ("Variant", Variant.Text), ("StartIcon", Icons.Material.Filled.PictureAsPdf), ("download", "a.pdf"), ("ChildContent", Text("X")))),
            ("grid", C<MudGrid>(("Spacing", 3), ("ChildContent", Text("X")))),
            ("item", C<MudItem>(("xs", 12), ("md", 6), ("ChildContent", Text("X")))),
            ("paper", C<MudPaper>(("Class", "pa-4"), ("Outlined", true), ("ChildContent", Text("X")))),
            ("table", C<MudSimpleTable>(("Dense", true), ("Elevation", 0), ("Class", "mb-2"), ("ChildContent", Text("X")))),
            ("table2", C<MudSimpleTable>(("Dense", true), ("ChildContent", Text("X")))),
            ("link", C<MudLink>(("Href", "https://x"), ("Target", "_blank"), ("rel", "noopener noreferrer"), ("ChildContent", Text("X")))),
            ("list", C<MudList<string>>(("Dense", true), ("aria-label", "People"), ("ChildContent", C<MudListItem<string>>(("Href", "members/people/1"), ("Icon", Icons.Material.Filled.Person), ("ChildContent", Text("X")))))),
        };
        var output = new System.Text.StringBuilder();
        foreach (var (name, fragment) in parts)
        {
            var cut = Render(fragment);
            output.Append("=== ").AppendLine(name).AppendLine(cut.Markup);
        }

        File.WriteAllText("/tmp/mud-markup.txt", output.ToString());
    }
}
