using System.Text.Json;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

public sealed class ChangeSetTests
{
    [Fact]
    public void Parse_CodeMirrorJson_AppliesInsertDeleteAndLines()
    {
        var changes = ChangeSet.Parse("""[2,[1],1,[0,"x","y"],2]""");

        Assert.Equal(6, changes.Length);
        Assert.Equal("abdx\nyef", changes.Apply("abcdef"));
        Assert.Equal("""[2,[1],1,[0,"x","y"],2]""", changes.ToJson());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[-1]")]
    [InlineData("[[1,2]]")]
    [InlineData("[\"a\"]")]
    [InlineData("[[]]")]
    [InlineData("[1.5]")]
    public void TryParse_Malformed_ReturnsFalse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(ChangeSet.TryParse(document.RootElement, out _));
    }

    [Fact]
    public void Map_ConcurrentInsertsAtSamePlace_BeforeFlagOrdersThem()
    {
        var a = ChangeSet.Of(3, 1, 1, "A");
        var b = ChangeSet.Of(3, 1, 1, "B");

        Assert.Equal("xBAyz", a.Map(b).Apply(b.Apply("xyz")));
        Assert.Equal("xAByz", a.Map(b, before: true).Apply(b.Apply("xyz")));
    }

    [Fact]
    public void Compose_ThenApply_EqualsApplyingInTurn()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomEdits.Text(random, random.Next(0, 12));
            var first = RandomEdits.Change(random, text.Length);
            var middle = first.Apply(text);
            var second = RandomEdits.Change(random, middle.Length);

