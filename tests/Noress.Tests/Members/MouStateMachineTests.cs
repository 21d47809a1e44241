using Noress.App.Members.Mou;

namespace Noress.Tests.Members;

public sealed class MouStateMachineTests
{
    [Theory]
    [InlineData(MouStatus.Invited, MouStatus.Signed)]
    [InlineData(MouStatus.Signed, MouStatus.Countersigned)]
    [InlineData(MouStatus.Countersigned, MouStatus.Expired)]
    [InlineData(MouStatus.Countersigned, MouStatus.Renewed)]
    [InlineData(MouStatus.Expired, MouStatus.Renewed)]
    [InlineData(MouStatus.Renewed, MouStatus.Expired)]
    public void CanMove_AllowedStep_IsTrue(MouStatus from, MouStatus to) => Assert.True(MouStateMachine.CanMove(from, to));

    [Theory]
    [InlineData(MouStatus.Invited, MouStatus.Countersigned)]
    [InlineData(MouStatus.Invited, MouStatus.Renewed)]
    [InlineData(MouStatus.Signed, MouStatus.Invited)]
    [InlineData(MouStatus.Countersigned, MouStatus.Signed)]
    [InlineData(MouStatus.Expired, MouStatus.Countersigned)]
    [InlineData(MouStatus.Invited, MouStatus.Invited)]
    public void CanMove_InvalidStep_IsRefused(MouStatus from, MouStatus to) => Assert.False(MouStateMachine.CanMove(from, to));

    [Fact]
    public void NextFrom_EveryStatus_HasAWayForward() =>
        Assert.All(Enum.GetValues<MouStatus>(), s => Assert.NotEmpty(MouStateMachine.NextFrom(s)));
}
