using Microsoft.AspNetCore.Builder;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Marks an endpoint (a page through <c>@attribute</c>, a minimal API through
/// <see cref="TwoFactorEnrolmentConventions.AllowBeforeTwoFactorEnrolment{TBuilder}"/>) that staff who must
/// enrol may reach before they have: the account pages, the language switch, health. Everything else is
/// enforced, whatever its path looks like.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AllowBeforeTwoFactorEnrolmentAttribute : Attribute
{
}

public static class TwoFactorEnrolmentConventions
{
    public static TBuilder AllowBeforeTwoFactorEnrolment<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowBeforeTwoFactorEnrolmentAttribute());
}
