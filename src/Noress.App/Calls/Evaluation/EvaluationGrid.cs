namespace Noress.App.Calls.Evaluation;

/// <param name="Id">The criterion's id in the call's grid.</param>
/// <param name="Weight">Its weight (any positive number; weights are normalised by their sum).</param>
/// <param name="Min">The lowest score a juror may give.</param>
/// <param name="Max">The highest score a juror may give.</param>
public sealed record GridCriterion(int Id, decimal Weight, decimal Min, decimal Max);

/// <summary>A call's evaluation grid: its criteria and the scale totals are expressed on (e.g. 20 or 100).</summary>
public sealed record EvaluationGrid
{
    public EvaluationGrid(IReadOnlyList<GridCriterion> criteria, decimal scale)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0 || scale <= 0)
        {
            throw new ArgumentException("A grid needs at least one criterion and a positive scale.", nameof(criteria));
        }

        if (criteria.Any(c => c.Weight <= 0 || c.Max <= c.Min) || criteria.Select(c => c.Id).Distinct().Count() != criteria.Count)
        {
            throw new ArgumentException("Criteria need distinct ids, positive weights and Max above Min.", nameof(criteria));
        }

        Criteria = criteria;
        Scale = scale;
    }

    public IReadOnlyList<GridCriterion> Criteria { get; }

    public decimal Scale { get; }

    /// <summary>
    /// A complete sheet's total on the grid's scale: Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ × scale, so criteria on
    /// different ranges weigh by their weight only. Rounded to 6 decimals so equal sheets give equal totals.
    /// </summary>
    public decimal Total(IReadOnlyDictionary<int, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (ScoreSheetRules.Check(this, scores) is { } code)
        {
            throw new ArgumentException($"The sheet is not complete and valid ({code}).", nameof(scores));
        }

        var weights = Criteria.Sum(c => c.Weight);
        var sum = Criteria.Sum(c => c.Weight * (scores[c.Id] - c.Min) / (c.Max - c.Min));
        return JuryAggregation.Round(sum / weights * Scale);
    }
}

/// <summary>
/// One juror's sheet for one entry, as the database holds it. Drafts and conflicted jurors' sheets may be passed in:
/// every aggregate leaves them out by construction (<see cref="Counts"/>).
/// </summary>
/// <param name="ApplicationId">The entry scored.</param>
/// <param name="JurorId">The juror.</param>
/// <param name="Submitted">Submitted (true) or still a draft.</param>
/// <param name="Conflicted">The juror is conflicted with the entry (automatic or declared), whenever the conflict arose.</param>
/// <param name="Scores">The score per criterion id.</param>
public sealed record ScoreSheet(Guid ApplicationId, Guid JurorId, bool Submitted, bool Conflicted, IReadOnlyDictionary<int, decimal> Scores)
{
    /// <summary>Whether the sheet counts in aggregates: submitted and not conflicted.</summary>
    public bool Counts => Submitted && !Conflicted;
}

/// <summary>Checks a sheet against the grid, for the scoring service to refuse before saving.</summary>
public static class ScoreSheetRules
{
    /// <summary>Null when every criterion has a score within its range and nothing else is scored; else the refusal code.</summary>
    /// <param name="grid">The call's grid.</param>
    /// <param name="scores">The scores given.</param>
    /// <param name="complete">Whether every criterion must be scored (submitting) or some may be missing (saving a draft).</param>
    public static string? Check(EvaluationGrid grid, IReadOnlyDictionary<int, decimal> scores, bool complete = true)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Keys.Any(id => grid.Criteria.All(c => c.Id != id)))
        {
            return CallsEngineCodes.ScoreUnknownCriterion;
        }

        foreach (var criterion in grid.Criteria)
        {
            if (!scores.TryGetValue(criterion.Id, out var score))
            {
                if (complete)
                {
                    return CallsEngineCodes.ScoreMissing;
                }

                continue;
            }

            if (score < criterion.Min || score > criterion.Max)
            {
                return CallsEngineCodes.ScoreOutOfScale;
            }
        }

        return null;
    }
}
