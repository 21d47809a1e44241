using System.Globalization;

namespace Noress.App.Plans;

/// <summary>The fields of an item that <see cref="PlanService.EditItemAsync"/> changes one by one.</summary>
public enum PlanField
{
    TitleFr,
    TitleAr,
    TitleEn,
    LeadInstitutionId,
    ResponsibleUserId,
    CommitteeId,
    StartsOn,
    DueOn,
    Status,
    Progress,
    Weight,
    BudgetPlanned,
    BudgetCommitted,
    BudgetSpent,
    OverspendReason,
    DecisionId,
    DecisionReference,
}

/// <summary>
/// One field's edit: the value the editor saw (<paramref name="Base"/>) and the new <paramref name="Value"/>, as
/// invariant strings (<see cref="PlanFields.Format"/>; null for an empty value).
/// </summary>
public sealed record FieldEdit(PlanField Field, string? Base, string? Value)
{
    /// <summary>An edit from typed values: <c>FieldEdit.Of(PlanField.DueOn, row.DueOn, newDate)</c>.</summary>
    public static FieldEdit Of<T>(PlanField field, T seen, T value) => new(field, PlanFields.Format(seen), PlanFields.Format(value));
}

/// <summary>
/// Reads and writes <see cref="PlanField"/>s as invariant strings: Guids "D", dates "yyyy-MM-dd", numbers without
/// trailing zeros, statuses by name. Two values are the same field value when their canonical forms are equal.
/// </summary>
public static class PlanFields
{
    public static string? Format<T>(T value) => value switch
    {
        null => null,
        string s => PlanService.Clean(s),
        Guid g => g.ToString("D"),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        PlanItemStatus status => status.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The field's current value on the item.</summary>
    public static string? Get(PlanItem item, PlanField field)
    {
        ArgumentNullException.ThrowIfNull(item);
        return field switch
        {
            PlanField.TitleFr => Format(item.TitleFr),
            PlanField.TitleAr => Format(item.TitleAr),
            PlanField.TitleEn => Format(item.TitleEn),
            PlanField.LeadInstitutionId => Format(item.LeadInstitutionId),
            PlanField.ResponsibleUserId => Format(item.ResponsibleUserId),
            PlanField.CommitteeId => Format(item.CommitteeId),
            PlanField.StartsOn => Format(item.StartsOn),
            PlanField.DueOn => Format(item.DueOn),
            PlanField.Status => Format(item.Status),
            PlanField.Progress => Format(item.Progress),
            PlanField.Weight => Format(item.Weight),
            PlanField.BudgetPlanned => Format(item.BudgetPlanned),
            PlanField.BudgetCommitted => Format(item.BudgetCommitted),
            PlanField.BudgetSpent => Format(item.BudgetSpent),
            PlanField.OverspendReason => Format(item.OverspendReason),
            PlanField.DecisionId => Format(item.DecisionId),
            PlanField.DecisionReference => Format(item.DecisionReference),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>The canonical form of a value of the field, or false when it is not one (an unreadable number, an unknown status).</summary>
    public static bool TryCanonical(PlanField field, string? value, out string? canonical)
    {
        canonical = null;
        var text = PlanService.Clean(value);
        if (text is null)
        {
            // Required fields have no empty value.
            return field is not (PlanField.TitleFr or PlanField.TitleAr or PlanField.Status or PlanField.Progress or PlanField.Weight
                or PlanField.BudgetPlanned or PlanField.BudgetCommitted or PlanField.BudgetSpent);
        }

        switch (field)
        {
            case PlanField.TitleFr or PlanField.TitleAr or PlanField.TitleEn or PlanField.OverspendReason or PlanField.DecisionReference:
                canonical = text;
                return true;
            case PlanField.LeadInstitutionId or PlanField.ResponsibleUserId or PlanField.CommitteeId or PlanField.DecisionId:
                return Parsed(Guid.TryParse(text, out var guid), guid, out canonical);
            case PlanField.StartsOn or PlanField.DueOn:
                return Parsed(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date), date, out canonical);
            case PlanField.Status:
                return Parsed(Enum.TryParse<PlanItemStatus>(text, ignoreCase: false, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _), status, out canonical);
            case PlanField.Progress:
                return Parsed(int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var progress), progress, out canonical);
            case PlanField.Weight or PlanField.BudgetPlanned or PlanField.BudgetCommitted or PlanField.BudgetSpent:
                return Parsed(decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount), amount, out canonical);
            default:
                return false;
        }
    }

    /// <summary>Whether two values of the field are the same (compared in canonical form; unreadable values compare as written).</summary>
    public static bool Same(PlanField field, string? a, string? b) =>
        string.Equals(TryCanonical(field, a, out var ca) ? ca : a, TryCanonical(field, b, out var cb) ? cb : b, StringComparison.Ordinal);

    /// <summary>Sets the field from a value; false (and nothing changed) when the value is not one of the field's.</summary>
    public static bool TrySet(PlanItem item, PlanField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!TryCanonical(field, value, out var text))
        {
            return false;
        }

        var inv = CultureInfo.InvariantCulture;
        switch (field)
        {
            case PlanField.TitleFr:
                item.TitleFr = text!;
                break;
            case PlanField.TitleAr:
                item.TitleAr = text!;
                break;
            case PlanField.TitleEn:
                item.TitleEn = text;
                break;
            case PlanField.OverspendReason:
                item.OverspendReason = text;
                break;
            case PlanField.DecisionReference:
                item.DecisionReference = text;
                break;
            case PlanField.LeadInstitutionId:
                item.LeadInstitutionId = text is null ? null : Guid.Parse(text);
                break;
            case PlanField.ResponsibleUserId:
                item.ResponsibleUserId = text is null ? null : Guid.Parse(text);
                break;
            case PlanField.CommitteeId:
                item.CommitteeId = text is null ? null : Guid.Parse(text);
                break;
            case PlanField.DecisionId:
                item.DecisionId = text is null ? null : Guid.Parse(text);
                break;
            case PlanField.StartsOn:
                item.StartsOn = text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", inv);
                break;
            case PlanField.DueOn:
                item.DueOn = text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", inv);
                break;
            case PlanField.Status:
                item.Status = Enum.Parse<PlanItemStatus>(text!);
                break;
            case PlanField.Progress:
                item.Progress = int.Parse(text!, inv);
                break;
            case PlanField.Weight:
                item.Weight = decimal.Parse(text!, inv);
                break;
            case PlanField.BudgetPlanned:
                item.BudgetPlanned = decimal.Parse(text!, inv);
                break;
            case PlanField.BudgetCommitted:
                item.BudgetCommitted = decimal.Parse(text!, inv);
                break;
            case PlanField.BudgetSpent:
                item.BudgetSpent = decimal.Parse(text!, inv);
                break;
            default:
                return false;
        }

        return true;
    }

    private static bool Parsed<T>(bool ok, T value, out string? canonical)
    {
        canonical = ok ? Format(value) : null;
        return ok;
    }
}
