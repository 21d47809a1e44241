using Noress.App.Members.Mou;

namespace Noress.App.Members;

/// <summary>
/// The one definition of "in good standing": a binding memorandum signature in force at the date,
/// and a membership neither suspended nor withdrawn at that date. Voting rights and eligibility use it.
/// </summary>
public static class MemberStanding
{
    public static bool IsInGoodStanding(StandingFacts facts, DateOnly date)
    {
        if (facts.WithdrawnOn is { } withdrawn && withdrawn <= date)
        {
            return false;
        }

        if (facts.Status == MembershipStatus.Withdrawn && facts.WithdrawnOn is null)
        {
            return false;
        }

        if (facts.Status == MembershipStatus.Suspended && (facts.SuspendedOn is null || facts.SuspendedOn <= date))
        {
            return false;
        }

        if (facts.MouStatus is not { } mou || !MouStateMachine.IsBinding(mou))
        {
            return false;
        }

        if (facts.SignedOn is { } signed && signed > date)
        {
            return false;
        }

        // The expiry date is the last day in force.
        return facts.ExpiresOn is not { } expires || expires >= date;
    }

    public static bool IsInGoodStanding(Institution institution, MouSignature? signature, DateOnly date) =>
        IsInGoodStanding(StandingFacts.From(institution, signature), date);
}

/// <summary>What good standing depends on, readable straight from a query projection.</summary>
public sealed record StandingFacts(
    MembershipStatus Status,
    DateOnly? SuspendedOn,
    DateOnly? WithdrawnOn,
    MouStatus? MouStatus,
    DateOnly? SignedOn,
    DateOnly? ExpiresOn)
{
    public static StandingFacts From(Institution institution, MouSignature? signature) =>
        new(institution.Status, institution.SuspendedOn, institution.WithdrawnOn, signature?.Status, signature?.SignedOn, signature?.ExpiresOn);
}
