using Noress.App.Shared.Security;

namespace Noress.Tests.Security;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void Build_Https_AllowsSecureWebSocketToSameHostOnly()
    {
        var csp = ContentSecurityPolicy.Build("abc", "noress.example", isHttps: true);

        Assert.Contains("connect-src 'self' wss://noress.example;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-abc';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("ws://", csp, StringComparison.Ordinal);
    }
}
