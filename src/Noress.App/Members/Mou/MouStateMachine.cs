namespace Noress.App.Members.Mou;

/// <summary>The allowed moves of a memorandum signature; anything else is refused.</summary>
public static class MouStateMachine
{
    private static readonly Dictionary<MouStatus, MouStatus[]> Allowed = new()
    {
        [MouStatus.Invited] = [MouStatus.Signed],
        [MouStatus.Signed] = [MouStatus.Countersigned, MouStatus.Expired],
        [MouStatus.Countersigned] = [MouStatus.Expired, MouStatus.Renewed],
        [MouStatus.Expired] = [MouStatus.Renewed],
        [MouStatus.Renewed] = [MouStatus.Expired, MouStatus.Renewed],
    };

    public static bool CanMove(MouStatus from, MouStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<MouStatus> NextFrom(MouStatus from) => Allowed[from];

    /// <summary>Statuses in which the signature binds the institution, provided it has not reached its expiry date.</summary>
    public static bool IsBinding(MouStatus status) => status is MouStatus.Signed or MouStatus.Countersigned or MouStatus.Renewed;
}
