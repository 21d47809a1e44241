namespace Noress.App.Documents.History;

/// <summary>A run of characters (UTF-16 code units, <c>From..To</c>) written by one person.</summary>
public sealed record AuthorSpan(int From, int To, Guid AuthorId);

/// <summary>A piece of one line of text with its author, for authorship colouring.</summary>
public sealed record AuthoredSegment(string Text, Guid AuthorId);

/// <summary>
/// Who wrote each character still present: a list of runs (length, author) kept in step with the text
/// through every change set. Inserted text belongs to the update's author; kept text keeps its author.
/// </summary>
public sealed class AuthorshipMap
{
    private List<(int Length, Guid Author)> runs = [];

    /// <summary>A map of a text of <paramref name="length"/> written entirely by <paramref name="author"/>.</summary>
    public AuthorshipMap(int length, Guid author)
    {
        if (length > 0)
        {
            runs.Add((length, author));
        }
    }

    /// <summary>The length of the text the map describes.</summary>
    public int Length => runs.Sum(r => r.Length);

    /// <summary>Moves the map over <paramref name="changes"/> made by <paramref name="author"/>.</summary>
    public void Apply(ChangeSet changes, Guid author)
    {
        if (changes.Length != Length)
        {
            throw new ArgumentException($"The changes apply to a text of length {changes.Length}, not {Length}.", nameof(changes));
        }

        var result = new List<(int Length, Guid Author)>(runs.Count + 2);
        var cursor = new RunCursor(runs);
        changes.IterateChanges((fromA, toA, fromB, toB, _) =>
        {
            cursor.CopyTo(result, fromA);
            cursor.Skip(toA);
            Append(result, toB - fromB, author);
        });
        cursor.CopyTo(result, changes.Length);
        runs = result;
    }

    /// <summary>The runs, adjacent ones by the same author joined.</summary>
    public IReadOnlyList<AuthorSpan> Spans()
    {
        var spans = new List<AuthorSpan>(runs.Count);
        var position = 0;
        foreach (var (length, author) in runs)
        {
            spans.Add(new AuthorSpan(position, position + length, author));
            position += length;
        }

        return spans;
    }

    /// <summary>Cuts <paramref name="text"/> into lines of authored segments (the line breaks themselves are dropped).</summary>
    public static IReadOnlyList<IReadOnlyList<AuthoredSegment>> Lines(string text, IReadOnlyList<AuthorSpan> spans)
    {
        var lines = new List<IReadOnlyList<AuthoredSegment>>();
        var line = new List<AuthoredSegment>();
        foreach (var span in spans)
        {
            var start = span.From;
            for (var i = span.From; i < span.To && i < text.Length; i++)
            {
                if (text[i] != '\n')
                {
                    continue;
                }

                if (i > start)
                {
                    line.Add(new AuthoredSegment(text[start..i], span.AuthorId));
                }

                lines.Add(line);
                line = [];
                start = i + 1;
            }

            var end = Math.Min(span.To, text.Length);
            if (end > start)
            {
                line.Add(new AuthoredSegment(text[start..end], span.AuthorId));
            }
        }

        lines.Add(line);
        return lines;
    }

    private static void Append(List<(int Length, Guid Author)> result, int length, Guid author)
    {
        if (length <= 0)
        {
            return;
        }

        if (result.Count > 0 && result[^1].Author == author)
        {
            result[^1] = (result[^1].Length + length, author);
        }
        else
        {
            result.Add((length, author));
        }
    }

    // Walks the old runs once: copies kept stretches, skips replaced ones, splitting runs where a change cuts them.
    private sealed class RunCursor(List<(int Length, Guid Author)> runs)
    {
        private int index;
        private int offset;
        private int position;

        public void CopyTo(List<(int Length, Guid Author)> result, int target) => Advance(target, result);

        public void Skip(int target) => Advance(target, null);

        private void Advance(int target, List<(int Length, Guid Author)>? result)
        {
            while (position < target)
            {
                var (length, author) = runs[index];
                var take = Math.Min(length - offset, target - position);
                if (result is not null)
                {
                    Append(result, take, author);
                }

                position += take;
                offset += take;
                if (offset == length)
                {
                    index++;
                    offset = 0;
                }
            }
        }
    }
}
