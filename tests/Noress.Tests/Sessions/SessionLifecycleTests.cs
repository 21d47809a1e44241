using Noress.App.Sessions;

namespace Noress.Tests.Sessions;

public sealed class SessionLifecycleTests
{
    [Theory]
    [InlineData(SessionState.Draft, SessionAction.Convene, SessionState.Convened)]
    [InlineData(SessionState.Convened, SessionAction.Open, SessionState.Open)]
    [InlineData(SessionState.Convened, SessionAction.Reconvene, SessionState.Convened)]
    [InlineData(SessionState.Open, SessionAction.Reconvene, SessionState.Convened)]
    [InlineData(SessionState.Open, SessionAction.Close, SessionState.Closed)]
    [InlineData(SessionState.Closed, SessionAction.ApproveMinutes, SessionState.MinutesApproved)]
    [InlineData(SessionState.Draft, SessionAction.Cancel, SessionState.Cancelled)]
    [InlineData(SessionState.Convened, SessionAction.Cancel, SessionState.Cancelled)]
    public void Find_AllowedSteps(SessionState from, SessionAction action, SessionState to) =>
        Assert.Equal(to, SessionLifecycle.Find(from, action)?.To);

    [Theory]
    [InlineData(SessionState.Draft, SessionAction.Open)]
    [InlineData(SessionState.Open, SessionAction.Cancel)]
    [InlineData(SessionState.Closed, SessionAction.Close)]
    [InlineData(SessionState.Closed, SessionAction.Reconvene)]
    [InlineData(SessionState.MinutesApproved, SessionAction.ApproveMinutes)]
    [InlineData(SessionState.Cancelled, SessionAction.Convene)]
    public void Find_RefusedSteps(SessionState from, SessionAction action) => Assert.Null(SessionLifecycle.Find(from, action));

    [Fact]
    public void Transitions_NoDuplicateStep_AndEveryStateButTheEndsHasAWayOut()
    {
        Assert.Equal(SessionLifecycle.Transitions.Count, SessionLifecycle.Transitions.Select(t => (t.From, t.Action)).Distinct().Count());
        foreach (var state in Enum.GetValues<SessionState>().Except([SessionState.MinutesApproved, SessionState.Cancelled]))
        {
            Assert.NotEmpty(SessionLifecycle.From(state));
        }
    }
}
