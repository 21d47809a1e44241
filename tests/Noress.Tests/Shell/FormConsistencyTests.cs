using System.Text.RegularExpressions;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

/// <summary>
/// One input look across forms: every field uses MudBlazor's default variant (the one most forms already used),
/// so no input component sets its own.
/// </summary>
public sealed partial class FormConsistencyTests
{
    [Fact]
    public void InputComponents_SetNoVariantOfTheirOwn()
    {
        var problems = Directory.EnumerateFiles(RepositoryPaths.Source, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => InputWithVariant().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryPaths.Root, f)}: {m.Value}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void InputWithVariant_FindsAVariantOnAnInputOnly()
    {
        Assert.Matches(InputWithVariant(), "<MudTextField @bind-Value=\"x\"\n    Variant=\"Variant.Outlined\" />");
        Assert.Matches(InputWithVariant(), "<MudTextField For=\"() => request.Email\" Variant=\"Variant.Filled\" />");
        Assert.DoesNotMatch(InputWithVariant(), "<MudButton Variant=\"Variant.Outlined\">x</MudButton>");
        Assert.DoesNotMatch(InputWithVariant(), "<MudSelect T=\"int\" Label=\"x\"><MudSelectItem Value=\"1\" /></MudSelect>");
    }

    // "=>" inside a lambda attribute (For="() => x") does not end the tag.
    [GeneratedRegex(@"<Mud(TextField|Select|NumericField|DatePicker|TimePicker|Autocomplete)\b(?:=>|[^>])*?\bVariant=""[^""]*""")]
    private static partial Regex InputWithVariant();
}
