using Noress.App.Shared.Operations;

namespace Noress.App.Calls;

/// <summary>Marker for the calls engine's strings (CallsEngineText.resx is French, the default): refusals and rule names.</summary>
public sealed class CallsEngineText
{
}

/// <summary>The refusal codes the pure rules return (keys of CallsEngineText); services turn them into refusals with <see cref="CallsEngineRefusals.For"/>.</summary>
public static class CallsEngineCodes
{
    public const string TransitionNotAllowed = "Error.TransitionNotAllowed";
    public const string TransitionActorNotAllowed = "Error.TransitionActorNotAllowed";
    public const string DeadlinePassed = "Error.DeadlinePassed";
    public const string DeadlineNotReached = "Error.DeadlineNotReached";
    public const string ReasonRequired = "Error.ReasonRequired";
    public const string PrizeRankRequired = "Error.PrizeRankRequired";
    public const string PrizeRankUnexpected = "Error.PrizeRankUnexpected";
    public const string ScoreOutOfScale = "Error.ScoreOutOfScale";
    public const string ScoreMissing = "Error.ScoreMissing";
    public const string ScoreUnknownCriterion = "Error.ScoreUnknownCriterion";
    public const string ConflictAutomatic = "Error.ConflictAutomatic";
    public const string ConflictAlreadyDeclared = "Error.ConflictAlreadyDeclared";
    public const string EntryNotAssigned = "Error.EntryNotAssigned";
    public const string EntryConflicted = "Error.EntryConflicted";
    public const string DeclarationPending = "Error.DeclarationPending";
    public const string EnvelopeAmountExceeded = "Error.EnvelopeAmountExceeded";
    public const string EnvelopeProjectsExceeded = "Error.EnvelopeProjectsExceeded";
    public const string SelectionAmountInvalid = "Error.SelectionAmountInvalid";
    public const string PrizeRankUnknown = "Error.PrizeRankUnknown";
    public const string PrizeRankTaken = "Error.PrizeRankTaken";

    /// <summary>Every code, for the tests that check each has its text.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        TransitionNotAllowed, TransitionActorNotAllowed, DeadlinePassed, DeadlineNotReached, ReasonRequired,
        PrizeRankRequired, PrizeRankUnexpected, ScoreOutOfScale, ScoreMissing, ScoreUnknownCriterion,
        ConflictAutomatic, ConflictAlreadyDeclared, EntryNotAssigned, EntryConflicted, DeclarationPending,
        EnvelopeAmountExceeded, EnvelopeProjectsExceeded, SelectionAmountInvalid, PrizeRankUnknown, PrizeRankTaken,
    ];
}

/// <summary>Turns the rules' codes into localized refusals (ADR 0023); each code is spelled out so RefusalTextTests checks its key.</summary>
public static class CallsEngineRefusals
{
    public static Refusal For(this Refusals<CallsEngineText> refuse, string code)
    {
        ArgumentNullException.ThrowIfNull(refuse);
        return code switch
        {
            CallsEngineCodes.TransitionNotAllowed => refuse["Error.TransitionNotAllowed"],
            CallsEngineCodes.TransitionActorNotAllowed => refuse["Error.TransitionActorNotAllowed"],
            CallsEngineCodes.DeadlinePassed => refuse["Error.DeadlinePassed"],
            CallsEngineCodes.DeadlineNotReached => refuse["Error.DeadlineNotReached"],
            CallsEngineCodes.ReasonRequired => refuse["Error.ReasonRequired"],
            CallsEngineCodes.PrizeRankRequired => refuse["Error.PrizeRankRequired"],
            CallsEngineCodes.PrizeRankUnexpected => refuse["Error.PrizeRankUnexpected"],
            CallsEngineCodes.ScoreOutOfScale => refuse["Error.ScoreOutOfScale"],
            CallsEngineCodes.ScoreMissing => refuse["Error.ScoreMissing"],
            CallsEngineCodes.ScoreUnknownCriterion => refuse["Error.ScoreUnknownCriterion"],
            CallsEngineCodes.ConflictAutomatic => refuse["Error.ConflictAutomatic"],
            CallsEngineCodes.ConflictAlreadyDeclared => refuse["Error.ConflictAlreadyDeclared"],
            CallsEngineCodes.EntryNotAssigned => refuse["Error.EntryNotAssigned"],
            CallsEngineCodes.EntryConflicted => refuse["Error.EntryConflicted"],
            CallsEngineCodes.DeclarationPending => refuse["Error.DeclarationPending"],
            CallsEngineCodes.EnvelopeAmountExceeded => refuse["Error.EnvelopeAmountExceeded"],
            CallsEngineCodes.EnvelopeProjectsExceeded => refuse["Error.EnvelopeProjectsExceeded"],
            CallsEngineCodes.SelectionAmountInvalid => refuse["Error.SelectionAmountInvalid"],
            CallsEngineCodes.PrizeRankUnknown => refuse["Error.PrizeRankUnknown"],
            CallsEngineCodes.PrizeRankTaken => refuse["Error.PrizeRankTaken"],
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a calls engine code."),
        };
    }
}
