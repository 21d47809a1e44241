namespace Noress.App.Calls.Pages;

/// <summary>Where the public call page sends an outside initiative; the registration page belongs to the outside-accounts work.</summary>
public static class CallLinks
{
    public static string Registration(Guid callId) => $"register/outside?call={callId:N}";

    public static string SignIn(Guid callId) => $"Account/Login?ReturnUrl=%2Fcalls%2F{callId}";
}
