using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Live;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions.Live;

public sealed class BallotCardTests : NoressTestContext
{
    private static readonly VoterMandate Own = new(Guid.NewGuid(), "ADS", null, true);

    private static Vote OpenVote(BallotKind ballot = BallotKind.Open) => new() { SessionId = Guid.NewGuid(), Question = "Adopter le plan d'action 2027 ?", Ballot = ballot };

    [Fact]
    public void Render_OpenVote_OffersTheThreeChoicesForTheInstitution()
    {
        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, OpenVote()).Add(c => c.Mandate, Own).Add(c => c.Cast, _ => throw new InvalidOperationException()));

        Assert.Equal("Vote de ADS", cut.Find("h3").TextContent.Trim());
        Assert.Equal(["Pour", "Contre", "Abstention"], cut.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=ballot-secret]"));
        Assert.Empty(cut.FindAll("[data-testid=ballot-voted]"));
    }

    [Theory]
    [InlineData("ballot-for", VoteChoice.For)]
    [InlineData("ballot-against", VoteChoice.Against)]
    [InlineData("ballot-abstain", VoteChoice.Abstain)]
    public void Click_AChoice_CastsItAndShowsTheInstitutionVoted(string button, VoteChoice expected)
    {
        var cast = new List<VoteChoice>();
        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, OpenVote()).Add(c => c.Mandate, Own).Add(c => c.Cast, choice =>
        {
            cast.Add(choice);
            return Task.FromResult(Outcome<Guid>.Done(Guid.NewGuid()));
        }));

        cut.Find($"[data-testid={button}]").Click();

        Assert.Equal([expected], cast);
        Assert.Equal("Votre institution a voté.", cut.Find("[data-testid=ballot-voted]").TextContent.Trim());
        Assert.Empty(cut.FindAll("button"));
        Assert.Equal("true", cut.Find("[data-testid=ballot-card]").GetAttribute("data-voted"));
    }

    [Fact]
    public void Click_Refused_ShowsTheLocalizedReasonAndKeepsTheChoices()
    {
        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, OpenVote()).Add(c => c.Mandate, Own)
            .Add(c => c.Cast, _ => Task.FromResult<Outcome<Guid>>(new Refusal("Error.NotCheckedIn", "Votre institution n'est pas émargée."))));

        cut.Find("[data-testid=ballot-for]").Click();

        Assert.Equal("Votre institution n'est pas émargée.", cut.Find("[data-testid=ballot-error]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=ballot-voted]"));
        Assert.Equal(3, cut.FindAll("button").Count);
    }

    [Fact]
    public void Render_AlreadyVotedSecretBallotByProxy_SaysSoWithoutChoices()
    {
        var proxy = new VoterMandate(Guid.NewGuid(), "REMESS", "ADS", false);

        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, OpenVote(BallotKind.Secret)).Add(c => c.Mandate, proxy).Add(c => c.Voted, true)
            .Add(c => c.Cast, _ => throw new InvalidOperationException()));

        Assert.Equal("Vote de REMESS (procuration détenue par ADS)", cut.Find("h3").TextContent.Trim());
        Assert.Contains("Scrutin secret", cut.Find("[data-testid=ballot-secret]").TextContent, StringComparison.Ordinal);
        Assert.Equal("REMESS a voté.", cut.Find("[data-testid=ballot-voted]").TextContent.Trim());
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task VoteEvent_InstitutionVotedOnAnotherDevice_ShowsVotedWithoutReload()
    {
        var vote = OpenVote(BallotKind.Secret);
        var votedElsewhere = false;
        var checks = 0;
        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, vote).Add(c => c.Mandate, Own).Add(c => c.Cast, _ => throw new InvalidOperationException())
            .Add(c => c.CheckVoted, () =>
            {
                checks++;
                return Task.FromResult(votedElsewhere);
            }));
        Assert.Equal(3, cut.FindAll("button").Count);

        // The other device's ballot is stored, then announced with a count only: nothing says who voted.
        votedElsewhere = true;
        await Services.GetRequiredService<IEventBus>().PublishAsync(Topics.Session(vote.SessionId), new BusEvent(SessionEvents.Vote, new VoteSignal(vote.Id, VoteState.Open, 1).ToPayload()));
        Clock.Advance(SessionScreen.FollowDelay);

        cut.WaitForAssertion(() => Assert.Equal("Votre institution a voté.", cut.Find("[data-testid=ballot-voted]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("button"));
        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task VoteEvent_InstitutionNotYetVoted_KeepsTheChoices()
    {
        var vote = OpenVote();
        var checks = 0;
        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, vote).Add(c => c.Mandate, Own).Add(c => c.Cast, _ => throw new InvalidOperationException())
            .Add(c => c.CheckVoted, () =>
            {
                checks++;
                return Task.FromResult(false);
            }));

        await Services.GetRequiredService<IEventBus>().PublishAsync(Topics.Session(vote.SessionId), new BusEvent(SessionEvents.Vote, new VoteSignal(vote.Id, VoteState.Open, 1).ToPayload()));
        Clock.Advance(SessionScreen.FollowDelay);

        cut.WaitForAssertion(() => Assert.Equal(1, checks));
        Assert.Equal(3, cut.FindAll("button").Count);
        Assert.Empty(cut.FindAll("[data-testid=ballot-voted]"));
    }

    [Fact]
    public void Render_InArabic_ShowsArabicChoices()
    {
        UseCulture(Noress.App.Shared.Localization.NoressCultures.Arabic);

        var cut = RenderPage<BallotCard>(p => p.Add(c => c.Vote, OpenVote()).Add(c => c.Mandate, Own).Add(c => c.Cast, _ => throw new InvalidOperationException()));

        Assert.Equal(["مع", "ضد", "امتناع"], cut.FindAll("button").Select(b => b.TextContent.Trim()));
    }
}
