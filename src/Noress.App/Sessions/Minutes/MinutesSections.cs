using System.Text;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions.Minutes;

/// <summary>Who was there: institutions present, validated proxies, the quorum.</summary>
public sealed class AttendanceMinutesSection : IMinutesSection
{
    public int Order => 20;

    public Task<string?> WriteAsync(MinutesData data, MinutesWriter w, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append("## ").AppendLine(w["Section.Attendance"]).AppendLine();
        text.AppendLine(w["Attendance.Present", w.Number(data.Present.Count)]).AppendLine();
        foreach (var institution in data.Present)
        {
            text.Append("- ").AppendLine(w.Name(institution));
        }

        text.AppendLine();
        if (data.Departures is { Count: > 0 } departures)
        {
            text.AppendLine(w["Attendance.Departures", w.Number(departures.Count)]).AppendLine();
            foreach (var departure in departures)
            {
                text.Append("- ").AppendLine(w["Attendance.Departure", w.Name(departure.Institution), w.Time(departure.ArrivedAt), w.Time(departure.LeftAt)]);
            }

            text.AppendLine();
        }

        if (data.Proxies.Count == 0)
        {
            text.AppendLine(w["Attendance.NoProxies"]).AppendLine();
        }
        else
        {
            text.AppendLine(w["Attendance.Proxies", w.Number(data.Proxies.Count)]).AppendLine();
            foreach (var proxy in data.Proxies)
            {
                text.Append("- ").AppendLine(w["Attendance.Proxy", w.Name(proxy.Grantor), w.Name(proxy.Holder)]);
            }

            text.AppendLine();
        }

        var quorum = data.Quorum;
        text.AppendLine(w[quorum.Reached ? "Attendance.QuorumReached" : "Attendance.QuorumNotReached",
            w.Number(quorum.Present), w.Number(quorum.Represented), w.Number(quorum.Required), w.Number(quorum.Members)]);
        return Task.FromResult<string?>(text.ToString());
    }
}

/// <summary>The agenda as it was voted through.</summary>
public sealed class AgendaMinutesSection : IMinutesSection
{
    public int Order => 30;

    public Task<string?> WriteAsync(MinutesData data, MinutesWriter w, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append("## ").AppendLine(w["Section.Agenda"]).AppendLine();
        var number = 1;
        foreach (var item in data.Agenda)
        {
            text.Append(w.Number(number++)).Append(". ").Append(MinutesWriter.Inline(item.Title)).Append(" (").Append(w[$"Kind.{item.Kind}"]).AppendLine(")");
        }

        return Task.FromResult<string?>(text.ToString());
    }
}

/// <summary>Every closed vote: motion, ballot, counts, the base the majority was measured on, verdict, override, names.</summary>
public sealed class VotesMinutesSection : IMinutesSection
{
    public int Order => 40;

    public Task<string?> WriteAsync(MinutesData data, MinutesWriter w, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append("## ").AppendLine(w["Section.Votes"]).AppendLine();
        if (data.Votes.Count == 0)
        {
            text.AppendLine(w["Votes.None"]);
            return Task.FromResult<string?>(text.ToString());
        }

        var number = 1;
        foreach (var (vote, names) in data.Votes.Select(v => (v.Vote, v.Names)))
        {
            text.Append("### ").AppendLine(w["Votes.Heading", w.Number(number++), MinutesWriter.Inline(vote.Question)]).AppendLine();
            text.Append("- ").AppendLine(w[vote.Ballot == BallotKind.Secret ? "Votes.Secret" : "Votes.Open"]);
            text.Append("- ").AppendLine(w["Votes.Counts", w.Number(vote.For ?? 0), w.Number(vote.Against ?? 0), w.Number(vote.Abstain ?? 0)]);
            text.Append("- ").AppendLine(w["Votes.Base", w[$"Majority.{vote.MajorityKind}"], w[$"Base.{vote.MajorityBase}"], w.Number(vote.BaseCount ?? 0), w.Number(vote.RequiredFor ?? 0)]);
            text.Append("- ").AppendLine(w["Votes.Verdict", w[$"Verdict.{vote.Verdict ?? Verdict.Rejected}"]]);
            if (vote.OverrideReason is { } reason)
            {
                text.Append("- ").AppendLine(w["Votes.Overridden", w[$"Verdict.{vote.ComputedVerdict ?? Verdict.Rejected}"], MinutesWriter.Inline(reason)]);
            }

            if (vote.ClosedWithoutQuorum)
            {
                text.Append("- ").AppendLine(w["Votes.WithoutQuorum"]);
            }

            foreach (var choice in Enum.GetValues<VoteChoice>())
            {
                var who = names.Where(n => n.Choice == choice).Select(n => n.Institution.Acronym).ToList();
                if (who.Count > 0)
                {
                    text.Append("- ").AppendLine(w[$"Votes.Names.{choice}", string.Join(", ", who)]);
                }
            }

            text.AppendLine();
        }

        return Task.FromResult<string?>(text.ToString().TrimEnd() + "\n");
    }
}

/// <summary>The decisions taken, with their numbers in the register.</summary>
public sealed class DecisionsMinutesSection : IMinutesSection
{
    public int Order => 60;

    public Task<string?> WriteAsync(MinutesData data, MinutesWriter w, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append("## ").AppendLine(w["Section.Decisions"]).AppendLine();
        if (data.Decisions.Count == 0)
        {
            text.AppendLine(w["Decisions.None"]);
        }

        foreach (var decision in data.Decisions)
        {
            text.Append("- ").AppendLine(w[decision.IsWithdrawn ? "Decisions.Withdrawn" : "Decisions.Line", decision.Number, MinutesWriter.Inline(decision.Text)]);
        }

        return Task.FromResult<string?>(text.ToString());
    }
}
