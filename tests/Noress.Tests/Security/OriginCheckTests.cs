using Noress.App.Shared.Security;

namespace Noress.Tests.Security;

public sealed class OriginCheckTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://noress.example", true)]
    [InlineData("https://NORESS.example", true)]
    [InlineData("https://noress.example:443", true)]
    [InlineData("http://noress.example", false)]
    [InlineData("https://noress.example:8443", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://noress.example.evil.example", false)]
    [InlineData("null", false)]
    [InlineData("not a url", false)]
    public void IsAllowed_AgainstRequestHost(string? origin, bool expected)
    {
        Assert.Equal(expected, OriginCheck.IsAllowed(origin, "https", "noress.example", []));
    }

    [Fact]
    public void IsAllowed_ConfiguredOrigin_IsAllowed()
    {
        Assert.True(OriginCheck.IsAllowed("https://www.noress.example", "http", "internal:8080", ["https://www.noress.example"]));
        Assert.False(OriginCheck.IsAllowed("https://other.example", "http", "internal:8080", ["https://www.noress.example"]));
    }

    [Fact]
    public void IsAllowed_RequestHostWithPort_MatchesOnlyThatPort()
    {
        Assert.True(OriginCheck.IsAllowed("http://localhost:5080", "http", "localhost:5080", []));
        Assert.False(OriginCheck.IsAllowed("http://localhost:5081", "http", "localhost:5080", []));
    }
}
