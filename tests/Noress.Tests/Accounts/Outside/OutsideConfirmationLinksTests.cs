using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts.Outside;

namespace Noress.Tests.Accounts.Outside;

public sealed class OutsideConfirmationLinksTests
{
    private static readonly Guid UserId = Guid.Parse("0b6c1f0e-8a7d-4e55-9a1e-3c2d4b5a6f71");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider protection = new();

    private OutsideConfirmationLinks Links() => new(protection, clock);

    [Fact]
    public void Read_FreshToken_SaysWhoAndWhichAddress()
    {
        var token = Links().Issue(UserId, "SALMA@TIFAWIN.EXAMPLE");

        Assert.Equal(new ConfirmationToken(ConfirmationTokenState.Valid, UserId, "SALMA@TIFAWIN.EXAMPLE"), Links().Read(token));
    }

    [Fact]
    public void Read_OneTickBeforeTheEnd_IsValid_AtTheEnd_Expired()
    {
        var token = Links().Issue(UserId, "SALMA@TIFAWIN.EXAMPLE");

        clock.Advance(OutsideConfirmationLinks.Lifetime - TimeSpan.FromTicks(1));
        Assert.Equal(ConfirmationTokenState.Valid, Links().Read(token).State);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ConfirmationTokenState.Expired, Links().Read(token).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Read_Garbage_IsInvalid(string? token) =>
        Assert.Equal(ConfirmationTokenState.Invalid, Links().Read(token).State);

    [Fact]
    public void Read_OneCharacterChanged_IsInvalid()
    {
        var token = Links().Issue(UserId, "SALMA@TIFAWIN.EXAMPLE");
        var forged = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        Assert.Equal(ConfirmationTokenState.Invalid, Links().Read(forged).State);
    }

    [Fact]
    public void Read_TokenOfAnotherPurpose_IsInvalid()
    {
        // A value sealed by the same keys for something else (e.g. an antiforgery or reset payload) is not a confirmation.
        var other = protection.CreateProtector("Something.Else").Protect($"{UserId:N}|SALMA@TIFAWIN.EXAMPLE|{DateTime.MaxValue.Ticks}");

        Assert.Equal(ConfirmationTokenState.Invalid, Links().Read(other).State);
    }
}
