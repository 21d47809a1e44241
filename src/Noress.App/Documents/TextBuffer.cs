namespace Noress.App.Documents;

/// <summary>
/// A gap buffer of UTF-16 code units: people type near where they typed last, so moving the gap is short
/// and an edit costs about its own size instead of a copy of the whole document (measured in docs/benchmarks.md).
/// </summary>
public sealed class TextBuffer
{
    private char[] buffer;
    private int gapStart;
    private int gapEnd;

    public TextBuffer(string text, int initialGap = 4096)
    {
        buffer = new char[text.Length + initialGap];
        text.CopyTo(0, buffer, 0, text.Length);
        gapStart = text.Length;
        gapEnd = buffer.Length;
    }

    public int Length => buffer.Length - (gapEnd - gapStart);

    /// <summary>Replaces <paramref name="length"/> code units at <paramref name="position"/> by <paramref name="text"/>.</summary>
    public void Replace(int position, int length, string text)
    {
        if (position < 0 || length < 0 || position + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"Range {position}+{length} is outside a text of length {Length}");
        }

        MoveGap(position);
        gapEnd += length;
        EnsureGap(text.Length);
        text.CopyTo(0, buffer, gapStart, text.Length);
        gapStart += text.Length;
    }

    public override string ToString() => string.Concat(buffer.AsSpan(0, gapStart), buffer.AsSpan(gapEnd));

    private void MoveGap(int position)
    {
        if (position < gapStart)
        {
            var count = gapStart - position;
            Array.Copy(buffer, position, buffer, gapEnd - count, count);
            gapStart -= count;
            gapEnd -= count;
        }
        else if (position > gapStart)
        {
            var count = position - gapStart;
            Array.Copy(buffer, gapEnd, buffer, gapStart, count);
            gapStart += count;
            gapEnd += count;
        }
    }

    private void EnsureGap(int needed)
    {
        if (gapEnd - gapStart >= needed)
        {
            return;
        }

        var tail = buffer.Length - gapEnd;
        var grown = new char[Math.Max(buffer.Length * 2, Length + needed + 4096)];
        Array.Copy(buffer, 0, grown, 0, gapStart);
        Array.Copy(buffer, gapEnd, grown, grown.Length - tail, tail);
        gapEnd = grown.Length - tail;
        buffer = grown;
    }
}
