using System.Globalization;

namespace Noress.App.Calls;

/// <summary>What an applicant's side sends when it saves: the title, scalar answers, budget lines and partners.</summary>
public sealed class ApplicationDraft
{
    public string Title { get; set; } = string.Empty;

    /// <summary>Scalar answers by field id (text, amount, date, choice); long texts live in their documents.</summary>
    public Dictionary<Guid, AnswerInput> Answers { get; set; } = [];

    public List<BudgetLineInput> BudgetLines { get; set; } = [];

    public List<PartnerInput> Partners { get; set; } = [];

    public decimal Requested => BudgetLines.Sum(l => l.Requested);

    public decimal OwnContribution => BudgetLines.Sum(l => l.OwnContribution);
}

/// <summary>One scalar answer; a choice holds its option's 0-based index as text.</summary>
public sealed class AnswerInput
{
    public string? Text { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? Date { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Amount is null && Date is null;
}

public sealed class BudgetLineInput
{
    public Guid FieldId { get; set; }

    public string Label { get; set; } = string.Empty;

    public decimal Requested { get; set; }

    public decimal OwnContribution { get; set; }
}

public sealed class PartnerInput
{
    public Guid FieldId { get; set; }

    public Guid? InstitutionId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }
}

/// <summary>A refusal found by <see cref="FormRules"/>: a CallsText key and the field's label for its message.</summary>
public sealed record FormProblem(string Code, string? Field = null);

/// <summary>
/// The application form's rules, pure: limits checked on every save (nothing saved when one fails), required
/// fields checked on submission. The page runs the same functions to show problems as the applicant types.
/// </summary>
public static class FormRules
{
    /// <summary>A choice field's options, one per non-empty line.</summary>
    public static IReadOnlyList<string> Choices(string? lines) =>
        string.IsNullOrWhiteSpace(lines) ? [] : [.. lines.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>The first limit <paramref name="draft"/> breaks, or null. <paramref name="cap"/> is the call's requested-amount cap.</summary>
    public static FormProblem? Limits(IReadOnlyList<CallFormField> fields, ApplicationDraft draft, decimal? cap)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > CallLimits.MaxTitle)
        {
            return new("Error.ApplicationTitle");
        }

        var byId = fields.ToDictionary(f => f.Id);
        foreach (var (fieldId, answer) in draft.Answers)
        {
            if (!byId.TryGetValue(fieldId, out var field))
            {
                return new("Error.UnknownField");
            }

            var label = field.LabelFr;
            switch (field.Kind)
            {
                case FormFieldKind.Text:
                    if (answer.Text?.Length > Math.Min(field.MaxLength ?? CallLimits.MaxTextAnswer, CallLimits.MaxTextAnswer))
                    {
                        return new("Error.TooLong", label);
                    }

                    break;
                case FormFieldKind.Amount:
                    if (answer.Amount is { } amount && (amount < 0m || amount < field.MinAmount || amount > field.MaxAmount || amount > 1_000_000_000m))
                    {
                        return new("Error.AmountOutOfRange", label);
                    }

                    break;
                case FormFieldKind.Choice:
                    if (!string.IsNullOrEmpty(answer.Text)
                        && (!int.TryParse(answer.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Choices(field.ChoicesFr).Count))
                    {
                        return new("Error.UnknownChoice", label);
                    }

                    break;
                case FormFieldKind.Date:
                    break;
                default:
                    return new("Error.UnknownField");
            }
        }

        foreach (var group in draft.BudgetLines.GroupBy(l => l.FieldId))
        {
            if (!byId.TryGetValue(group.Key, out var field) || field.Kind != FormFieldKind.BudgetTable)
            {
                return new("Error.UnknownField");
            }

            if (group.Count() > Math.Min(field.MaxItems ?? CallLimits.MaxItems, CallLimits.MaxItems))
            {
                return new("Error.TooManyItems", field.LabelFr);
            }

            if (group.Any(l => string.IsNullOrWhiteSpace(l.Label) || l.Label.Length > CallLimits.MaxLabel))
            {
                return new("Error.BudgetLabel", field.LabelFr);
            }

            if (group.Any(l => l.Requested < 0m || l.OwnContribution < 0m || l.Requested > 1_000_000_000m || l.OwnContribution > 1_000_000_000m))
            {
                return new("Error.AmountOutOfRange", field.LabelFr);
            }
        }

        foreach (var group in draft.Partners.GroupBy(p => p.FieldId))
        {
            if (!byId.TryGetValue(group.Key, out var field) || field.Kind != FormFieldKind.Partners)
            {
                return new("Error.UnknownField");
            }

            if (group.Count() > Math.Min(field.MaxItems ?? CallLimits.MaxItems, CallLimits.MaxItems))
            {
                return new("Error.TooManyItems", field.LabelFr);
            }

            if (group.Any(p => (p.InstitutionId is null && string.IsNullOrWhiteSpace(p.Name)) || p.Name?.Length > CallLimits.MaxLabel || p.Role?.Length > CallLimits.MaxLabel))
            {
                return new("Error.Partner", field.LabelFr);
            }
        }

        if (cap is { } limit && draft.Requested > limit)
        {
            return new("Error.AboveCap");
        }

        return null;
    }

    /// <summary>The required fields left empty (French labels, in form order): what blocks a submission.</summary>
    /// <param name="fields">The call's form.</param>
    /// <param name="draft">The saved answers.</param>
    /// <param name="fileCounts">Files per field.</param>
    /// <param name="longTexts">The long texts' current text per field.</param>
    public static IReadOnlyList<CallFormField> Missing(
        IReadOnlyList<CallFormField> fields, ApplicationDraft draft, IReadOnlyDictionary<Guid, int> fileCounts, IReadOnlyDictionary<Guid, string> longTexts)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(draft);
        return [.. fields.Where(f => f.Required).Where(f => f.Kind switch
        {
            FormFieldKind.LongText => string.IsNullOrWhiteSpace(longTexts.GetValueOrDefault(f.Id)),
            FormFieldKind.BudgetTable => !draft.BudgetLines.Any(l => l.FieldId == f.Id),
            FormFieldKind.Partners => !draft.Partners.Any(p => p.FieldId == f.Id),
            FormFieldKind.Files => fileCounts.GetValueOrDefault(f.Id) == 0,
            _ => !draft.Answers.TryGetValue(f.Id, out var a) || a.IsEmpty,
        }).OrderBy(f => f.Position)];
    }

    /// <summary>Long texts longer than their field allows.</summary>
    public static IReadOnlyList<CallFormField> TooLong(IReadOnlyList<CallFormField> fields, IReadOnlyDictionary<Guid, string> longTexts) =>
        [.. fields.Where(f => f.Kind == FormFieldKind.LongText && f.MaxLength is { } max && longTexts.GetValueOrDefault(f.Id)?.Length > max)];

    /// <summary>The required file fields without a file (the "required documents" rule).</summary>
    public static IReadOnlyList<CallFormField> MissingDocuments(IReadOnlyList<CallFormField> fields, IReadOnlyDictionary<Guid, int> fileCounts) =>
        [.. fields.Where(f => f.Kind == FormFieldKind.Files && f.Required && fileCounts.GetValueOrDefault(f.Id) == 0).OrderBy(f => f.Position)];
}
