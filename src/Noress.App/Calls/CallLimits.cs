namespace Noress.App.Calls;

/// <summary>Column lengths and form limits shared by the model, the services and the pages.</summary>
public static class CallLimits
{
    public const int MaxTitle = 300;

    public const int MaxLabel = 300;

    public const int MaxHelp = 1000;

    public const int MaxChoices = 4000;

    public const int MaxTextAnswer = 4000;

    public const int MaxReason = 2000;

    public const int MaxComment = 4000;

    /// <summary>The most fields one form may have, lines one budget table, partners or files one field.</summary>
    public const int MaxFields = 60;

    public const int MaxItems = 50;

    /// <summary>The most characters of a long answer edited in place (ADR 0041) when its field sets no limit.</summary>
    public const int MaxLongTextInline = 50_000;
}
