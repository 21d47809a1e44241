using System.Text;
using System.Text.RegularExpressions;

namespace Noress.App.Calls.Outputs;

/// <summary>The values a decision letter's placeholders stand for (already formatted in the letter's language).</summary>
/// <param name="Applicant">The applicant institution or person.</param>
/// <param name="Project">The project's title.</param>
/// <param name="Call">The call's title.</param>
/// <param name="Edition">The call's edition.</param>
/// <param name="Amount">The amount granted (selected project) or the prize's amount; empty otherwise.</param>
/// <param name="PrizeRank">The prize's rank; empty otherwise.</param>
/// <param name="DecisionDate">The decision's date.</param>
/// <param name="Reason">The reason given with the decision; empty when none.</param>
public sealed record LetterValues(string Applicant, string Project, string Call, string Edition, string Amount, string PrizeRank, string DecisionDate, string Reason);

/// <summary>
/// Decision letters' templates (pure): markdown with named placeholders <c>{{applicant}}</c>, checked when saved (an
/// unknown name is refused) and filled when a letter is made; values are escaped so a name cannot add markdown.
/// </summary>
public static partial class LetterTemplates
{
    public const int MaxLength = 20_000;

    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["applicant", "project", "call", "edition", "amount", "prize_rank", "decision_date", "reason"];

    /// <summary>The letter's outcomes of each kind of call.</summary>
    public static IReadOnlyList<LetterOutcome> Outcomes(CallKind kind) => kind == CallKind.Ami
        ? [LetterOutcome.Selected, LetterOutcome.Reserve, LetterOutcome.Rejected, LetterOutcome.Ineligible]
        : [LetterOutcome.Prize, LetterOutcome.HonourableMention, LetterOutcome.NotAwarded, LetterOutcome.Ineligible];

    /// <summary>The languages a letter is written in.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["fr", "ar", "en"];

    /// <summary>The letter an application's state calls for; null while nothing is decided.</summary>
    public static LetterOutcome? OutcomeOf(ApplicationState state) => state switch
    {
        ApplicationState.Selected or ApplicationState.AgreementSigned or ApplicationState.InstalmentsPaid
            or ApplicationState.Reporting or ApplicationState.Closed => LetterOutcome.Selected,
        ApplicationState.Reserve => LetterOutcome.Reserve,
        ApplicationState.Rejected => LetterOutcome.Rejected,
        ApplicationState.Ineligible => LetterOutcome.Ineligible,
        ApplicationState.Awarded => LetterOutcome.Prize,
        ApplicationState.HonourableMention => LetterOutcome.HonourableMention,
        ApplicationState.NotAwarded => LetterOutcome.NotAwarded,
        _ => null,
    };

    /// <summary>The placeholder names in <paramref name="markdown"/> that are not known, in order of appearance, once each.</summary>
    public static IReadOnlyList<string> Unknown(string markdown) =>
        [.. PlaceholderPattern().Matches(markdown).Select(m => m.Groups[1].Value).Where(n => !Placeholders.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];

    /// <summary>The template with each placeholder replaced by its value (escaped for markdown).</summary>
    public static string Fill(string markdown, LetterValues values) =>
        PlaceholderPattern().Replace(markdown, m => Escape(m.Groups[1].Value switch
        {
            "applicant" => values.Applicant,
            "project" => values.Project,
            "call" => values.Call,
            "edition" => values.Edition,
            "amount" => values.Amount,
            "prize_rank" => values.PrizeRank,
            "decision_date" => values.DecisionDate,
            "reason" => values.Reason,
            _ => m.Value,
        }));

    /// <summary>Text made inert for markdown: every punctuation that could start a construct gets its backslash.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '!' or '<' or '>' or '|' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{\{\s*([^{}\s]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
