using Noress.App.Calls;
using Noress.App.Calls.Evaluation;

namespace Noress.Tests.Calls;

public sealed class CallEnvelopeTests
{
    private static EnvelopeLine Line(ApplicationState state, decimal amount) => new(Guid.NewGuid(), state, amount);

    [Fact]
    public void Status_CountsSelectedAndLaterStates_NotReserveNorRejected()
    {
        var status = CallEnvelope.Status(120_000m, 3,
        [
            Line(ApplicationState.Selected, 40_000m),
            Line(ApplicationState.Closed, 30_000m),
            Line(ApplicationState.Reserve, 40_000m),
            Line(ApplicationState.Rejected, 40_000m),
            Line(ApplicationState.Deliberation, 40_000m),
        ]);

        Assert.Equal(70_000m, status.CommittedAmount);
        Assert.Equal(50_000m, status.AvailableAmount);
        Assert.Equal(2, status.CommittedProjects);
        Assert.Equal(1, status.AvailableProjects);
    }

    [Fact]
    public void CheckSelection_TheFirstEdition_TwoProjectsOf40000()
    {
        var empty = CallEnvelope.Status(80_000m, 2, []);
        Assert.Null(CallEnvelope.CheckSelection(empty, 40_000m));

        var one = CallEnvelope.Status(80_000m, 2, [Line(ApplicationState.Selected, 40_000m)]);
        Assert.Null(CallEnvelope.CheckSelection(one, 40_000m));
        Assert.Equal(CallsEngineCodes.EnvelopeAmountExceeded, CallEnvelope.CheckSelection(one, 40_000.01m));

        var full = CallEnvelope.Status(80_000m, 2, [Line(ApplicationState.Selected, 40_000m), Line(ApplicationState.AgreementSigned, 30_000m)]);
        Assert.Equal(CallsEngineCodes.EnvelopeProjectsExceeded, CallEnvelope.CheckSelection(full, 1_000m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void CheckSelection_NonPositiveAmount_IsRefused(decimal amount) =>
        Assert.Equal(CallsEngineCodes.SelectionAmountInvalid, CallEnvelope.CheckSelection(CallEnvelope.Status(80_000m, 2, []), amount));

    /// <summary>Property: selecting random requests one by one, accepting only what the check allows, never exceeds the envelope.</summary>
    [Fact]
    public void CheckSelection_RandomSelections_NeverExceedTheEnvelope()
    {
        var random = new Random(60000);
        for (var round = 0; round < 200; round++)
        {
            var total = random.Next(1, 10) * 60_000m;
            var max = random.Next(1, 6);
            var lines = new List<EnvelopeLine>();
            for (var i = 0; i < 20; i++)
            {
                var amount = random.Next(1, 80) * 1_000m;
                var status = CallEnvelope.Status(total, max, lines);
                var code = CallEnvelope.CheckSelection(status, amount);
                var fits = status.CommittedAmount + amount <= total && status.CommittedProjects < max;
                Assert.Equal(fits, code is null);
                lines.Add(Line(code is null ? ApplicationState.Selected : ApplicationState.Reserve, amount));
            }

            var final = CallEnvelope.Status(total, max, lines);
            Assert.InRange(final.AvailableAmount, 0m, total);
            Assert.InRange(final.AvailableProjects, 0, max);
        }
    }

    [Fact]
    public void CheckAward_EachPrizeOnce_OnlyTheCallsPrizes()
    {
        Prize[] prizes = [new(1, 30_000m), new(2, 20_000m), new(3, 10_000m)];
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        PrizeAward[] awarded = [new(first, 1)];

        Assert.Null(CallEnvelope.CheckAward(prizes, awarded, second, 2));
        Assert.Equal(CallsEngineCodes.PrizeRankTaken, CallEnvelope.CheckAward(prizes, awarded, second, 1));
        Assert.Null(CallEnvelope.CheckAward(prizes, awarded, first, 1));
        Assert.Equal(CallsEngineCodes.PrizeRankUnknown, CallEnvelope.CheckAward(prizes, awarded, second, 4));
        Assert.Equal(CallsEngineCodes.PrizeRankUnknown, CallEnvelope.CheckAward(prizes, awarded, second, 0));
        Assert.Equal([2, 3], CallEnvelope.Remaining(prizes, awarded).Select(p => p.Rank));
    }
}
