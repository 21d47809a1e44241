using Microsoft.AspNetCore.Http;
using Noress.App.Accounts;

namespace Noress.Tests.Accounts;

public sealed class AccountLinksTests
{
    [Fact]
    public void Build_PrefersTheConfiguredPublicAddressOverTheRequestHost()
    {
        var link = AccountLinks.Build("https://noress.ma", "http://evil.example/", "Account/ResetPassword", new Dictionary<string, string?> { ["code"] = "a b" });

        Assert.Equal("https://noress.ma/Account/ResetPassword?code=a%20b", link);
    }

    [Fact]
    public void Build_WithoutPublicAddress_UsesTheRequestAddress()
    {
        Assert.Equal("http://localhost:5000/app/Account/AcceptInvitation?token=t",
            AccountLinks.Build(null, "http://localhost:5000/app/", "/Account/AcceptInvitation", new Dictionary<string, string?> { ["token"] = "t" }));
    }

    [Theory]
    [InlineData("/sessions/1", "/sessions/1")]
    [InlineData(null, "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n//evil.example", "/")]
    [InlineData("/sessions\u0000", "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("evil.example", "/")]
    public void LocalReturnUrl_KeepsOnlyLocalPaths(string? returnUrl, string expected)
    {
        Assert.Equal(expected, AccountLinks.LocalReturnUrl(returnUrl));
    }

    [Theory]
    [InlineData("POST", "/Account/Login", true)]
    [InlineData("POST", "/account/forgotpassword", true)]
    [InlineData("POST", "/Account/LoginWith2fa", true)]
    [InlineData("GET", "/Account/Login", false)]
    [InlineData("POST", "/Account/Logout", false)]
    public void RateLimiting_CountsOnlyPostsToGuessableForms(string method, string path, bool limited)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(limited, AccountRateLimiting.IsLimited(context.Request));
    }
}
