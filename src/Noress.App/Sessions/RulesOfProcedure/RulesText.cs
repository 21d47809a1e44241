using System.Globalization;
using System.Text.RegularExpressions;
using DiffPlex;

namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>An article as it reads on one date.</summary>
/// <param name="Article">The article.</param>
/// <param name="Version">The version in force on that date.</param>
public sealed record ArticleInForce(RulesArticle Article, RulesArticleVersion Version);

/// <summary>One version in an article's history, with the date the next version replaced it.</summary>
/// <param name="Version">The version.</param>
/// <param name="SupersededOn">When the next version took effect; null for the latest.</param>
public sealed record ArticleHistoryEntry(RulesArticleVersion Version, DateOnly? SupersededOn);

public enum WordChange
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of words (with their spacing) that is unchanged, inserted or deleted.</summary>
/// <param name="Change">What happened to the run.</param>
/// <param name="Text">The words, spacing included.</param>
public sealed record WordPiece(WordChange Change, string Text);

/// <summary>The pure rules of the consolidated text: what is in force on a date, histories, word diffs, numbers.</summary>
public static partial class RulesText
{
    public const int MaxNumberLength = 16;

    public const int MaxTextLength = 8000;

    /// <summary>Founding articles sit 100 apart, so a new article can be placed between two.</summary>
    public const int PositionStep = 100;

    private static readonly string[] Suffixes = ["bis", "ter", "quater"];

    public static string NumberOf(int number) => string.Create(CultureInfo.InvariantCulture, $"Art. {number}");

    /// <summary>The place of an article in the text from its number: "Art. 11" at 1100, "Art. 11 bis" at 1101.</summary>
    public static int PositionOf(string number)
    {
        var match = NumberPattern().Match(number);
        if (!match.Success)
        {
            return int.MaxValue;
        }

        var suffix = match.Groups["suffix"].Success ? Array.IndexOf(Suffixes, match.Groups["suffix"].Value.ToLowerInvariant()) + 1 : 0;
        return (int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) * PositionStep) + suffix;
    }

    /// <summary>"Art. 11" → "11", "Art. 11 bis" → "11-bis": the article's address in /rules/articles/{slug}.</summary>
    public static string Slug(string number) =>
        (number.StartsWith("Art. ", StringComparison.Ordinal) ? number[5..] : number).Trim().Replace(' ', '-').ToLowerInvariant();

    /// <summary>Accepts "19", "Art. 19", "19 bis" and returns the canonical "Art. 19 bis", or null when it is not a number.</summary>
    public static string? Normalize(string? input)
    {
        var match = NumberPattern().Match((input ?? string.Empty).Trim());
        if (!match.Success)
        {
            return null;
        }

        var suffix = match.Groups["suffix"].Success ? " " + match.Groups["suffix"].Value.ToLowerInvariant() : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"Art. {int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)}{suffix}");
    }

    /// <summary>Each article's version in force on <paramref name="date"/>, in order; articles not yet in force or repealed are left out.</summary>
    public static IReadOnlyList<ArticleInForce> InForce(IEnumerable<RulesArticle> articles, IEnumerable<RulesArticleVersion> versions, DateOnly date)
    {
        var current = versions.Where(v => v.EffectiveFrom <= date && !v.IsRevoked)
            .GroupBy(v => v.ArticleId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.EffectiveFrom)!);
        return [.. articles
            .Where(a => current.TryGetValue(a.Id, out var v) && !v.Repealed)
            .OrderBy(a => a.Position).ThenBy(a => a.Number, StringComparer.Ordinal)
            .Select(a => new ArticleInForce(a, current[a.Id]))];
    }

    /// <summary>
    /// The versions of one article, oldest first, each with the date it was superseded. A revoked version is listed
    /// where it was (never superseded, never in force) and supersedes nothing.
    /// </summary>
    public static IReadOnlyList<ArticleHistoryEntry> History(IEnumerable<RulesArticleVersion> versions)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        return [.. ordered.Select((v, i) => new ArticleHistoryEntry(v, v.IsRevoked ? null : ordered.Skip(i + 1).FirstOrDefault(n => !n.IsRevoked)?.EffectiveFrom))];
    }

    /// <summary>The version a history entry reads against: the latest earlier version still standing (empty text for the first).</summary>
    public static RulesArticleVersion? Previous(IReadOnlyList<ArticleHistoryEntry> history, int index) =>
        history.Take(index).LastOrDefault(e => !e.Version.IsRevoked)?.Version;

    /// <summary>
    /// A word-level diff: runs of unchanged, deleted and inserted words, spacing kept, so that concatenating the
    /// unchanged and deleted runs gives <paramref name="before"/>, and the unchanged and inserted ones <paramref name="after"/>.
    /// </summary>
    public static IReadOnlyList<WordPiece> Diff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordsAndSpaces.Instance);
        var pieces = new List<WordPiece>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, WordChange.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(pieces, WordChange.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(pieces, WordChange.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, WordChange.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return pieces;
    }

    private static void Add(List<WordPiece> pieces, WordChange change, IReadOnlyList<string> source, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(source.Skip(start).Take(count));
        // Merges with the previous run of the same kind, so the view shows one mark per change.
        if (pieces.Count > 0 && pieces[^1].Change == change)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new WordPiece(change, text));
        }
    }

    [GeneratedRegex(@"^(?:art(?:icle)?\.?\s*)?(?<n>[0-9]{1,3})(?:\s+(?<suffix>bis|ter|quater))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>Words each with the spaces after it (so a shared space never splits a change): joined again they give the text back.</summary>
    private sealed partial class WordsAndSpaces : IChunker
    {
        public static readonly WordsAndSpaces Instance = new();

        public IReadOnlyList<string> Chunk(string text) => [.. Tokens().Matches(text).Select(m => m.Value)];

        [GeneratedRegex(@"^\s+|\S+\s*")]
        private static partial Regex Tokens();
    }
}
