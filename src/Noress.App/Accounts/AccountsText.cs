namespace Noress.App.Accounts;

/// <summary>Marker for the account pages' strings (AccountsText.resx is French, the default).</summary>
public sealed class AccountsText
{
}
