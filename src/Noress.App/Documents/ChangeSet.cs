using System.Text;
using System.Text.Json;

namespace Noress.App.Documents;

/// <summary>
/// A port of CodeMirror's <c>ChangeSet</c> (@codemirror/state): a sequence of sections, each keeping
/// <c>len</c> code units (<c>ins == -1</c>) or replacing <c>len</c> code units by <c>ins</c> inserted ones.
/// Positions and lengths are UTF-16 code units, exactly as JavaScript counts them.
/// </summary>
public sealed class ChangeSet
{
    private readonly int[] sections;

    // Inserted text per section (index = section index); empty for kept or deleted spans.
    private readonly string[] inserted;

    private ChangeSet(int[] sections, string[] inserted)
    {
        this.sections = sections;
        this.inserted = inserted;
        for (var i = 0; i < sections.Length; i += 2)
        {
            Length += sections[i];
            NewLength += sections[i + 1] < 0 ? sections[i] : sections[i + 1];
        }
    }

    // Whether no section is empty and no neighbours would be joined by the builder (every set the builder made).
    private bool? normalized;

    /// <summary>The length of the document the changes apply to.</summary>
    public int Length { get; }

    /// <summary>The length of the document after the changes.</summary>
    public int NewLength { get; }

    /// <summary>True when the set changes nothing.</summary>
    public bool IsEmpty => sections.Length == 0 || (sections.Length == 2 && sections[1] < 0);

    /// <summary>The number of code units the set inserts (its size as sent over the wire, roughly).</summary>
    public int InsertedLength => inserted.Sum(s => s.Length);

    public static ChangeSet Empty(int length) => new(length > 0 ? [length, -1] : [], length > 0 ? [string.Empty] : []);

    /// <summary>A set replacing <c>from..to</c> by <paramref name="insert"/> in a document of <paramref name="length"/>.</summary>
    public static ChangeSet Of(int length, int from, int to, string insert)
    {
        if (from < 0 || to < from || to > length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"Invalid change range {from} to {to} (in doc of length {length})");
        }

