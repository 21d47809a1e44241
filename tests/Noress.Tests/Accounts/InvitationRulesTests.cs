using Noress.App.Accounts;
using Noress.App.Accounts.Invitations;

namespace Noress.Tests.Accounts;

public sealed class InvitationRulesTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Expires = Created.AddDays(7);

    public static TheoryData<int?, int?, int, InvitationStatus> Cases => new()
    {
        // accepted after (min), revoked after (min), now after creation (min), expected
        { null, null, 0, InvitationStatus.Pending },
        { null, null, (7 * 24 * 60) - 1, InvitationStatus.Pending },
        { null, null, 7 * 24 * 60, InvitationStatus.Expired },
        { null, null, 30 * 24 * 60, InvitationStatus.Expired },
        { 5, null, 10, InvitationStatus.Accepted },
        { 5, null, 30 * 24 * 60, InvitationStatus.Accepted },
        { null, 5, 10, InvitationStatus.Revoked },
        { null, 5, 30 * 24 * 60, InvitationStatus.Revoked },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StatusAt_FollowsAcceptanceRevocationAndExpiry(int? acceptedAfter, int? revokedAfter, int nowAfter, InvitationStatus expected)
    {
        var invitation = new Invitation
        {
            Email = "a@example.org",
            FullName = "A",
            Role = Roles.Member,
            TokenHash = new string('0', 64),
            CreatedAt = Created,
            ExpiresAt = Expires,
            AcceptedAt = acceptedAfter is { } a ? Created.AddMinutes(a) : null,
            RevokedAt = revokedAfter is { } r ? Created.AddMinutes(r) : null,
        };

        Assert.Equal(expected, invitation.StatusAt(Created.AddMinutes(nowAfter)));
    }

    [Fact]
    public void AssignableRoles_SecretariatInvitesMembers_AdministratorAlsoSecretariat()
    {
        Assert.Equal([Roles.Member], InvitationRules.AssignableRoles(inviterIsAdministrator: false));
        Assert.Equal([Roles.Member, Roles.Secretariat], InvitationRules.AssignableRoles(inviterIsAdministrator: true));
    }

    [Fact]
    public void RolesGranted_EveryoneIsAMember()
    {
        Assert.Equal([Roles.Member], InvitationRules.RolesGranted(Roles.Member));
        Assert.Equal([Roles.Secretariat, Roles.Member], InvitationRules.RolesGranted(Roles.Secretariat));
    }
}
