using Noress.App.Accounts.Invitations;

namespace Noress.Tests.Accounts;

public sealed class InvitationTokenTests
{
    [Fact]
    public void Create_ReturnsUrlSafe256BitTokensThatDiffer()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => InvitationToken.Create()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Hash_IsTheLowercaseHexSha256OfTheToken()
    {
        // SHA-256("abc") from FIPS 180-2.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InvitationToken.Hash("abc"));
    }

    [Fact]
    public void Hash_SameTokenSameHash_OtherTokenOtherHash()
    {
        var token = InvitationToken.Create();

        Assert.Equal(InvitationToken.Hash(token), InvitationToken.Hash(token));
        Assert.NotEqual(InvitationToken.Hash(token), InvitationToken.Hash(token + "x"));
        Assert.Equal(64, InvitationToken.Hash(token).Length);
    }
}
