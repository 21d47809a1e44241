using System.Globalization;
using Bunit;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Rules;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

/// <summary>A closed round's result: named ballots only when the election's ballot is open (ADR 0024).</summary>
public sealed class ElectionRoundResultTests : NoressTestContext
{
    private readonly ElectionCandidate amina = new() { PersonId = Guid.NewGuid() };
    private readonly ElectionCandidate omar = new() { PersonId = Guid.NewGuid() };

    [Fact]
    public void OpenBallot_ShowsEachInstitutionAndWhomItChose()
    {
        var (view, round) = Result(BallotKind.Open);

        var cut = RenderPage<ElectionRoundResult>(p => p.Add(c => c.View, view).Add(c => c.Round, round));

        var names = cut.FindAll("[data-testid=election-round-name]");
        Assert.Equal(["ADS", "CRTTA", "ODCO"], names.Select(n => n.GetAttribute("data-institution")));
        Assert.Equal("\u2068ADS\u2069\u00a0: \u2068Amina Alaoui\u2069", names[0].TextContent);
        Assert.Equal("\u2068CRTTA\u2069\u00a0: bulletin blanc", names[1].TextContent);
        Assert.Equal("\u2068ODCO\u2069\u00a0: \u2068Omar Fassi\u2069", names[2].TextContent);
    }

    [Fact]
    public void SecretBallot_ShowsCountsAndNoName_EvenIfNamesWereGiven()
    {
        // The service never gives names for a secret round; the component refuses them all the same.
        var (view, round) = Result(BallotKind.Secret);

        var cut = RenderPage<ElectionRoundResult>(p => p.Add(c => c.View, view).Add(c => c.Round, round));

        Assert.Empty(cut.FindAll("[data-testid=election-round-names]"));
        Assert.Equal(2, cut.FindAll("[data-testid=election-tally]").Count);
        Assert.DoesNotContain("CRTTA", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("ODCO", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenBallot_InArabicBesideAFrenchPage_WritesTheNamesInArabic()
    {
        var (view, round) = Result(BallotKind.Open);

        var cut = RenderPage<ElectionRoundResult>(p => p.Add(c => c.View, view).Add(c => c.Round, round).Add(c => c.Culture, CultureInfo.GetCultureInfo(NoressCultures.Arabic)));

        Assert.Equal("\u2068CRTTA\u2069: ورقة بيضاء", cut.FindAll("[data-testid=election-round-name]")[1].TextContent);
        Assert.Contains("الدور", cut.Find("[data-testid=election-round-result]").TextContent, StringComparison.Ordinal);
    }

    private (ElectionView View, RoundView Round) Result(BallotKind ballot)
    {
        var election = new SessionElection { Title = "Coordination", Kind = ElectionKind.SecretariatPosition, SecretariatPosition = SecretariatPosition.Coordinator, Seats = 1, Ballot = ballot, State = ElectionState.BetweenRounds, Rounds = 1 };
        var closed = new ElectionRound { ElectionId = election.Id, Number = 1, State = ElectionRoundState.Closed, Seats = 1, Absolute = true, Participations = 3, BallotsCast = 3, Blank = 1, ElectedCount = 0, Tied = true };
        var round = new RoundView(closed, new Dictionary<Guid, int> { [amina.Id] = 1, [omar.Id] = 1 },
            [new RoundName("ADS", [amina.Id]), new RoundName("CRTTA", []), new RoundName("ODCO", [omar.Id])]);
        var view = new ElectionView(election, null, [new CandidateView(amina, "Amina Alaoui"), new CandidateView(omar, "Omar Fassi")], [round]);
        return (view, round);
    }
}
