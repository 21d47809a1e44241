namespace Noress.App.Accounts.Outside;

/// <summary>Where an outside initiative's account lives on the platform (ADR 0038).</summary>
public static class OutsideAccounts
{
    /// <summary>The outside account's own area: its landing page after sign-in and wherever a refusal sends it.</summary>
    public const string HomePath = "/applicant";

    /// <summary>The landing page with the notice that the page asked for is not part of the area.</summary>
    public const string RefusedPath = HomePath + "?refused=1";
}
