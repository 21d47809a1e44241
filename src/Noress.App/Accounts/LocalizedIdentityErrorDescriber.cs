using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Noress.App.Accounts;

/// <summary>Identity's messages that people can meet on the account forms, in their language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountsText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Identity.DefaultError"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Identity.InvalidToken"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Identity.DuplicateEmail"]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Identity.DuplicateEmail"]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Identity.PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Identity.PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Identity.PasswordRequiresUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Identity.PasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Identity.PasswordRequiresUniqueChars", uniqueChars]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
