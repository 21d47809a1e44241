using Noress.App.Documents;

namespace Noress.Tests.Documents;

public sealed class UpdateRebaseTests
{
    private static readonly DateTime At = new(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);

    private static AcceptedUpdate Stored(int version, string clientId, ChangeSet changes) =>
        new(version, clientId, Guid.Empty, At, changes.ToJson(), changes);

    private static string Replay(string text, IEnumerable<ChangeSet> changes) => changes.Aggregate(text, (current, c) => c.Apply(current));

    [Fact]
    public void Rebase_OverAnInsertBefore_MovesThePushedInsertAfterIt()
    {
        var since = Stored(1, "other", ChangeSet.Of(3, 0, 0, "XY"));

        var result = UpdateRebase.Rebase([new ClientUpdate("me", ChangeSet.Of(3, 2, 2, "!"))], [since], _ => null);

        Assert.NotNull(result);
        Assert.Equal(0, result.Skipped);
        Assert.Equal("XYab!c", Replay("abc", [since.Changes, .. result.Rebased]));
    }

    [Fact]
    public void Rebase_OverADeleteAroundThePushedEdit_KeepsTheInsertAndDropsWhatIsGone()
    {
        // Someone deleted "bcd"; we replaced "c" by "C" and inserted "!" at the end.
        var since = Stored(1, "other", ChangeSet.Of(5, 1, 4, string.Empty));
        var first = ChangeSet.Of(5, 2, 3, "C");
        var second = ChangeSet.Of(5, 5, 5, "!");

        var result = UpdateRebase.Rebase([new ClientUpdate("me", first), new ClientUpdate("me", second)], [since], _ => null);

        Assert.NotNull(result);
        Assert.Equal("aCe!", Replay("abcde", [since.Changes, .. result.Rebased]));
    }

    [Fact]
    public void Rebase_OverSeveralUpdates_EqualsTheClientsOwnRebase()
    {
        var a = ChangeSet.Of(6, 0, 0, "<");
        var b = ChangeSet.Of(7, 7, 7, ">");
        var c = ChangeSet.Of(8, 3, 5, "--");
        var since = new[] { Stored(1, "x", a), Stored(2, "y", b), Stored(3, "x", c) };
        var mine = ChangeSet.Of(6, 2, 4, "ZZZ");

        var result = UpdateRebase.Rebase([new ClientUpdate("me", mine)], since, _ => null);

        // The client rebases the other way round: its update stays, the others are mapped over it.
        var others = a.Compose(b).Compose(c);
        Assert.NotNull(result);
        Assert.Equal(Replay("012345", [mine, others.Map(mine, true)]), Replay("012345", [.. since.Select(s => s.Changes), .. result.Rebased]));
    }

    [Fact]
    public void Rebase_UpdatesAlreadyStoredFromTheSameClient_AreDropped()
    {
        var mine = ChangeSet.Of(3, 3, 3, "d");
        var theirs = ChangeSet.Of(4, 0, 0, "X");
        var next = ChangeSet.Of(4, 4, 4, "e");

        // "mine" was stored (version 1) but its answer was lost; the client sends it again with its next update.
        var result = UpdateRebase.Rebase([new ClientUpdate("me", mine), new ClientUpdate("me", next)], [Stored(1, "me", mine), Stored(2, "them", theirs)], _ => null);

        Assert.NotNull(result);
        Assert.Equal(1, result.Skipped);
        Assert.Equal("Xabcde", Replay("abc", [mine, theirs, .. result.Rebased]));
    }

    [Fact]
    public void Rebase_ACopyThatDiffersFromTheStoredUpdate_CannotBePlaced()
    {
        var result = UpdateRebase.Rebase(
            [new ClientUpdate("me", ChangeSet.Of(3, 0, 0, "x"))], [Stored(1, "me", ChangeSet.Of(3, 1, 1, "y"))], _ => null);

        Assert.Null(result);
    }

    [Theory]
    [InlineData("fr", "XÉcخ")]
    [InlineData("ar", "XÉخc")]
    [InlineData(null, "XÉخc")]
    public void Rebase_ATieAtOnePlace_GoesToWhoeverWroteTheCharacterBefore(string? wroteTheAccent, string expected)
    {
        // On "XÉ", "fr" types "c" after "É" while "ar" typed "خ" at the same place, accepted first.
        var since = Stored(3, "ar", ChangeSet.Of(2, 2, 2, "خ"));

        var result = UpdateRebase.Rebase([new ClientUpdate("fr", ChangeSet.Of(2, 2, 2, "c"))], [since], position => position == 1 ? wroteTheAccent : "seed");

        Assert.NotNull(result);
        Assert.Equal(expected, Replay("XÉ", [since.Changes, .. result.Rebased]));
    }

    [Fact]
    public void Rebase_ATieAfterTheClientsOwnEarlierUpdateInThePush_KeepsItsRun()
    {
        // "fr" wrote "X", then typed "É" and "c" after it in one push; "ar" typed "خ" after "X", accepted first.
        var since = Stored(2, "ar", ChangeSet.Of(1, 1, 1, "خ"));
        var accent = ChangeSet.Of(1, 1, 1, "É");
        var c = ChangeSet.Of(2, 2, 2, "c");

        var result = UpdateRebase.Rebase([new ClientUpdate("fr", accent), new ClientUpdate("fr", c)], [since], position => position == 0 ? "fr" : null);

        // "É" follows fr's "X", and "c" fr's "É" (an earlier update of the same push): the run stays whole.
        Assert.NotNull(result);
        Assert.Equal("XÉcخ", Replay("X", [since.Changes, .. result.Rebased]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MapOverOwn_FindsTheOrderTheAuthorityChose_SoTheClientEndsOnTheStoredText(bool ownFirst)
    {
        var others = ChangeSet.Of(3, 1, 1, "O");
        var own = ChangeSet.Of(3, 1, 1, "m");
        var stored = own.Map(others, ownFirst);

        var mapped = UpdateRebase.MapOverOwn(others, own, stored);

        Assert.NotNull(mapped);
        Assert.Equal(Replay("abc", [others, stored]), Replay("abc", [own, mapped]));
        Assert.Null(UpdateRebase.MapOverOwn(others, own, ChangeSet.Of(4, 0, 0, "?")));
    }
}
