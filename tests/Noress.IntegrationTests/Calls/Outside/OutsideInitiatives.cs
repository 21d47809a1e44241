using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Calls.Outside;

/// <summary>Registers and confirms outside initiatives through the real pages and the real outbox, as a browser and a mailbox would.</summary>
internal static class OutsideInitiatives
{
    public const string Password = "Argane-2026-huile";

    public static Dictionary<string, string> Form(string email, string name = "Coopérative Tifawin", string password = Password) => new()
    {
        ["Input.InitiativeName"] = name,
        ["Input.LegalForm"] = "Cooperative",
        ["Input.City"] = "Tétouan",
        ["Input.ContactName"] = "Salma Idrissi",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.Consent"] = "true",
        ["Input.Culture"] = "fr",
    };

    public static Task<HttpResponseMessage> RegisterAsync(this NoressAppFactory factory, string email, string password = Password) =>
        factory.CreateAnonymousClient().SubmitFormAsync("/Account/RegisterInitiative", "register-initiative", Form(email, password: password));

    /// <summary>Runs the outbox and returns the confirmation link of the last mail to <paramref name="email"/>.</summary>
    public static async Task<string> ConfirmationLinkAsync(this NoressAppFactory factory, string email)
    {
        await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var mail = factory.MessagesTo(email).Last();
        return mail.LinkTo("/Account/ConfirmInitiative");
    }

    /// <summary>Registers, confirms from the mail, and signs in: a client of a confirmed outside initiative.</summary>
    public static async Task<HttpClient> SignedInOutsideInitiativeAsync(this NoressAppFactory factory, string email)
    {
        var registered = await factory.RegisterAsync(email);
        if (registered.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration of {email} failed: {(int)registered.StatusCode}");
        }

        var confirmed = await factory.CreateAnonymousClient().GetStringAsync(await factory.ConfirmationLinkAsync(email));
        if (!confirmed.Contains("data-testid=\"confirm-done\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Confirmation of {email} failed.");
        }

        return await factory.CreateSignedInClientAsync(email, Password);
    }

    public static string TokenOf(string link) => QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["token"].ToString();
}
