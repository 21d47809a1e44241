using Microsoft.Extensions.Localization;

namespace Noress.App.Shared.Operations;

/// <summary>
/// Why a service refused a change a person asked for: a stable <paramref name="Code"/> (the resource key, what tests
/// and callers compare) and the <paramref name="Message"/> in the caller's language, ready to show (ADR 0023).
/// </summary>
public sealed record Refusal(string Code, string Message);

/// <summary>The outcome of a change asked of a service: done, with what it produced, or refused with a reason (ADR 0023).</summary>
public sealed record Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>What the change produced (typically the id of the record concerned); default when refused.</summary>
    public T? Value { get; }

    /// <summary>Why the change was refused; null when it was done.</summary>
    public Refusal? Refusal { get; }

    public bool Succeeded => Refusal is null;

    /// <summary>The refusal's message, or null when done: what a page shows.</summary>
    public string? Error => Refusal?.Message;

    public static Outcome<T> Done(T value) => new(value, null);

    public static Outcome<T> Refused(Refusal refusal) => new(default, refusal);

    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);
}

/// <summary>Builds refusals from a feature's resources, so the code and its message come from one key.</summary>
public sealed class Refusals<TText>(IStringLocalizer<TText> text)
{
    public Refusal this[string code] => new(code, text[code]);

    public Refusal Format(string code, params object[] arguments) => new(code, text[code, arguments]);
}
