namespace Noress.App.Calls.Pages;

/// <summary>Where the public call page sends an outside initiative: registration (ADR 0038) or sign-in, back to the call.</summary>
public static class CallLinks
{
    public static string Registration(Guid callId) => $"Account/RegisterInitiative?call={callId:N}";

    /// <summary>Sign-in leads an outside initiative to its entry in the call, in its own area.</summary>
    public static string SignIn(Guid callId) => $"Account/Login?ReturnUrl=%2Fapplicant%2Fcalls%2F{callId}";
}
