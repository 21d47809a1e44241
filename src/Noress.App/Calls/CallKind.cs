namespace Noress.App.Calls;

/// <summary>The two kinds of call one engine serves.</summary>
public enum CallKind
{
    /// <summary>Appel à manifestation d'intérêt: co-finances member institutions' projects within an envelope.</summary>
    Ami = 0,

    /// <summary>Concours régional: a jury awards prizes; outside initiatives may enter.</summary>
    Competition = 1,
}
