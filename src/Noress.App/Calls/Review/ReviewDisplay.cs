using System.Globalization;
using Microsoft.Extensions.Localization;
using Noress.App.Shared.Localization;

namespace Noress.App.Calls.Review;

/// <summary>How the review pages show amounts, scores and states.</summary>
public static class ReviewDisplay
{
    /// <summary>An amount in MAD through the platform's formatter.</summary>
    public static string Money(decimal amount) => NoressFormat.Amount((long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero));

    /// <summary>A score or a statistic with two decimals in the reader's culture; a dash when there is none.</summary>
    public static string Score(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.CurrentCulture) : "—";

    public static string State(IStringLocalizer<ReviewText> text, ApplicationState state) => text[$"State.{state}"];

    public static string Step(IStringLocalizer<ReviewText> text, ApplicationState to) => text[$"Step.{to}"];

    /// <summary>The share of the envelope committed, 0-1, for a native meter.</summary>
    public static string Share(decimal committed, decimal total) =>
        (total <= 0 ? 0m : Math.Min(1m, committed / total)).ToString("0.###", CultureInfo.InvariantCulture);
}
