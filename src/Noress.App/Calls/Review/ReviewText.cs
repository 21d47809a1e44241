namespace Noress.App.Calls.Review;

/// <summary>Marker for the review side's strings (ReviewText.resx is French, the default): screening, jury, sheets, deliberation.</summary>
public sealed class ReviewText
{
}
