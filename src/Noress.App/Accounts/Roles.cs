namespace Noress.App.Accounts;

/// <summary>The platform's roles. Every person has at least <see cref="Member"/>.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Secretariat = "Secretariat";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Administrator, Secretariat, Member];
}
