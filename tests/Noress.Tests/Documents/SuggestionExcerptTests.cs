using Noress.App.Documents.Editor;

namespace Noress.Tests.Documents;

public sealed class SuggestionExcerptTests
{
    [Theory]
    [InlineData("[[0,\"X\"],4]", "+ X")]
    [InlineData("[3,[2,\"ab\",\"cd\"],1]", "+ ab cd (−2)")]
    [InlineData("[3,[2],1]", "−2")]
    [InlineData("[5,[0,\"مرحبا\"]]", "+ مرحبا")]
    public void From_ChangeSetJson_SaysWhatItInsertsAndDeletes(string json, string expected) =>
        Assert.Equal(expected, SuggestionExcerpt.From(json));
}
