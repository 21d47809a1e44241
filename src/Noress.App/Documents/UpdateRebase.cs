namespace Noress.App.Documents;

/// <summary>One pushed update in the form its client made it (on its base version, after its own earlier ones).</summary>
public sealed record ClientUpdate(string ClientId, ChangeSet Changes);

/// <summary>
/// The result of <see cref="UpdateRebase.Rebase"/>: the first <see cref="Skipped"/> pushed updates were accepted
/// already (dropped); <see cref="Rebased"/> are the others, mapped so that they apply to the current document.
/// </summary>
public sealed record RebaseResult(int Skipped, IReadOnlyList<ChangeSet> Rebased);

/// <summary>
/// Server-side rebase of a push made on an old version: a port of @codemirror/collab's <c>rebaseUpdates</c> (ADR 0046).
/// Updates accepted since that version that come from the same client, in order, are copies of the first pushed ones
/// (a push whose answer was lost) and are dropped; the rest is mapped over what others wrote since. Where a pushed
/// insertion and someone else's land at one place, the pushed text goes first when its client wrote the character
/// just before that place (its run of typing goes on, ADR 0017), and second otherwise (the library's rule).
/// </summary>
public static class UpdateRebase
{
    /// <summary>
    /// Rebases <paramref name="pushed"/> over <paramref name="since"/> (in version order, applying to the document of
    /// the push's base version). <paramref name="insertedBy"/> tells which client inserted the character at a position
    /// of that base document (null when unknown). Null when the copies of earlier pushes do not match what is stored
    /// (the push cannot be placed: the client pulls and rebases itself).
    /// </summary>
    public static RebaseResult? Rebase(IReadOnlyList<ClientUpdate> pushed, IReadOnlyList<AcceptedUpdate> since, Func<int, string?> insertedBy)
    {
        // Composed in place: a push based far back folds hundreds of updates (ADR 0063).
        var fold = new ChangeSet.Fold();
        var skip = 0;
        foreach (var update in since)
        {
            if (skip < pushed.Count && pushed[skip].ClientId == update.ClientId)
            {
                var own = pushed[skip].Changes;
                if (!fold.Any)
                {
                    if (!own.SameAs(update.Changes))
                    {
                        return null;
                    }
                }
                else if (MapOverOwn(fold.Result, own, update.Changes) is { } mapped)
                {
                    fold.Reset(mapped);
                }
                else
                {
                    return null;
                }

                skip++;
            }
            else
            {
                fold.Add(update.Changes);
            }
        }

        var others = fold.Any ? fold.Result : null;
        var rebased = new List<ChangeSet>(pushed.Count - skip);
        for (var i = skip; i < pushed.Count; i++)
        {
            var update = pushed[i].Changes;
            if (others is null)
            {
                rebased.Add(update);
                continue;
            }

            if (update.Length != others.Length)
            {
                return null;
            }

            var first = OwnGoesFirst(pushed, i, others, insertedBy);
            rebased.Add(update.Map(others, first));
            others = others.Map(update, !first);
        }

        return new RebaseResult(skip, rebased);
    }

    /// <summary>
    /// For a client receiving its own update back in the <paramref name="stored"/> form: the others' changes (on the
    /// same document as <paramref name="own"/>, the client's form) mapped over its own update the way the authority
    /// ordered them when it rebased it; null when neither order gives the stored form.
    /// </summary>
    public static ChangeSet? MapOverOwn(ChangeSet others, ChangeSet own, ChangeSet stored)
    {
        if (own.Length != others.Length)
        {
            return null;
        }

        if (own.Map(others, false).SameAs(stored))
        {
            return others.Map(own, true);
        }

        return own.Map(others, true).SameAs(stored) ? others.Map(own, false) : null;
    }

    private static bool OwnGoesFirst(IReadOnlyList<ClientUpdate> pushed, int index, ChangeSet others, Func<int, string?> insertedBy)
    {
        foreach (var point in pushed[index].Changes.SharedInsertionPoints(others))
        {
            if (point > 0 && WroteCharacterAt(pushed, index, point - 1, insertedBy))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the client of pushed[index] wrote the character at `position` of the document that update applies to:
    // inserted by one of its earlier updates in this push, or by its client before the base version.
    private static bool WroteCharacterAt(IReadOnlyList<ClientUpdate> pushed, int index, int position, Func<int, string?> insertedBy)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (!pushed[j].Changes.TryMapBack(position, out position))
            {
                return true;
            }
        }

        return insertedBy(position) == pushed[index].ClientId;
    }
}
