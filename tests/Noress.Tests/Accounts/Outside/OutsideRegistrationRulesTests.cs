using Noress.App.Accounts.Outside;

namespace Noress.Tests.Accounts.Outside;

public sealed class OutsideRegistrationRulesTests
{
    private static OutsideRegistration Valid() => new()
    {
        InitiativeName = "Coopérative Tifawin",
        LegalForm = InitiativeLegalForm.Cooperative,
        City = "Tétouan",
        ContactName = "Salma Idrissi",
        Email = "salma@tifawin.example",
        Password = "Argane-2026-huile",
        ConfirmPassword = "Argane-2026-huile",
        Consent = true,
        Culture = "ar",
    };

    [Fact]
    public void Validate_CompleteRegistration_HasNoProblem() =>
        Assert.Empty(OutsideRegistrationRules.Validate(Valid()));

    public static TheoryData<string, Action<OutsideRegistration>, string, string> Problems => new()
    {
        { "empty name", r => r.InitiativeName = "  ", nameof(OutsideRegistration.InitiativeName), "Outside.NameRequired" },
        { "long name", r => r.InitiativeName = new string('a', OutsideRegistrationRules.NameMaxLength + 1), nameof(OutsideRegistration.InitiativeName), "Outside.NameTooLong" },
        { "no legal form", r => r.LegalForm = null, nameof(OutsideRegistration.LegalForm), "Outside.LegalFormRequired" },
        { "unknown legal form", r => r.LegalForm = (InitiativeLegalForm)42, nameof(OutsideRegistration.LegalForm), "Outside.LegalFormRequired" },
        { "empty city", r => r.City = string.Empty, nameof(OutsideRegistration.City), "Outside.CityRequired" },
        { "long city", r => r.City = new string('b', OutsideRegistrationRules.CityMaxLength + 1), nameof(OutsideRegistration.City), "Outside.CityTooLong" },
        { "empty contact", r => r.ContactName = "\t", nameof(OutsideRegistration.ContactName), "Outside.ContactRequired" },
        { "long contact", r => r.ContactName = new string('c', OutsideRegistrationRules.ContactMaxLength + 1), nameof(OutsideRegistration.ContactName), "Outside.ContactTooLong" },
        { "no e-mail", r => r.Email = string.Empty, nameof(OutsideRegistration.Email), "Outside.EmailInvalid" },
        { "not an e-mail", r => r.Email = "salma.tifawin.example", nameof(OutsideRegistration.Email), "Outside.EmailInvalid" },
        { "e-mail with a space", r => r.Email = "sal ma@tifawin.example", nameof(OutsideRegistration.Email), "Outside.EmailInvalid" },
        { "long e-mail", r => r.Email = new string('d', OutsideRegistrationRules.EmailMaxLength) + "@x.example", nameof(OutsideRegistration.Email), "Outside.EmailInvalid" },
        { "no password", r => (r.Password, r.ConfirmPassword) = (string.Empty, string.Empty), nameof(OutsideRegistration.Password), "Outside.PasswordRequired" },
        { "passwords differ", r => r.ConfirmPassword = "Argane-2026-huilE", nameof(OutsideRegistration.ConfirmPassword), "Outside.PasswordsDiffer" },
        { "no consent", r => r.Consent = false, nameof(OutsideRegistration.Consent), "Outside.ConsentRequired" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Validate_OneFieldWrong_NamesThatFieldOnly(string because, Action<OutsideRegistration> spoil, string field, string code)
    {
        var registration = Valid();
        spoil(registration);

        var problem = Assert.Single(OutsideRegistrationRules.Validate(registration));

        Assert.True((field, code) == problem, because);
    }

    [Fact]
    public void Validate_EmptyForm_ListsEveryFieldInTheFormsOrder()
    {
        var problems = OutsideRegistrationRules.Validate(new OutsideRegistration());

        Assert.Equal(
            ["InitiativeName", "LegalForm", "City", "ContactName", "Email", "Password", "Consent"],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_NamesAtTheLimit_AreAccepted()
    {
        var registration = Valid();
        registration.InitiativeName = new string('a', OutsideRegistrationRules.NameMaxLength);
        registration.City = " " + new string('b', OutsideRegistrationRules.CityMaxLength) + " ";

        Assert.Empty(OutsideRegistrationRules.Validate(registration));
    }
}
