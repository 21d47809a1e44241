namespace Noress.App.Sessions.Speakers;

/// <summary>The queue's ordering rules, pure so up/down, drag and the service agree.</summary>
public static class SpeakerQueue
{
    /// <summary>Shortest and longest speaking time the secretariat may give, in seconds.</summary>
    public const int MinSeconds = 10;

    public const int MaxSeconds = 3600;

    /// <summary>Three minutes when the rules set nothing.</summary>
    public const int DefaultSeconds = 180;

    /// <summary><paramref name="order"/> with <paramref name="id"/> moved to <paramref name="toIndex"/> (clamped); unchanged when absent.</summary>
    public static IReadOnlyList<Guid> Move(IReadOnlyList<Guid> order, Guid id, int toIndex)
    {
        var from = order.ToList().IndexOf(id);
        if (from < 0)
        {
            return order;
        }

        var moved = order.ToList();
        moved.RemoveAt(from);
        moved.Insert(Math.Clamp(toIndex, 0, moved.Count), id);
        return moved;
    }

    /// <summary>Does <paramref name="proposed"/> list exactly the waiting requests, each once?</summary>
    public static bool IsPermutationOf(IReadOnlyCollection<Guid> proposed, IReadOnlyCollection<Guid> waiting) =>
        proposed.Count == waiting.Count && proposed.Distinct().Count() == proposed.Count && proposed.All(waiting.Contains);

    /// <summary>
    /// New positions for a reordered queue: all above every position the item has used, so no row ever takes
    /// another's position, even for an instant (the unique index is checked row by row).
    /// </summary>
    public static IReadOnlyList<int> PositionsAfter(int maxUsed, int count) => [.. Enumerable.Range(maxUsed + 1, count)];

    public static bool IsValidTime(int seconds) => seconds is >= MinSeconds and <= MaxSeconds;
}
