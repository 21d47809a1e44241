namespace Noress.App.Calls;

/// <summary>The rules a call may set; each has a checklist line (<c>Rule.{name}</c> in CallsText).</summary>
public enum EligibilityRule
{
    /// <summary>A member institution in good standing with a signed MoU (MemberStanding).</summary>
    MemberInGoodStanding,

    /// <summary>At most N applications submitted per institution (or outside applicant) in the call.</summary>
    ApplicationsPerApplicant,

    /// <summary>The requested amount at most the call's cap.</summary>
    RequestedAmountCap,

    /// <summary>The own contribution at least a share of the budget's total.</summary>
    OwnContributionShare,

    /// <summary>Every required file field has a file.</summary>
    RequiredDocuments,
}

/// <summary>What the rules are judged on, read by the service at the moment of the check.</summary>
/// <param name="IsMemberInstitution">The applicant is a member institution (not an outside initiative).</param>
/// <param name="InGoodStanding">That institution is in good standing today (MemberStanding).</param>
/// <param name="OtherSubmitted">Applications of the same applicant already submitted (or further) in the call, this one left out.</param>
/// <param name="Requested">The budget's requested total.</param>
/// <param name="OwnContribution">The budget's own-contribution total.</param>
/// <param name="MissingDocuments">Labels of the required file fields without a file.</param>
/// <param name="OutsideInitiativeWelcome">
/// The applicant is an outside initiative and the call is open to outside initiatives: the member-in-good-standing rule
/// does not apply to it (issue 12 §4); every other rule does.
/// </param>
public sealed record EligibilityFacts(
    bool IsMemberInstitution,
    bool InGoodStanding,
    int OtherSubmitted,
    decimal Requested,
    decimal OwnContribution,
    IReadOnlyList<string> MissingDocuments,
    bool OutsideInitiativeWelcome = false);

/// <summary>One line of the checklist: the rule, whether it holds, and what to show beside it.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Passed">Whether the application satisfies it now.</param>
/// <param name="Arguments">The call's limit and the application's figure, for the line's text.</param>
public sealed record EligibilityCheck(EligibilityRule Rule, bool Passed, IReadOnlyList<object> Arguments);

/// <summary>
/// The eligibility rules as code: pure, parameterised by the call's <see cref="CallEligibility"/>; the applicant's
/// checklist and the submission run the same function, so what the checklist shows is what submitting judges.
/// </summary>
public static class EligibilityRules
{
    /// <summary>
    /// Every rule the call sets, in checklist order; a rule the call does not set is absent, and so is the
    /// member-in-good-standing rule for an outside initiative in a call open to them.
    /// </summary>
    public static IReadOnlyList<EligibilityCheck> Evaluate(CallEligibility parameters, EligibilityFacts facts, bool requiresDocuments)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(facts);
        var checks = new List<EligibilityCheck>();
        // An outside initiative in a call open to them is not a member and is not asked to be one.
        if (parameters.RequireMemberInGoodStanding && !(facts.OutsideInitiativeWelcome && !facts.IsMemberInstitution))
        {
            checks.Add(new(EligibilityRule.MemberInGoodStanding, facts.IsMemberInstitution && facts.InGoodStanding, []));
        }

        if (parameters.MaxApplicationsPerApplicant is { } max)
        {
            // This application would be one more: it passes while the others leave room for it.
            checks.Add(new(EligibilityRule.ApplicationsPerApplicant, facts.OtherSubmitted + 1 <= max, [max, facts.OtherSubmitted]));
        }

        if (parameters.MaxRequestedAmount is { } cap)
        {
            checks.Add(new(EligibilityRule.RequestedAmountCap, facts.Requested <= cap, [cap, facts.Requested]));
        }

        if (parameters.MinOwnContributionPercent is { } minimum)
        {
            var share = OwnShare(facts.Requested, facts.OwnContribution);
            checks.Add(new(EligibilityRule.OwnContributionShare, share is { } s && s >= minimum, [minimum, share ?? 0m]));
        }

        if (requiresDocuments)
        {
            checks.Add(new(EligibilityRule.RequiredDocuments, facts.MissingDocuments.Count == 0, [string.Join(", ", facts.MissingDocuments)]));
        }

        return checks;
    }

    /// <summary>The own contribution's share of the total in percent, rounded down to 0.01; null when nothing is budgeted.</summary>
    public static decimal? OwnShare(decimal requested, decimal ownContribution)
    {
        var total = requested + ownContribution;
        if (total <= 0m)
        {
            return null;
        }

        // Rounded down: 19.999 % never passes a 20 % minimum.
        return Math.Floor(ownContribution * 10_000m / total) / 100m;
    }

    public static bool AllPass(IEnumerable<EligibilityCheck> checks) => checks.All(c => c.Passed);
}
