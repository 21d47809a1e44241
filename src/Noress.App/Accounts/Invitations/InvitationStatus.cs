namespace Noress.App.Accounts.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

public static class InvitationRules
{
    /// <summary>Acceptance and revocation are final; otherwise the link lives until its expiry (exclusive).</summary>
    public static InvitationStatus StatusAt(this Invitation invitation, DateTime nowUtc) =>
        invitation.AcceptedAt is not null ? InvitationStatus.Accepted
        : invitation.RevokedAt is not null ? InvitationStatus.Revoked
        : nowUtc >= invitation.ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    /// <summary>Roles an inviter may hand out: the secretariat invites members, administrators also the secretariat.</summary>
    public static IReadOnlyList<string> AssignableRoles(bool inviterIsAdministrator) =>
        inviterIsAdministrator ? [Roles.Member, Roles.Secretariat] : [Roles.Member];

    /// <summary>The roles a new account receives: everyone is a member as well.</summary>
    public static IReadOnlyList<string> RolesGranted(string invitedRole) =>
        invitedRole == Roles.Member ? [Roles.Member] : [invitedRole, Roles.Member];
}
