using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Noress.App.Plans.Views;

/// <summary>
/// What a plan's views show: actions of a committee, of an institution (lead or partner), of a responsible person,
/// in a status, overdue. Every criterion reads the action's own fields; an empty filter shows the whole plan.
/// Kept in the query string (<see cref="Parse"/>, <see cref="ToQueryString"/>) so that a link shows the same view.
/// </summary>
public sealed record PlanFilter(Guid? Committee = null, Guid? Institution = null, Guid? Person = null, PlanItemStatus? Status = null, bool Overdue = false)
{
    public const string CommitteeKey = "committee";
    public const string InstitutionKey = "institution";
    public const string PersonKey = "person";
    public const string StatusKey = "status";
    public const string OverdueKey = "overdue";

    /// <summary>The query keys the filter owns, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Keys = [CommitteeKey, InstitutionKey, PersonKey, StatusKey, OverdueKey];

    public static readonly PlanFilter None = new();

    public bool IsEmpty => this == None;

    /// <summary>How many criteria are set (the closed filter bar says so).</summary>
    public int Count => (Committee is null ? 0 : 1) + (Institution is null ? 0 : 1) + (Person is null ? 0 : 1) + (Status is null ? 0 : 1) + (Overdue ? 1 : 0);

    /// <summary>
    /// The filter of a URI, a query string ("?status=done") or null. Unreadable values are ignored (that criterion
    /// is off) rather than refused: a link edited by hand still opens the plan.
    /// </summary>
    public static PlanFilter Parse(string? uriOrQuery)
    {
        if (string.IsNullOrEmpty(uriOrQuery))
        {
            return None;
        }

        var start = uriOrQuery.IndexOf('?', StringComparison.Ordinal);
        var query = start < 0 ? string.Empty : uriOrQuery[start..];
        var fragment = query.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            query = query[..fragment];
        }

        var values = QueryHelpers.ParseQuery(query);
        string? First(string key) => values.TryGetValue(key, out var v) ? v.FirstOrDefault() : null;

        return new PlanFilter(
            ParseId(First(CommitteeKey)),
            ParseId(First(InstitutionKey)),
            ParseId(First(PersonKey)),
            StatusFromName(First(StatusKey)),
            First(OverdueKey) is "true" or "1");
    }

    /// <summary>The filter as a query string ("?committee=…&amp;status=done"), empty when nothing is filtered.</summary>
    public string ToQueryString()
    {
        var parts = ToQueryParameters()
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}");
        var query = string.Join('&', parts);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    /// <summary>
    /// Every key of the filter with its value, null for an absent criterion: what
    /// <c>NavigationManager.GetUriWithQueryParameters</c> takes to set these keys and remove the others, leaving
    /// any other parameter of the page alone.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [CommitteeKey] = Committee?.ToString(),
        [InstitutionKey] = Institution?.ToString(),
        [PersonKey] = Person?.ToString(),
        [StatusKey] = Status is { } status ? StatusName(status) : null,
        [OverdueKey] = Overdue ? "true" : null,
    };

    /// <summary>The status as written in a link: planned, in-progress, done, cancelled.</summary>
    public static string StatusName(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Planned => "planned",
        PlanItemStatus.InProgress => "in-progress",
        PlanItemStatus.Done => "done",
        PlanItemStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Whether a row is an action meeting every criterion (axes and objectives never match themselves).</summary>
    public bool Matches(PlanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind == PlanItemKind.Action
            && (Committee is not { } committee || row.CommitteeId == committee)
            && (Institution is not { } institution || row.LeadInstitutionId == institution || row.PartnerIds.Contains(institution))
            && (Person is not { } person || row.ResponsibleUserId == person)
            && (Status is not { } status || row.Status == status)
            && (!Overdue || row.Late);
    }

    /// <summary>
    /// The view restricted to the matching actions and their ancestors (a matching action's sub-actions stay only
    /// when they match too). Roll-ups are recomputed over what is kept, so an axis shows the progress and budget of
    /// the actions shown under it; a kept row none of whose children is kept keeps its own full roll-up.
    /// Indicators and evidence follow their rows. An empty filter returns the view itself.
    /// </summary>
    public PlanView Apply(PlanView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (IsEmpty)
        {
            return view;
        }

        var byId = view.Rows.ToDictionary(r => r.Id);
        var kept = new HashSet<Guid>();
        foreach (var row in view.Rows.Where(Matches))
        {
            // Walk up until an ancestor already kept: its own ancestors are kept too.
            Guid? id = row.Id;
            while (id is { } current && kept.Add(current))
            {
                id = byId.TryGetValue(current, out var parent) ? parent.ParentId : null;
            }
        }

        var rows = view.Rows.Where(r => kept.Contains(r.Id)).ToList();
        var children = rows.ToLookup(r => r.ParentId ?? Guid.Empty);
        var results = new Dictionary<Guid, (RollupResult Rollup, int LateBelow)>();

        // Rows come in tree order (depth first): children after their parent, so visit them backwards.
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            var below = children[row.Id].ToList();
            results[row.Id] = below.Count == 0
                ? (row.Rollup, 0)
                : (Combine(below, results), below.Sum(c => (c.Late ? 1 : 0) + results[c.Id].LateBelow));
        }

        var filtered = rows.Select(r => r with
        {
            HasChildren = children[r.Id].Any(),
            Rollup = results[r.Id].Rollup,
            LateBelow = results[r.Id].LateBelow,
        }).ToList();

        return view with
        {
            Rows = filtered,
            Totals = Combine([.. children[Guid.Empty]], results),
            Indicators = [.. view.Indicators.Where(i => kept.Contains(i.ItemId))],
            Evidence = [.. view.Evidence.Where(e => kept.Contains(e.ItemId))],
        };
    }

    // The same weighting as PlanRollup: cancelled children and children with nothing counting are left out of
    // progress; money is summed whatever the status.
    private static RollupResult Combine(IReadOnlyList<PlanRow> siblings, Dictionary<Guid, (RollupResult Rollup, int LateBelow)> results)
    {
        decimal weighted = 0, weights = 0, planned = 0, committed = 0, spent = 0;
        foreach (var sibling in siblings)
        {
            var result = results[sibling.Id].Rollup;
            (planned, committed, spent) = (planned + result.BudgetPlanned, committed + result.BudgetCommitted, spent + result.BudgetSpent);
            if (sibling.Status != PlanItemStatus.Cancelled && result.Progress is { } progress && sibling.Weight > 0)
            {
                weighted += progress * sibling.Weight;
                weights += sibling.Weight;
            }
        }

        return new RollupResult(weights == 0 ? null : Math.Round(weighted / weights, 2), planned, committed, spent);
    }

    private static Guid? ParseId(string? value) => Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) && id != Guid.Empty ? id : null;

    /// <summary>The status a link names (<see cref="StatusName"/>), null for any other text.</summary>
    public static PlanItemStatus? StatusFromName(string? value) => value switch
    {
        "planned" => PlanItemStatus.Planned,
        "in-progress" => PlanItemStatus.InProgress,
        "done" => PlanItemStatus.Done,
        "cancelled" => PlanItemStatus.Cancelled,
        _ => null,
    };
}
