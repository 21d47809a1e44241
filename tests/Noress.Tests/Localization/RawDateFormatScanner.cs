using System.Text.RegularExpressions;

namespace Noress.Tests.Localization;

/// <summary>
/// Finds dates turned into text outside <c>NoressFormat</c> (ADR 0006): a date pattern or a standard date
/// format given to <c>ToString</c>, a grid column's <c>Format</c>, an interpolation hole, or
/// <c>ToLocalTime</c> (the server's zone, not Casablanca). Machine formats are allowed when they name
/// <c>CultureInfo.InvariantCulture</c> on the same line (keys, file names, the audit hash).
/// </summary>
public static partial class RawDateFormatScanner
{
    /// <summary>The files allowed to format dates: the formatter and the clock.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "Shared/Localization/NoressFormat.cs",
        "Shared/Time/NoressClock.cs",
    };

    /// <summary>One line per raw date format found in <paramref name="source"/>, prefixed with the file and line.</summary>
    public static IEnumerable<string> Find(string relativePath, string source)
    {
        if (Allowed.Contains(relativePath.Replace('\\', '/')))
        {
            yield break;
        }

        var razor = relativePath.EndsWith(".razor", StringComparison.Ordinal);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var invariant = line.Contains("InvariantCulture", StringComparison.Ordinal);
            foreach (Match match in ToStringCall().Matches(line))
            {
                if (IsDateFormat(match.Groups["format"].Value) && !invariant)
                {
                    yield return Report(relativePath, i, match.Value);
                }
            }

            foreach (Match match in Conversion().Matches(line))
            {
                yield return Report(relativePath, i, match.Value);
            }

            if (razor)
            {
                foreach (Match match in FormatAttribute().Matches(line).Concat(InterpolationHole().Matches(line)))
                {
                    if (IsDateFormat(match.Groups["format"].Value) && !invariant)
                    {
                        yield return Report(relativePath, i, match.Value);
                    }
                }
            }
        }
    }

    /// <summary>A standard date/time format letter ("d", "g", "D"...) or a custom pattern with date or time fields.</summary>
    public static bool IsDateFormat(string format) =>
        format.Length == 1 ? "dDfFgGmMoOrRstTuUyY".Contains(format[0], StringComparison.Ordinal) : DateFields().IsMatch(format);

    private static string Report(string path, int index, string found) => $"{path}:{index + 1}: {found.Trim()}";

    [GeneratedRegex("""\.ToString\(\s*"(?<format>[^"]*)"\s*[,)]""")]
    private static partial Regex ToStringCall();

    [GeneratedRegex("""\.(ToLocalTime|ToShortDateString|ToLongDateString|ToShortTimeString|ToLongTimeString)\(\)""")]
    private static partial Regex Conversion();

    [GeneratedRegex("""\bFormat="(?<format>[^"]*)"(?=[\s/>])""")]
    private static partial Regex FormatAttribute();

    [GeneratedRegex("""\{[A-Za-z_@(][^{}":;\s]*:(?<format>[^{}"\s;]+)\}""")]
    private static partial Regex InterpolationHole();

    [GeneratedRegex("yy|MM|dd|HH|hh|mm|ss")]
    private static partial Regex DateFields();
}
