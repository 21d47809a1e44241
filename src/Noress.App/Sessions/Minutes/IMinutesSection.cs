using System.Globalization;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Localization;

namespace Noress.App.Sessions.Minutes;

/// <summary>
/// One part of the generated minutes. The built-in ones write attendance, votes and decisions; a feature with
/// more to record (the elections: people elected) adds its own by registering an implementation
/// (<c>services.AddScoped&lt;IMinutesSection, ElectionsMinutesSection&gt;()</c>), without the minutes knowing it.
/// </summary>
public interface IMinutesSection
{
    /// <summary>Where it goes: attendance 20, agenda 30, votes 40, elections 50 (free), decisions 60.</summary>
    int Order { get; }

    /// <summary>The section's markdown in <paramref name="writer"/>'s language (a "## " heading first), or null to leave it out.</summary>
    Task<string?> WriteAsync(MinutesData data, MinutesWriter writer, CancellationToken ct);
}

/// <summary>An institution as the minutes name it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Acronym">Its acronym.</param>
/// <param name="NameFr">French name.</param>
/// <param name="NameAr">Arabic name.</param>
public sealed record MinutesInstitution(Guid Id, string Acronym, string NameFr, string NameAr);

/// <summary>A validated proxy: <paramref name="Grantor"/> gave its vote to <paramref name="Holder"/>.</summary>
/// <param name="Grantor">The institution that gave its vote.</param>
/// <param name="Holder">The institution that held it.</param>
public sealed record MinutesProxy(MinutesInstitution Grantor, MinutesInstitution Holder);

/// <summary>A closed vote with, for an open ballot, who chose what.</summary>
/// <param name="Vote">The frozen result.</param>
/// <param name="Names">Open ballots: the institutions per choice; empty for a secret ballot.</param>
public sealed record MinutesVote(Vote Vote, IReadOnlyList<(MinutesInstitution Institution, VoteChoice Choice)> Names);

/// <summary>
/// Everything the minutes are written from, read once at the close. <see cref="Db"/> is there for sections that
/// read more (it is the closing transaction's context); the built-in sections only use the data.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Agenda">Its agenda, in order.</param>
/// <param name="Present">Institutions checked in at the session's convocation, by acronym.</param>
/// <param name="Proxies">Validated proxies.</param>
/// <param name="Quorum">The quorum at the close.</param>
/// <param name="Votes">Closed votes, in order of opening.</param>
/// <param name="Decisions">The decisions taken, in number order.</param>
/// <param name="Db">The context, for sections that read more; null in unit tests.</param>
/// <param name="Departures">Institutions that came and left before the close (not in <paramref name="Present"/>), by acronym.</param>
public sealed record MinutesData(
    Session Session,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<MinutesInstitution> Present,
    IReadOnlyList<MinutesProxy> Proxies,
    QuorumStatus Quorum,
    IReadOnlyList<MinutesVote> Votes,
    IReadOnlyList<Decision> Decisions,
    NoressDbContext? Db = null,
    IReadOnlyList<MinutesDeparture>? Departures = null);

/// <summary>An institution that checked in and then left before the close: first arrival, last departure.</summary>
public sealed record MinutesDeparture(MinutesInstitution Institution, DateTime ArrivedAt, DateTime LeftAt);

/// <summary>Writes in one language whatever the reader's: strings, dates and numbers in <see cref="Culture"/>.</summary>
public sealed class MinutesWriter(string culture, IStringLocalizer<MinutesText> text)
{
    public string Culture => culture;

    public bool IsArabic => culture == MinutesCultures.Arabic;

    public string this[string key, params object[] arguments] => In(() => text[key, arguments].Value);

    public T In<T>(Func<T> compose) => Notifications.NotificationMails.InCulture(culture, compose);

    public string Date(DateTime utc) => In(() => NoressFormat.LongDate(utc));

    public string DateTime(DateTime utc) => In(() => NoressFormat.LongDateTime(utc));

    public string Time(DateTime utc) => In(() => NoressFormat.Time(utc));

    public string Number(long value) => In(() => NoressFormat.Number(value, CultureInfo.CurrentCulture));

    public string Name(MinutesInstitution institution) => $"{institution.Acronym} — {Inline(IsArabic ? institution.NameAr : institution.NameFr)}";

    /// <summary>Text typed by people, on one line and with nothing that would start markdown structure.</summary>
    public static string Inline(string? value)
    {
        var plain = PeopleText.Plain(value) ?? string.Empty;
        return string.Join(' ', plain.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("#", "\\#", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }
}

/// <summary>Marker for the minutes' strings (MinutesText.resx is French, the default).</summary>
public sealed class MinutesText
{
}
