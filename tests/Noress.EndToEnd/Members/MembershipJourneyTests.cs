using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Members.Mou;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Members;

[Collection(MailingNoressServerCollection.Name)]
public sealed partial class MembershipJourneyTests(MailingNoressServer mailing)
{
    private const string French = "fr-MA";

    [Fact]
    public async Task InvitedPerson_SignsUpFromTheMail_AndSeesTheMouSignatureOnTheBellWithoutReload()
    {
        var server = mailing.Server;
        var acronym = await InstitutionAwaitingSignatureAsync(server);
        var email = $"invitee-{Guid.NewGuid():N}@example.org";

        // The secretariat invites the person through the form; the mail goes out over SMTP at once.
        await using var secretariat = await server.OpenSessionAsync(French);
        await secretariat.SignInAsync("secretariat@noress.demo");
        await secretariat.GoToInteractiveAsync("administration/invitations");
        var form = secretariat.Page.GetByTestId("invite-form");
        await form.GetByLabel(Texts.Account("Invitations.Email", French)).FillAsync(email);
        await form.GetByLabel(Texts.Account("Invitations.FullName", French)).FillAsync("Leila Amrani");
        await form.Locator(".mud-select").First.ClickAsync();
        await secretariat.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"{acronym} — " }).ClickAsync();
        // A click while the list is still closing lands on its overlay, not on the button.
        await Expect(secretariat.Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await secretariat.Page.GetByTestId("invite-submit").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("invitations-table").GetByText(email)).ToBeVisibleAsync();

        var mail = Assert.Single(mailing.MessagesTo(email));
        Assert.Contains(mail.Attachments, a => a.ContentType.IsMimeType("text", "calendar"));
        var link = new Uri(AcceptLink().Match(mail.TextBody ?? string.Empty).Value);

        // The person opens the link in a browser of their own, sets a password and lands signed in.
        await using var person = await server.OpenSessionAsync(French);
        await person.Page.GotoAsync(link.PathAndQuery);
        await person.Page.Locator("#full-name").FillAsync("Leila Amrani");
        await person.Page.Locator("#password").FillAsync("Invitee-pass-2026!");
        await person.Page.Locator("#confirm").FillAsync("Invitee-pass-2026!");
        await person.Page.GetByTestId("accept-submit").ClickAsync();
        await person.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await person.WaitForInteractiveAsync();
        var bell = person.Page.GetByTestId("notification-count");
        await Expect(bell).ToHaveAttributeAsync("data-count", "0");

        // The secretariat records the institution's signature; the person's open dashboard hears of it.
        await secretariat.GoToInteractiveAsync($"members/{Uri.EscapeDataString(acronym)}");
        await secretariat.Page.GetByTestId("mou-open").ClickAsync();
        await secretariat.Page.GetByTestId("mou-signatory").FillAsync("Direction (démonstration)");
        await secretariat.Page.GetByTestId("mou-move-Signed").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("mou-status")).ToHaveTextAsync(Texts.Members("Mou.Status.Signed", French));
        await secretariat.ScreenshotAsync("institution-fr.png");

        await Expect(bell).ToHaveAttributeAsync("data-count", "1");
        Assert.Equal("/", new Uri(person.Page.Url).AbsolutePath);
        await secretariat.AssertNoBrowserErrorsAsync();
        await person.AssertNoBrowserErrorsAsync();
    }

    // The demo data leaves a few institutions invited but not yet signed; this journey signs one.
    private static async Task<string> InstitutionAwaitingSignatureAsync(NoressServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await (from s in db.Set<MouSignature>()
                      join i in db.Institutions on s.InstitutionId equals i.Id
                      where s.Status == MouStatus.Invited
                      orderby i.Acronym
                      select i.Acronym).FirstAsync();
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=\S+")]
    private static partial Regex AcceptLink();
}