        var builder = new Builder();
        builder.Add(from, -1, string.Empty);
        builder.Add(to - from, insert.Length, insert);
        builder.Add(length - to, -1, string.Empty);
        return builder.Build();
    }

    /// <summary>
    /// Parses the value of CodeMirror's <c>ChangeSet.toJSON()</c>; false (and no set) for anything malformed:
    /// not an array, negative or non-integer lengths, non-string lines.
    /// </summary>
    public static bool TryParse(JsonElement json, out ChangeSet changes)
    {
        changes = Empty(0);
        if (json.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var builder = new List<int>(json.GetArrayLength() * 2);
        var texts = new List<string>(json.GetArrayLength());
        foreach (var part in json.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Number)
            {
                if (!part.TryGetInt32(out var keep) || keep < 0)
                {
                    return false;
                }

                builder.Add(keep);
                builder.Add(-1);
                texts.Add(string.Empty);
                continue;
            }

            if (part.ValueKind != JsonValueKind.Array || part.GetArrayLength() == 0)
            {
                return false;
            }

            string? text = null;
            var length = -1;
            var index = 0;
            foreach (var item in part.EnumerateArray())
            {
                if (index++ == 0)
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out length) || length < 0)
                    {
                        return false;
                    }
                }
                else if (item.ValueKind != JsonValueKind.String)
                {
                    return false;
                }
                else
                {
                    // Text.toJSON() gives lines; the text is those lines joined by "\n".
                    text = text is null ? item.GetString()! : string.Concat(text, "\n", item.GetString());
                }
            }

            builder.Add(length);
            builder.Add(text?.Length ?? 0);
            texts.Add(text ?? string.Empty);
        }

        changes = new ChangeSet([.. builder], [.. texts]);
        return true;
    }

    public static ChangeSet Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TryParse(document.RootElement, out var changes) ? changes : throw new FormatException("Invalid JSON representation of ChangeSet");
    }

    /// <summary>The JSON CodeMirror's <c>ChangeSet.fromJSON</c> reads.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        for (var i = 0; i < sections.Length; i += 2)
        {
            var len = sections[i];
            var ins = sections[i + 1];
            if (ins < 0)
            {
                writer.WriteNumberValue(len);
                continue;
            }

            writer.WriteStartArray();
            writer.WriteNumberValue(len);
            if (ins > 0)
            {
                foreach (var line in inserted[i >> 1].Split('\n'))
                {
                    writer.WriteStringValue(line);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(ToJson());
        return document.RootElement.Clone();
    }

    /// <summary>Applies the changes to <paramref name="text"/>, whose length must be <see cref="Length"/>.</summary>
    public string Apply(string text)
    {
        if (text.Length != Length)
        {
            throw new ArgumentException($"Applying change set to a document with the wrong length ({text.Length} instead of {Length})", nameof(text));
        }

        var result = new StringBuilder(NewLength);
        var position = 0;
        for (var i = 0; i < sections.Length; i += 2)
        {
            var len = sections[i];
            if (sections[i + 1] < 0)
            {
                result.Append(text, position, len);
            }
            else
            {
                result.Append(inserted[i >> 1]);
            }

            position += len;
        }

        return result.ToString();
    }

    /// <summary>Applies the changes in place to a buffer of length <see cref="Length"/> (the authority's hot path).</summary>
    public void ApplyTo(TextBuffer buffer)
    {
        if (buffer.Length != Length)
        {
            throw new ArgumentException($"Applying change set to a document with the wrong length ({buffer.Length} instead of {Length})", nameof(buffer));
        }

        var position = 0;
        for (var i = 0; i < sections.Length; i += 2)
        {
            var len = sections[i];
            var ins = sections[i + 1];
            if (ins < 0)
            {
                position += len;
                continue;
            }

            buffer.Replace(position, len, inserted[i >> 1]);
            position += ins;
        }
    }

    /// <summary>Calls <paramref name="change"/> for each replaced range: (fromA, toA, fromB, toB, inserted), adjacent ones joined.</summary>
    public void IterateChanges(Action<int, int, int, int, string> change)
    {
        int posA = 0, posB = 0;
        for (var i = 0; i < sections.Length;)
        {
            var len = sections[i++];
            var ins = sections[i++];
            if (ins < 0)
            {
                posA += len;
                posB += len;
                continue;
            }

            int endA = posA, endB = posB;
            var text = new StringBuilder();
            while (true)
            {
                endA += len;
                endB += ins;
                text.Append(inserted[(i - 2) >> 1]);
                if (i == sections.Length || sections[i + 1] < 0)
                {
                    break;
                }

                len = sections[i++];
                ins = sections[i++];
            }

            change(posA, endA, posB, endB, text.ToString());
            posA = endA;
            posB = endB;
        }
    }

    /// <summary>
    /// Maps a position in the document before the changes to one after them. <paramref name="assoc"/> &lt; 0 keeps
    /// the position before text inserted at it, &gt; 0 after.
    /// </summary>
    public int MapPosition(int position, int assoc = -1)
    {
        int posA = 0, posB = 0;
        for (var i = 0; i < sections.Length;)
        {
            var len = sections[i++];
            var ins = sections[i++];
            var endA = posA + len;
            if (ins < 0)
            {
                if (endA > position)
                {
                    return posB + (position - posA);
                }

                posB += len;
            }
            else
            {
                if (endA > position || (endA == position && assoc < 0 && len == 0))
                {
                    return position == posA || assoc < 0 ? posB : posB + ins;
                }

                posB += ins;
            }

            posA = endA;
        }

        if (position > posA)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"Position {position} is out of range for changeset of length {posA}");
        }

        return posB;
    }

    /// <summary>
    /// This set moved over <paramref name="other"/> (both apply to the same document): the result applies to the
    /// document after <paramref name="other"/>. When both insert at one place, <paramref name="before"/> puts
    /// this set's text first.
    /// </summary>
    public ChangeSet Map(ChangeSet other, bool before = false) => other.IsEmpty ? this : MapSet(this, other, before);

    /// <summary>This set followed by <paramref name="other"/> (which applies to the document after this one).</summary>
    public ChangeSet Compose(ChangeSet other) => IsEmpty ? other : other.IsEmpty ? this : ComposeSets(this, other);

    /// <summary>True when both sets make exactly the same changes (same sections, same inserted text).</summary>
    public bool SameAs(ChangeSet other) =>
        sections.AsSpan().SequenceEqual(other.sections) && inserted.AsSpan().SequenceEqual(other.inserted);

    /// <summary>
    /// Where the character at <paramref name="position"/> of the document after the changes was before them; false
    /// when these changes inserted it.
    /// </summary>
    public bool TryMapBack(int position, out int before)
    {
        int posA = 0, posB = 0;
        for (var i = 0; i < sections.Length; i += 2)
        {
            var len = sections[i];
            var ins = sections[i + 1];
            var lenB = ins < 0 ? len : ins;
            if (position < posB + lenB)
            {
                before = posA + (position - posB);
                return ins < 0;
            }

            posA += len;
            posB += lenB;
        }

        before = posA + (position - posB);
        return true;
    }

    /// <summary>The positions (in the document both apply to) where this set and <paramref name="other"/> both insert text.</summary>
    public IReadOnlyList<int> SharedInsertionPoints(ChangeSet other)
    {
        var mine = new HashSet<int>();
        IterateChanges((fromA, _, fromB, toB, _) =>
        {
            if (toB > fromB)
            {
                mine.Add(fromA);
            }
        });
        var shared = new List<int>();
        other.IterateChanges((fromA, _, fromB, toB, _) =>
        {
            if (toB > fromB && mine.Contains(fromA))
            {
                shared.Add(fromA);
            }
        });
        return shared;
    }

    public override string ToString() => ToJson();

    private bool Normalized => normalized ??= IsNormalized(sections);

    private static bool IsNormalized(int[] sections) => IsNormalized(sections, 0, sections.Length);

    // The check for the sections [from, to) (each against the one before it).
    private static bool IsNormalized(int[] sections, int from, int to)
    {
        for (var i = from; i < to; i += 2)
        {
            var len = sections[i];
            var ins = sections[i + 1];
            if ((len == 0 && ins <= 0) || (i > 0 && ((ins <= 0 && ins == sections[i - 1]) || (len == 0 && sections[i - 2] == 0))))
            {
                return false;
            }
        }

        return true;
    }

    private static ChangeSet MapSet(ChangeSet setA, ChangeSet setB, bool before)
    {
        // B's changes become kept ranges joined to A's neighbours, so the result has about A's sections: sized once, a
        // long set mapped over an editor's update no longer grows its buffer step by step.
        var result = new Builder(setA.sections.Length + 4);
        var a = new SectionIterator(setA);
        var b = new SectionIterator(setB);
        // For changes in A processed piece by piece: the section index whose text went out already.
        for (var insertedIndex = -1; ;)
        {
            if (a.Ins == -1 && b.Ins == -1)
            {
                // Ranges kept by both sets.
                var len = Math.Min(a.Len, b.Len);
                result.Add(len, -1, string.Empty);
                a.Forward(len);
                b.Forward(len);
            }
            else if (b.Ins >= 0 && (a.Ins < 0 || insertedIndex == a.I || (a.Off == 0 && (b.Len < a.Len || (b.Len == a.Len && !before)))))
            {
                // A change in B comes before the next change in A: skip it, with the changes of A it covers.
                var len = b.Len;
                result.Add(b.Ins, -1, string.Empty);
                while (len > 0)
                {
                    var piece = Math.Min(a.Len, len);
                    if (a.Ins >= 0 && insertedIndex < a.I && a.Len <= piece)
                    {
                        result.Add(0, a.Ins, a.Text);
                        insertedIndex = a.I;
                    }

                    a.Forward(piece);
                    len -= piece;
                }

                b.Next();
            }
            else if (a.Ins >= 0)
            {
                // The part of A's change up to the next non-deletion change in B.
                int len = 0, left = a.Len;
                while (left > 0)
                {
                    if (b.Ins == -1)
                    {
                        var piece = Math.Min(left, b.Len);
                        len += piece;
                        left -= piece;
                        b.Forward(piece);
                    }
                    else if (b.Ins == 0 && b.Len < left)
                    {
                        left -= b.Len;
                        b.Next();
                    }
                    else
                    {
                        break;
                    }
                }

                var first = insertedIndex < a.I;
                result.Add(len, first ? a.Ins : 0, first ? a.Text : string.Empty);
                insertedIndex = a.I;
                a.Forward(a.Len - left);
            }
            else if (a.Done && b.Done)
            {
                return result.Build();
            }
            else
            {
                throw new InvalidOperationException("Mismatched change set lengths");
            }
        }
    }

    // Composition of a long set with a short one (the authority folding the updates accepted since a push's base
    // version, an editor composing what it receives) copies the sections the short set keeps as whole arrays instead
    // of walking them; the sections are exactly those of the walk (ADR 0061), so rebases and histories are unchanged.
    private static ChangeSet ComposeSets(ChangeSet setA, ChangeSet setB)
    {
        if (setA.NewLength != setB.Length)
        {
            throw new InvalidOperationException("Mismatched change set lengths");
        }

        if (!setA.Normalized)
        {
            return ComposeWalk(setA, setB);
        }

        // A's sections whose output lies inside B's first kept range pass through unchanged.
        var (prefix, consumed) = KeptPrefix(setA.sections, setA.sections.Length, setB);
        var result = new Builder(setA.sections.Length + setB.sections.Length);
        result.Copy(setA, 0, prefix);
        var tail = ComposeRest(result, new SectionIterator(setA, prefix), SkipKept(setB, consumed), copyTail: true);
        result.Copy(setA, tail, setA.sections.Length);
        return result.Build();
    }

    /// <summary>The composition by walking every section (CodeMirror's <c>composeSets</c>); also the tests' reference.</summary>
    internal static ChangeSet ComposeWalk(ChangeSet setA, ChangeSet setB)
    {
        var result = new Builder(setA.sections.Length + setB.sections.Length);
        ComposeRest(result, new SectionIterator(setA, 0), new SectionIterator(setB, 0), copyTail: false);
        return result.Build();
    }

    // How many of A's sections (from the start of `sections`, up to `count`) give output that lies whole inside B's
    // first kept range, and that output's length: those pass through a composition unchanged.
    private static (int Prefix, int Consumed) KeptPrefix(int[] sections, int count, ChangeSet setB)
    {
        var prefix = 0;
        var consumed = 0;
        if (setB.sections[1] == -1)
        {
            var kept = setB.sections[0];
            for (var i = 0; i < count; i += 2)
            {
                var output = sections[i + 1] < 0 ? sections[i] : sections[i + 1];
                if (consumed + output > kept)
                {
                    break;
                }

                consumed += output;
                prefix = i + 2;
            }
        }

        return (prefix, consumed);
    }

    private static SectionIterator SkipKept(ChangeSet setB, int consumed)
    {
        var b = new SectionIterator(setB, 0);
        if (consumed > 0)
        {
            b.Forward(consumed);
        }

        return b;
    }

    // Walks the rest into `result`. With `copyTail` (A normalized), stops where each remaining section of A lies whole
    // inside B's last kept range (the walk would add each as it is): adds the first of them and returns the index of
    // the next, from which A's sections are the result's unchanged; otherwise returns A's end.
    private static int ComposeRest(Builder result, SectionIterator a, SectionIterator b, bool copyTail)
    {
        for (var open = false; ;)
        {
            if (a.Done && b.Done)
            {
                return a.End;
            }

            if (copyTail && !open && b.Ins == -1 && b.IsLast && a.Off == 0 && !a.Done)
            {
                result.Add(a.Len, a.Ins, a.Text);
                return a.I;
            }

            if (a.Ins == 0)
            {
                // Deletion in A.
                result.Add(a.Len, 0, string.Empty, open);
                a.Next();
            }
            else if (b.Len == 0 && !b.Done)
            {
                // Insertion in B.
                result.Add(0, b.Ins, b.Text, open);
                b.Next();
            }
            else if (a.Done || b.Done)
            {
                throw new InvalidOperationException("Mismatched change set lengths");
            }
            else
            {
                var len = Math.Min(a.Len2, b.Len);
                var countBefore = result.Count;
                if (a.Ins == -1)
                {
                    var insB = b.Ins == -1 ? -1 : b.Off > 0 ? 0 : b.Ins;
                    result.Add(len, insB, insB > 0 ? b.Text : string.Empty, open);
                }
                else if (b.Ins == -1)
                {
                    result.Add(a.Off > 0 ? 0 : a.Len, len, a.TextBit(len), open);
                }
                else
                {
                    result.Add(a.Off > 0 ? 0 : a.Len, b.Off > 0 ? 0 : b.Ins, b.Off > 0 ? string.Empty : b.Text, open);
                }

                open = (a.Ins > len || (b.Ins >= 0 && b.Len > len)) && (open || result.Count > countBefore);
                a.Forward2(len);
                b.Forward(len);
            }
        }
    }

    /// <summary>
    /// Sets composed one after another, with exactly the sections <see cref="Compose"/> would give step by step, in
    /// one buffer: each step rewrites only the sections between the next set's first and last kept ranges and moves
    /// the rest in place, where <see cref="Compose"/> copies the whole composition into a new set (ADR 0063). For the
    /// long folds of a rebase over many updates and of an editor receiving a batch.
    /// </summary>
    public sealed class Fold
    {
        private readonly Builder middle = new();
        private int[] sections = [];
        private string[] inserted = [];
        private int count;
        private bool normalized;
        private bool any;
        private int newLength;
        private ChangeSet? composed;

        /// <summary>Whether a set was added.</summary>
        public bool Any => any;

        /// <summary>The composition of the sets added so far (the first set alone, before a second).</summary>
        public ChangeSet Result
        {
            get
            {
                if (!any)
                {
                    throw new InvalidOperationException("Nothing was composed.");
                }

                return composed ??= new ChangeSet(sections[..count], inserted[..(count >> 1)]) { normalized = normalized };
            }
        }

        private bool IsEmpty => count == 0 || (count == 2 && sections[1] < 0);

        /// <summary>Forgets what was added (the buffers stay for the next fold).</summary>
        public void Clear()
        {
            Array.Clear(inserted, 0, count >> 1);
            any = false;
            count = 0;
            composed = null;
        }

        /// <summary>Starts again from <paramref name="set"/> (as if it were the only one added).</summary>
        public void Reset(ChangeSet set)
        {
            any = true;
            composed = set;
            count = set.sections.Length;
            Reserve(count);
            set.sections.CopyTo(sections, 0);
            set.inserted.CopyTo(inserted, 0);
            normalized = set.Normalized;
            newLength = set.NewLength;
        }

        /// <summary>Composes <paramref name="next"/> after what was added, as <see cref="Compose"/> does.</summary>
        public void Add(ChangeSet next)
        {
            if (!any || IsEmpty)
            {
                Reset(next);
                return;
            }

            if (next.IsEmpty)
            {
                return;
            }

            if (!normalized)
            {
                Reset(ComposeWalk(Result, next));
                return;
            }

            if (newLength != next.Length)
            {
                throw new InvalidOperationException("Mismatched change set lengths");
            }

            // As ComposeSets, in place: the kept prefix stays; its last section is the walk's first (a neighbour the
            // walk may join), the walk's output replaces what it covered, and the copied tail moves.
            var (prefix, consumed) = KeptPrefix(sections, count, next);
            var start = Math.Max(0, prefix - 2);
            middle.Clear();
            if (prefix > 0)
            {
                middle.Add(sections[start], sections[start + 1], inserted[start >> 1]);
            }

            var tail = ComposeRest(middle, new SectionIterator(sections, inserted, count, prefix), SkipKept(next, consumed), copyTail: true);
            var written = middle.Count;
            var newCount = count - (tail - start) + written;
            Reserve(newCount);
            Array.Copy(sections, tail, sections, start + written, count - tail);
            Array.Copy(inserted, tail >> 1, inserted, (start + written) >> 1, (count - tail) >> 1);
            middle.CopyTo(sections, inserted, start);
            if (newCount < count)
            {
                // No text kept alive past the end.
                Array.Clear(inserted, newCount >> 1, (count - newCount) >> 1);
            }

            count = newCount;
            newLength = next.NewLength;
            // Normalized before, so only the rewritten sections and the one after them can break it.
            normalized = IsNormalized(sections, start, Math.Min(count, start + written + 2));
            composed = null;
        }

        private void Reserve(int needed)
        {
            if (sections.Length < needed)
            {
                var size = Math.Max(needed, sections.Length * 2);
                Array.Resize(ref sections, size);
                Array.Resize(ref inserted, (size + 1) >> 1);
            }
        }
    }

    /// <summary>Accumulates sections the way CodeMirror's addSection/addInsert do (joining neighbours).</summary>
    private sealed class Builder(int capacity = 8)
    {
        private readonly List<int> sections = new(capacity);
        private readonly List<string> texts = new(capacity / 2);

        public int Count => sections.Count;

        public void Add(int len, int ins, string text, bool forceJoin = false)
        {
            if (len == 0 && ins <= 0)
            {
                return;
            }

            var last = sections.Count - 2;
            if (last >= 0 && ins <= 0 && ins == sections[last + 1])
            {
                sections[last] += len;
            }
            else if (last >= 0 && len == 0 && sections[last] == 0)
            {
                sections[last + 1] += ins;
                AppendText(text);
            }
            else if (forceJoin)
            {
                sections[last] += len;
                sections[last + 1] += ins;
                AppendText(text);
            }
            else
            {
                sections.Add(len);
                sections.Add(ins);
                texts.Add(ins > 0 ? text : string.Empty);
            }
        }

        /// <summary>Appends the sections [from, to) of a normalized set as they are (no neighbour of them joins).</summary>
        public void Copy(ChangeSet set, int from, int to)
        {
            if (to <= from)
            {
                return;
            }

            sections.AddRange(set.sections.AsSpan(from, to - from));
            texts.AddRange(set.inserted.AsSpan(from >> 1, (to - from) >> 1));
        }

        private void AppendText(string text)
        {
            if (text.Length > 0)
            {
                texts[^1] += text;
            }
        }

        public ChangeSet Build() => new([.. sections], [.. texts]);

        public void Clear()
        {
            sections.Clear();
            texts.Clear();
        }

        /// <summary>Writes the sections at <paramref name="at"/> of the arrays (which have room for them).</summary>
        public void CopyTo(int[] target, string[] targetTexts, int at)
        {
            sections.CopyTo(target, at);
            texts.CopyTo(targetTexts, at >> 1);
        }
    }

    private sealed class SectionIterator
    {
        private readonly int[] sections;
        private readonly string[] inserted;

        public SectionIterator(ChangeSet set, int section = 0)
            : this(set.sections, set.inserted, set.sections.Length, section)
        {
        }

        // Over the first `end` entries of the arrays (a fold's buffers are longer than its sections).
        public SectionIterator(int[] sections, string[] inserted, int end, int section)
        {
            this.sections = sections;
            this.inserted = inserted;
            End = end;
            I = section;
            Next();
        }

        /// <summary>The index just past the last section.</summary>
        public int End { get; }

        /// <summary>True when the current section is the set's last one.</summary>
        public bool IsLast => I == End;

        public int I { get; private set; }

        public int Len { get; private set; }

        public int Off { get; private set; }

        public int Ins { get; private set; }

        public bool Done => Ins == -2;

        public int Len2 => Ins < 0 ? Len : Ins;

        public string Text => inserted[(I - 2) >> 1];

        public string TextBit(int len) => Text.Substring(Off, len);

        public void Forward(int len)
        {
            if (len == Len)
            {
                Next();
            }
            else
            {
                Len -= len;
                Off += len;
            }
        }

        public void Forward2(int len)
        {
            if (Ins == -1)
            {
                Forward(len);
            }
            else if (len == Ins)
            {
                Next();
            }
            else
            {
                Ins -= len;
                Off += len;
            }
        }

        public void Next()
        {
            if (I < End)
            {
                Len = sections[I++];
                Ins = sections[I++];
            }
            else
            {
                Len = 0;
                Ins = -2;
            }

            Off = 0;
        }
    }
}
