using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Noress.App.Calls;
using Noress.App.Calls.Evaluation;
using Noress.App.Calls.Workflow;
using Noress.App.Shared.Operations;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calls;

/// <summary>Every code the rules return, and every rule name a page shows, has its text in the three languages.</summary>
public sealed class CallsEngineTextTests
{
    public static TheoryData<string> Files() => new("CallsEngineText.resx", "CallsEngineText.ar.resx", "CallsEngineText.en.resx");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Source, "Noress.App", "Calls", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCodeAndRuleName_HasItsText(string file)
    {
        var keys = Keys(file);
        var expected = CallsEngineCodes.All
            .Concat(Enum.GetNames<CallActor>().Select(n => "Actor." + n))
            .Concat(Enum.GetNames<TieBreakKind>().Select(n => "TieBreak." + n))
            .Concat(Enum.GetNames<ConflictReason>().Select(n => "ConflictReason." + n))
            .Append("Tie.ExAequo");
        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [Fact]
    public void For_EveryCode_GivesARefusalWithThatCode()
    {
        var refuse = new Refusals<CallsEngineText>(new EchoLocalizer());
        Assert.All(CallsEngineCodes.All, code => Assert.Equal(code, refuse.For(code).Code));
        Assert.Equal(CallsEngineCodes.All.Count, CallsEngineCodes.All.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => refuse.For("Error.Unknown"));
    }

    private sealed class EchoLocalizer : IStringLocalizer<CallsEngineText>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
