using Noress.App.Committees;

namespace Noress.App.Sessions.Elections;

/// <summary>The pure rules of an election around <see cref="Rules.Election.DecideRound"/>: what may be elected, what a ballot may say, how ballots count.</summary>
public static class ElectionRules
{
    public const int MaxSeats = 20;

    /// <summary>Room for <see cref="MaxSeats"/> Guids and their separators.</summary>
    public const int MaxChoicesLength = MaxSeats * 37;

    /// <summary>Positions held by one person at a time: their election fills exactly one seat.</summary>
    public static bool IsSingleHolder(ElectionKind kind, CommitteeRole? role, SecretariatPosition? position) => kind switch
    {
        ElectionKind.CommitteePosition => role is CommitteeRole.Chair or CommitteeRole.Rapporteur,
        ElectionKind.SecretariatPosition => position is not Elections.SecretariatPosition.Member,
        _ => false,
    };

    /// <summary>Null when the election is well described, else a SessionsText key.</summary>
    public static string? DefinitionError(ElectionKind kind, Guid? committeeId, CommitteeRole? role, SecretariatPosition? position, int seats)
    {
        if (!Enum.IsDefined(kind))
        {
            return "Error.ElectionKind";
        }

        var wellFormed = kind switch
        {
            ElectionKind.SecretariatPosition => committeeId is null && role is null && position is { } p && Enum.IsDefined(p),
            ElectionKind.CommitteePosition => committeeId is not null && position is null && role is { } r && Enum.IsDefined(r),
            _ => committeeId is not null && role is null && position is null,
        };
        if (!wellFormed)
        {
            return "Error.ElectionKind";
        }

        if (seats is < 1 or > MaxSeats || (IsSingleHolder(kind, role, position) && seats != 1))
        {
            return "Error.ElectionSeats";
        }

        return null;
    }

    /// <summary>Null when a ballot naming <paramref name="choices"/> is valid in a round for <paramref name="seats"/> seats among <paramref name="standing"/>.</summary>
    public static string? ChoiceError(IReadOnlyCollection<Guid> choices, IReadOnlySet<Guid> standing, int seats)
    {
        if (choices.Distinct().Count() != choices.Count || !choices.All(standing.Contains))
        {
            return "Error.ElectionCandidate";
        }

        return choices.Count > seats ? "Error.ElectionTooManyChoices" : null;
    }

    /// <summary>The stored form of a ballot: sorted, so the order a voter clicked in says nothing.</summary>
    public static string Format(IEnumerable<Guid> choices) => string.Join(',', choices.Order().Select(c => c.ToString()));

    public static IReadOnlyList<Guid> Parse(string choices) =>
        string.IsNullOrEmpty(choices) ? [] : [.. choices.Split(',').Select(Guid.Parse)];

    /// <summary>Votes per candidate and blank ballots, from the stored ballots.</summary>
    public static (IReadOnlyDictionary<Guid, int> Votes, int Blank) Count(IEnumerable<string> ballots, IEnumerable<Guid> candidates)
    {
        var votes = candidates.ToDictionary(c => c, _ => 0);
        var blank = 0;
        foreach (var ballot in ballots)
        {
            var names = Parse(ballot);
            if (names.Count == 0)
            {
                blank++;
            }

            foreach (var name in names)
            {
                votes[name] = votes.GetValueOrDefault(name) + 1;
            }
        }

        return (votes, blank);
    }
}
