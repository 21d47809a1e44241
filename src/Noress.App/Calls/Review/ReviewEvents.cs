namespace Noress.App.Calls.Review;

/// <summary>
/// The kinds of review signal published on <see cref="Shared.RealTime.Topics.Call"/>. They carry no payload: nothing of
/// an entry travels on the bus, every screen reloads what it shows through <see cref="ReviewAccess"/>, so a conflicted
/// juror's screen learns nothing from a feed.
/// </summary>
public static class ReviewEvents
{
    /// <summary>An application moved through the workflow.</summary>
    public const string Workflow = "review.workflow";

    /// <summary>The envelope's committed amount (AMI) or the prizes awarded (competition) changed.</summary>
    public const string Envelope = "review.envelope";

    /// <summary>Jurors, assignments or declarations changed.</summary>
    public const string Jury = "review.jury";

    /// <summary>A score sheet was saved or submitted.</summary>
    public const string Scores = "review.scores";

    /// <summary>A deliberation note was written.</summary>
    public const string Notes = "review.notes";
}
