using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions.Minutes;

/// <summary>
/// Writes the draft minutes from a session's data: a header (date, place, convocation), then every
/// <see cref="IMinutesSection"/> in order. The same data gives the same text, in French or in Arabic.
/// </summary>
public sealed class MinutesGenerator(IEnumerable<IMinutesSection> sections, IStringLocalizer<MinutesText> text)
{
    public async Task<string> WriteAsync(MinutesData data, string culture, CancellationToken ct)
    {
        var w = new MinutesWriter(culture, text);
        var session = data.Session;
        var body = new StringBuilder();
        body.Append("# ").AppendLine(w["Header.Title", MinutesWriter.Inline(session.Title)]).AppendLine();
        body.Append("- ").AppendLine(w["Header.Body", w[session.Body == SessionBody.Plenary ? "Header.Plenary" : "Header.Committee"]]);
        body.Append("- ").AppendLine(w["Header.Date", w.DateTime(session.OpenedAt ?? session.StartsAt)]);
        body.Append("- ").AppendLine(w["Header.Place", MinutesWriter.Inline(session.Place ?? "—")]);
        body.Append("- ").AppendLine(w[session.Convocation > 1 ? "Header.SecondConvocation" : "Header.FirstConvocation",
            session.ConvenedAt is { } convened ? w.Date(convened) : "—"]);
        if (session.ClosedAt is { } closed)
        {
            body.Append("- ").AppendLine(w["Header.Closed", w.DateTime(closed)]);
        }

        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.WriteAsync(data, w, ct) is { } part)
            {
                body.AppendLine().Append(part.TrimEnd()).AppendLine();
            }
        }

        return body.ToString();
    }

    /// <summary>Reads what the minutes are written from (<paramref name="db"/> is the closing transaction's context).</summary>
    public static async Task<MinutesData> ReadAsync(NoressDbContext db, Session session, CancellationToken ct)
    {
        var agenda = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.SessionId == session.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var institutions = (await db.Institutions.AsNoTracking().Select(i => new MinutesInstitution(i.Id, i.Acronym, i.NameFr, i.NameAr)).ToListAsync(ct))
            .ToDictionary(i => i.Id);
        var present = await db.Set<SessionAttendance>().AsNoTracking()
            .Where(a => a.SessionId == session.Id && a.Convocation == session.Convocation)
            .Select(a => a.InstitutionId).ToListAsync(ct);
        var proxies = await db.Set<SessionProxy>().AsNoTracking()
            .Where(p => p.SessionId == session.Id && p.Status == ProxyStatus.Validated)
            .Select(p => new { p.GrantorInstitutionId, p.HolderInstitutionId }).ToListAsync(ct);
        var movements = await db.Set<AttendanceMovement>().AsNoTracking()
            .Where(m => m.SessionId == session.Id && m.Convocation == session.Convocation)
            .Select(m => new { m.InstitutionId, m.Move, m.At }).ToListAsync(ct);
        var departures = movements.Where(m => !present.Contains(m.InstitutionId)).GroupBy(m => m.InstitutionId)
            .Where(g => g.Any(m => m.Move == AttendanceMove.Arrived) && g.Any(m => m.Move == AttendanceMove.Left))
            .Select(g => new MinutesDeparture(institutions[g.Key], g.Where(m => m.Move == AttendanceMove.Arrived).Min(m => m.At), g.Where(m => m.Move == AttendanceMove.Left).Max(m => m.At)))
            .OrderBy(d => d.Institution.Acronym, StringComparer.Ordinal).ToList();
        var votes = (await db.Set<Vote>().AsNoTracking().Where(v => v.SessionId == session.Id && v.State == VoteState.Closed).ToListAsync(ct))
            .OrderBy(v => v.OpenedAt).ThenBy(v => v.Id).ToList();
        var voteIds = votes.Select(v => v.Id).ToList();
        var choices = await db.Set<OpenVoteChoice>().AsNoTracking().Where(c => voteIds.Contains(c.VoteId)).ToListAsync(ct);
        return new MinutesData(
            session,
            agenda,
            [.. present.Select(id => institutions[id]).OrderBy(i => i.Acronym, StringComparer.Ordinal)],
            [.. proxies.Select(p => new MinutesProxy(institutions[p.GrantorInstitutionId], institutions[p.HolderInstitutionId])).OrderBy(p => p.Grantor.Acronym, StringComparer.Ordinal)],
            await AttendanceService.QuorumAsync(db, session, ct),
            [.. votes.Select(v => new MinutesVote(v, [.. choices.Where(c => c.VoteId == v.Id)
                .Select(c => (institutions[c.InstitutionId], c.Choice))
                .OrderBy(n => n.Item1.Acronym, StringComparer.Ordinal)]))],
            await DecisionService.OfSessionAsync(db, session.Id, ct),
            db,
            departures);
    }
}
