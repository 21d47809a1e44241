using Noress.App.Documents;
using Noress.App.Documents.History;

namespace Noress.Tests.Documents;

public sealed class AuthorshipMapTests
{
    private static readonly Guid Amina = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Youssef = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Salma = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void Apply_InsertInTheMiddle_SplitsTheRunAroundTheNewAuthor()
    {
        var map = new AuthorshipMap("Bonjour".Length, Amina);

        map.Apply(ChangeSet.Of(7, 3, 3, "XY"), Youssef);

        Assert.Equal([new AuthorSpan(0, 3, Amina), new AuthorSpan(3, 5, Youssef), new AuthorSpan(5, 9, Amina)], map.Spans());
    }

    [Fact]
    public void Apply_DeleteAcrossAuthors_KeepsOnlySurvivingCharacters()
    {
        var map = new AuthorshipMap(4, Amina);
        map.Apply(ChangeSet.Of(4, 4, 4, "mmmm"), Youssef);

        // Deletes the last two of Amina's and the first two of Youssef's characters.
        map.Apply(ChangeSet.Of(8, 2, 6, string.Empty), Salma);

        Assert.Equal([new AuthorSpan(0, 2, Amina), new AuthorSpan(2, 4, Youssef)], map.Spans());
    }

    [Fact]
    public void Apply_Replacement_GivesTheReplacedTextToItsAuthor()
    {
        var map = new AuthorshipMap(10, Amina);

        map.Apply(ChangeSet.Of(10, 2, 8, "نص"), Youssef);

        Assert.Equal([new AuthorSpan(0, 2, Amina), new AuthorSpan(2, 4, Youssef), new AuthorSpan(4, 6, Amina)], map.Spans());
        Assert.Equal(6, map.Length);
    }

    [Fact]
    public void Apply_SeveralChangesInOneSet_AttributesEachInsertion()
    {
        var map = new AuthorshipMap(6, Amina);
        var changes = ChangeSet.Parse("""[[0,"a"],3,[1,"b"],2]""");

        map.Apply(changes, Youssef);

        Assert.Equal(
            [new AuthorSpan(0, 1, Youssef), new AuthorSpan(1, 4, Amina), new AuthorSpan(4, 5, Youssef), new AuthorSpan(5, 7, Amina)],
            map.Spans());
    }

    [Fact]
    public void Apply_SameAuthorNextToOwnText_JoinsTheRuns()
    {
        var map = new AuthorshipMap(3, Amina);

        map.Apply(ChangeSet.Of(3, 3, 3, "def"), Amina);

        Assert.Equal([new AuthorSpan(0, 6, Amina)], map.Spans());
    }

    [Fact]
    public void Apply_EverythingDeletedThenRetyped_BelongsToTheNewAuthor()
    {
        var map = new AuthorshipMap(5, Amina);

        map.Apply(ChangeSet.Of(5, 0, 5, string.Empty), Youssef);
        map.Apply(ChangeSet.Of(0, 0, 0, "xyz"), Salma);

        Assert.Equal([new AuthorSpan(0, 3, Salma)], map.Spans());
    }

    [Fact]
    public void Apply_WrongLength_Throws()
    {
        var map = new AuthorshipMap(3, Amina);

        Assert.Throws<ArgumentException>(() => map.Apply(ChangeSet.Of(4, 0, 0, "x"), Youssef));
    }

    [Fact]
    public void Apply_RandomEdits_MatchesAnAuthorKeptPerCharacter()
    {
        var random = new Random(42);
        var authors = new[] { Amina, Youssef, Salma };
        var text = "Le règlement intérieur";
        var perCharacter = Enumerable.Repeat(Amina, text.Length).ToList();
        var map = new AuthorshipMap(text.Length, Amina);
        for (var i = 0; i < 500; i++)
        {
            var from = random.Next(text.Length + 1);
            var to = from + random.Next(Math.Min(5, text.Length - from) + 1);
            var insert = new string('x', random.Next(4));
            var author = authors[random.Next(authors.Length)];
            var changes = ChangeSet.Of(text.Length, from, to, insert);

            map.Apply(changes, author);
            text = changes.Apply(text);
            perCharacter.RemoveRange(from, to - from);
            perCharacter.InsertRange(from, Enumerable.Repeat(author, insert.Length));

            var expanded = map.Spans().SelectMany(s => Enumerable.Repeat(s.AuthorId, s.To - s.From)).ToList();
            Assert.Equal(perCharacter, expanded);
            Assert.Equal(text.Length, map.Length);
        }
    }

    [Fact]
    public void Lines_SpanAcrossLineBreak_CutsIntoLinesKeepingAuthors()
    {
        var text = "ab\ncd\n\nعر";
        var spans = new[] { new AuthorSpan(0, 4, Amina), new AuthorSpan(4, 10, Youssef) };

        var lines = AuthorshipMap.Lines(text, spans);

        Assert.Equal(4, lines.Count);
        Assert.Equal([new AuthoredSegment("ab", Amina)], lines[0]);
        Assert.Equal([new AuthoredSegment("c", Amina), new AuthoredSegment("d", Youssef)], lines[1]);
        Assert.Empty(lines[2]);
        Assert.Equal([new AuthoredSegment("عر", Youssef)], lines[3]);
    }
}
