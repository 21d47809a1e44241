namespace Noress.App.Accounts;

/// <summary>The platform's roles. Every person has at least <see cref="Member"/>.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Secretariat = "Secretariat";
    public const string Member = "Member";

    /// <summary>
    /// An outside initiative (cooperative, association) that registered itself to enter a competition. Deliberately
    /// not in <see cref="All"/>: the <see cref="Policies.Member"/> policy, and so every member page, excludes it (ADR 0038).
    /// </summary>
    public const string OutsideApplicant = "OutsideApplicant";

    public static readonly IReadOnlyList<string> All = [Administrator, Secretariat, Member];
}