            Assert.Equal(second.Apply(middle), first.Compose(second).Apply(text));
        }
    }

    [Fact]
    public void Map_BothOrders_Converge()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomEdits.Text(random, random.Next(0, 12));
            var a = RandomEdits.Change(random, text.Length);
            var b = RandomEdits.Change(random, text.Length);

            var viaA = b.Map(a).Apply(a.Apply(text));
            var viaB = a.Map(b, before: true).Apply(b.Apply(text));
            Assert.Equal(viaA, viaB);
        }
    }

    [Theory]
    [InlineData("début نص 😀", 2)]
    // The authority loads a document with no gap (an idle open document holds its text alone): the first edit makes one.
    [InlineData("début نص 😀", 0)]
    [InlineData("", 0)]
    [InlineData("début", 4096)]
    public void ApplyTo_GapBuffer_MatchesStringApply(string initial, int initialGap)
    {
        var random = new Random(3);
        var text = initial;
        var buffer = new TextBuffer(text, initialGap);
        Assert.Equal(text, buffer.ToString());
        for (var i = 0; i < 3000; i++)
        {
            var change = RandomEdits.Change(random, text.Length);
            text = change.Apply(text);
            change.ApplyTo(buffer);
        }

        Assert.Equal(text, buffer.ToString());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(23)]
    [InlineData(61)]
    public void Compose_OfALongFoldAndAShortSet_HasTheSectionsOfTheFullWalk(int seed)
    {
        // The fast path copies what the short set keeps; rebases depend on the exact sections, not only the text.
        var random = new Random(seed);
        for (var round = 0; round < 60; round++)
        {
            var text = RandomEdits.Text(random, random.Next(0, 40));
            var fold = ChangeSet.Empty(text.Length);
            var walked = fold;
            var inPlace = new ChangeSet.Fold();
            inPlace.Add(fold);
            var current = text;
            for (var step = 0; step < 60; step++)
            {
                // Sometimes two ranges at once, as an editor's run of typing is.
                var next = RandomEdits.Change(random, current.Length);
                if (random.Next(3) == 0)
                {
                    next = next.Compose(RandomEdits.Change(random, next.NewLength));
                }

                fold = fold.Compose(next);
                inPlace.Add(next);
                walked = walked.IsEmpty ? next : next.IsEmpty ? walked : ChangeSet.ComposeWalk(walked, next);
                current = next.Apply(current);
                Assert.Equal(walked.ToJson(), fold.ToJson());
                Assert.True(walked.SameAs(fold));
                // The in-place fold (ADR 0063), read back at random steps only: reading must not change what follows.
                if (random.Next(4) == 0 || step == 59)
                {
                    Assert.Equal(walked.ToJson(), inPlace.Result.ToJson());
                }
            }

            Assert.Equal(current, fold.Apply(text));
        }
    }

    [Fact]
    public void Compose_OfASetWithUnjoinedNeighbours_JoinsThemAsTheWalkDoes()
    {
        // A client may send sections CodeMirror would have joined: the fast path must not copy them as they are.
        var loose = ChangeSet.Parse("""[2,3,[1,"a"],[0,"b"],4]""");
        var next = ChangeSet.Of(loose.NewLength, 9, 10, "z");

        Assert.Equal(ChangeSet.ComposeWalk(loose, next).ToJson(), loose.Compose(next).ToJson());
        Assert.Equal("""[5,[1,"a"],[0,"b"],2,[1,"z"],1]""", loose.Compose(next).ToJson());
    }

    [Fact]
    public void Fold_OfASetWithUnjoinedNeighbours_JoinsThemAsTheWalkDoes()
    {
        var loose = ChangeSet.Parse("""[2,3,[1,"a"],[0,"b"],4]""");
        var fold = new ChangeSet.Fold();

        var first = ChangeSet.Of(loose.NewLength, 9, 10, "z");
        var second = ChangeSet.Of(first.NewLength, 0, 1, "q");

        fold.Add(loose);
        fold.Add(first);
        fold.Add(second);

        var walked = ChangeSet.ComposeWalk(ChangeSet.ComposeWalk(loose, first), second);
        Assert.Equal(walked.ToJson(), fold.Result.ToJson());
        Assert.Equal(loose.Compose(first).Compose(second).ToJson(), fold.Result.ToJson());
    }

    [Fact]
    public void Fold_AfterResetAndClear_ComposesFromTheNewStart()
    {
        var fold = new ChangeSet.Fold();
        fold.Add(ChangeSet.Of(10, 2, 4, "abc"));
        fold.Add(ChangeSet.Of(11, 0, 0, "x"));

        fold.Reset(ChangeSet.Of(5, 1, 2, "y"));
        fold.Add(ChangeSet.Of(5, 4, 5, string.Empty));
        Assert.Equal(ChangeSet.Of(5, 1, 2, "y").Compose(ChangeSet.Of(5, 4, 5, string.Empty)).ToJson(), fold.Result.ToJson());

        fold.Clear();
        Assert.False(fold.Any);
        fold.Add(ChangeSet.Of(3, 0, 3, "long text"));
        Assert.Equal("""[[3,"long text"]]""", fold.Result.ToJson());
    }

    [Fact]
    public void Fold_WithMismatchedLengths_ThrowsAndKeepsWhatItHad()
    {
        var fold = new ChangeSet.Fold();
        fold.Add(ChangeSet.Of(5, 1, 2, "x"));
        fold.Add(ChangeSet.Of(5, 4, 5, "w"));

        Assert.Throws<InvalidOperationException>(() => fold.Add(ChangeSet.Of(9, 0, 1, "y")));
        Assert.Equal(ChangeSet.Of(5, 1, 2, "x").Compose(ChangeSet.Of(5, 4, 5, "w")).ToJson(), fold.Result.ToJson());
    }

    [Fact]
    public void Compose_WithMismatchedLengths_Throws()
    {
        var first = ChangeSet.Of(5, 1, 2, "x");

        Assert.Throws<InvalidOperationException>(() => first.Compose(ChangeSet.Of(9, 0, 1, "y")));
    }

    [Fact]
    public void MapPosition_InsertBefore_MovesPosition()
    {
        var changes = ChangeSet.Of(5, 0, 0, "ab");

        Assert.Equal(4, changes.MapPosition(2));
        Assert.Equal(0, changes.MapPosition(0, -1));
        Assert.Equal(2, changes.MapPosition(0, 1));
    }
}

internal static class RandomEdits
{
    // Arabic letters, a combining accent, a surrogate pair, a newline: positions are UTF-16 code units.
    private static readonly string[] Pieces = ["a", "bc", "مرحبا", "e\u0301", "😀", "\n", "نص ", "é", "👍🏽"];

    public static string Text(Random random, int pieces) =>
        string.Concat(Enumerable.Range(0, pieces).Select(_ => Pieces[random.Next(Pieces.Length)]));

    public static ChangeSet Change(Random random, int length)
    {
        var from = random.Next(0, length + 1);
        var to = random.Next(3) == 0 ? from : Math.Min(length, from + random.Next(0, 6));
        var insert = random.Next(4) == 0 ? string.Empty : Text(random, random.Next(1, 3));
        return ChangeSet.Of(length, from, to, insert);
    }
}
