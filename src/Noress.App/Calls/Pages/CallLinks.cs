namespace Noress.App.Calls.Pages;

/// <summary>Where the public call page sends an outside initiative: registration (ADR 0038) or sign-in, back to the call.</summary>
public static class CallLinks
{
    public static string Registration(Guid callId) => $"Account/RegisterInitiative?call={callId:N}";

    public static string SignIn(Guid callId) => $"Account/Login?ReturnUrl=%2Fpublic%2Fcalls%2F{callId}";
}
