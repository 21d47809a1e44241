using Noress.App.Members;
using Noress.App.Members.Mou;

namespace Noress.Tests.Members;

public sealed class MemberStandingTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);

    private static StandingFacts Facts(
        MembershipStatus status = MembershipStatus.Active,
        MouStatus? mou = MouStatus.Countersigned,
        DateOnly? signedOn = null,
        DateOnly? expiresOn = null,
        DateOnly? suspendedOn = null,
        DateOnly? withdrawnOn = null) =>
        new(status, suspendedOn, withdrawnOn, mou, signedOn ?? new DateOnly(2025, 1, 10), expiresOn);

    [Theory]
    [InlineData(MouStatus.Signed, true)]
    [InlineData(MouStatus.Countersigned, true)]
    [InlineData(MouStatus.Renewed, true)]
    [InlineData(MouStatus.Invited, false)]
    [InlineData(MouStatus.Expired, false)]
    public void IsInGoodStanding_ActiveMemberByMouStatus_FollowsWhetherTheSignatureBinds(MouStatus status, bool expected) =>
        Assert.Equal(expected, MemberStanding.IsInGoodStanding(Facts(mou: status), Today));

    [Fact]
    public void IsInGoodStanding_NoSignature_IsFalse() =>
        Assert.False(MemberStanding.IsInGoodStanding(Facts(mou: null), Today));

    [Fact]
    public void IsInGoodStanding_ExpiryDateIsToday_IsStillInForce() =>
        Assert.True(MemberStanding.IsInGoodStanding(Facts(expiresOn: Today), Today));

    [Fact]
    public void IsInGoodStanding_ExpiryDatePassed_IsFalse() =>
        Assert.False(MemberStanding.IsInGoodStanding(Facts(expiresOn: Today.AddDays(-1)), Today));

    [Fact]
    public void IsInGoodStanding_SignedAfterTheDate_IsFalseOnThatDate() =>
        Assert.False(MemberStanding.IsInGoodStanding(Facts(signedOn: Today.AddDays(1)), Today));

    [Fact]
    public void IsInGoodStanding_Suspended_IsFalse() =>
        Assert.False(MemberStanding.IsInGoodStanding(Facts(status: MembershipStatus.Suspended, suspendedOn: Today.AddDays(-3)), Today));

    [Fact]
    public void IsInGoodStanding_SuspensionStartsLater_IsTrueBeforeIt() =>
        Assert.True(MemberStanding.IsInGoodStanding(Facts(status: MembershipStatus.Suspended, suspendedOn: Today.AddDays(3)), Today));

    [Fact]
    public void IsInGoodStanding_Withdrawn_IsFalse() =>
        Assert.False(MemberStanding.IsInGoodStanding(Facts(status: MembershipStatus.Withdrawn, withdrawnOn: Today.AddMonths(-1)), Today));

    [Fact]
    public void IsInGoodStanding_FromEntities_UsesTheSameRule()
    {
        var institution = new Institution { Acronym = "ODCO", NameFr = "Office", NameAr = "مكتب" };
        var signature = new MouSignature { Status = MouStatus.Countersigned, SignedOn = new DateOnly(2024, 1, 1), ExpiresOn = Today.AddYears(1) };

        Assert.True(MemberStanding.IsInGoodStanding(institution, signature, Today));
        Assert.False(MemberStanding.IsInGoodStanding(institution, null, Today));
    }
}
