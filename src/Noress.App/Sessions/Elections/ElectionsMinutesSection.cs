using System.Text;
using Microsoft.Extensions.Localization;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.Elections;

/// <summary>
/// The elections in the minutes (order 50, ADR 0025): each round's counts and, for an open ballot only, each
/// institution's ballot; then who was elected. Read through <see cref="ElectionService.ViewsAsync"/>, the screens' read.
/// </summary>
public sealed class ElectionsMinutesSection(IStringLocalizer<SessionsText> sessionsText) : IMinutesSection
{
    public int Order => 50;

    public async Task<string?> WriteAsync(MinutesData data, MinutesWriter w, CancellationToken ct)
    {
        if (data.Db is null)
        {
            return null;
        }

        var elections = await ElectionService.ViewsAsync(data.Db, data.Session.Id, ct);
        if (elections.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("## ").AppendLine(w["Section.Elections"]).AppendLine();
        var number = 1;
        foreach (var view in elections)
        {
            var election = view.Election;
            var what = w.In(() => ElectionText.What(sessionsText, election, view.Committee));
            text.Append("### ").AppendLine(w["Elections.Heading", w.Number(number++), MinutesWriter.Inline(election.Title), MinutesWriter.Inline(what)]).AppendLine();
            text.Append("- ").AppendLine(w[election.Ballot == BallotKind.Secret ? "Elections.Secret" : "Elections.Open"]);
            var names = view.Candidates.ToDictionary(c => c.Candidate.Id, c => MinutesWriter.Inline(c.Name));
            foreach (var round in view.Rounds.Where(r => r.Round.State == ElectionRoundState.Closed))
            {
                var r = round.Round;
                var majority = r.Absolute ? w["Elections.Absolute", w.Number((r.BallotsCast ?? 0) / 2)] : w["Elections.Relative"];
                text.Append("- ").AppendLine(w["Elections.Round", w.Number(r.Number), w.Number(r.BallotsCast ?? 0), w.Number(r.Blank ?? 0), majority]);
                foreach (var (candidateId, votes) in round.Votes.OrderByDescending(v => v.Value).ThenBy(v => names[v.Key], StringComparer.Ordinal))
                {
                    var elected = view.Candidates.Single(c => c.Candidate.Id == candidateId).Candidate.ElectedInRound == r.Number;
                    text.Append("  - ").AppendLine(w[elected ? "Elections.TallyElected" : "Elections.Tally", names[candidateId], w.Number(votes)]);
                }

                if (r.ClosedWithoutQuorum)
                {
                    text.Append("  - ").AppendLine(w["Elections.WithoutQuorum"]);
                }

                // Names come only with an open ballot: the read gives none for a secret one, and this checks again.
                if (election.Ballot == BallotKind.Open)
                {
                    foreach (var ballot in round.Names)
                    {
                        var chosen = ballot.Candidates.Select(id => names.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal).ToList();
                        text.Append("  - ").AppendLine(chosen.Count == 0
                            ? w["Elections.NameBlank", MinutesWriter.Inline(ballot.Institution)]
                            : w["Elections.Name", MinutesWriter.Inline(ballot.Institution), string.Join(", ", chosen)]);
                    }
                }
            }

            var electedNames = view.Elected.Select(c => names[c.Candidate.Id]).ToList();
            text.Append("- ").AppendLine(electedNames.Count == 0 ? w["Elections.NoneElected"] : w["Elections.Elected", string.Join(", ", electedNames)]);
            text.AppendLine();
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
