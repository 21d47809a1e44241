using System.ComponentModel.DataAnnotations;

namespace Noress.App.Accounts.Outside;

/// <summary>What an outside initiative gives when it registers.</summary>
public sealed class OutsideRegistration
{
    public string InitiativeName { get; set; } = string.Empty;

    public InitiativeLegalForm? LegalForm { get; set; }

    public string City { get; set; } = string.Empty;

    public string ContactName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;

    public bool Consent { get; set; }

    /// <summary>The language of the page it registered from: its mails and its pages follow it.</summary>
    public string Culture { get; set; } = "fr";

    /// <summary>The call the initiative came from (the public call page's link), carried into the confirmation link.</summary>
    public Guid? CallId { get; set; }
}

/// <summary>
/// The registration's checks, pure so they are tested on their own; the service runs them before anything is stored
/// (the password's strength is Identity's, checked by the service). Each problem is a resource key of AccountsText.
/// </summary>
public static class OutsideRegistrationRules
{
    public const int NameMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int ContactMaxLength = 200;
    public const int EmailMaxLength = 256;

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>Every problem, field by field, in the form's order; empty when the registration may go ahead.</summary>
    public static IReadOnlyList<(string Field, string Code)> Validate(OutsideRegistration input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<(string, string)>();
        Text(problems, nameof(input.InitiativeName), input.InitiativeName, NameMaxLength, "Outside.NameRequired", "Outside.NameTooLong");
        if (input.LegalForm is not { } form || !Enum.IsDefined(form))
        {
            problems.Add((nameof(input.LegalForm), "Outside.LegalFormRequired"));
        }

        Text(problems, nameof(input.City), input.City, CityMaxLength, "Outside.CityRequired", "Outside.CityTooLong");
        Text(problems, nameof(input.ContactName), input.ContactName, ContactMaxLength, "Outside.ContactRequired", "Outside.ContactTooLong");
        var email = input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0 || email.Length > EmailMaxLength || !EmailFormat.IsValid(email) || email.Any(char.IsWhiteSpace))
        {
            problems.Add((nameof(input.Email), "Outside.EmailInvalid"));
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            problems.Add((nameof(input.Password), "Outside.PasswordRequired"));
        }
        else if (input.Password != input.ConfirmPassword)
        {
            problems.Add((nameof(input.ConfirmPassword), "Outside.PasswordsDiffer"));
        }

        if (!input.Consent)
        {
            problems.Add((nameof(input.Consent), "Outside.ConsentRequired"));
        }

        return problems;
    }

    private static void Text(List<(string, string)> problems, string field, string? value, int max, string required, string tooLong)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problems.Add((field, required));
        }
        else if (trimmed.Length > max)
        {
            problems.Add((field, tooLong));
        }
    }
}
