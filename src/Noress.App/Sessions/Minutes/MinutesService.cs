using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Notifications;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Pdf;
using Noress.App.Shared.Time;

namespace Noress.App.Sessions.Minutes;

/// <summary>What the minutes panel shows.</summary>
/// <param name="Minutes">The minutes row.</param>
/// <param name="Session">The session they record.</param>
/// <param name="ApprovalSessionId">The later session whose agenda holds their approval, once scheduled.</param>
/// <param name="ApprovalSessionTitle">Its title.</param>
/// <param name="LaterSessions">Sessions whose agenda can still take the approval (for the secretariat).</param>
/// <param name="DraftPdfs">The PDFs of the draft printed on request (culture, hash, document version).</param>
public sealed record MinutesView(SessionMinutes Minutes, Session Session, Guid? ApprovalSessionId, string? ApprovalSessionTitle, IReadOnlyList<Session> LaterSessions, IReadOnlyList<DraftPdf>? DraftPdfs = null);

/// <summary>A stored PDF of the draft, as the panel lists it.</summary>
/// <param name="Culture">"fr" or "ar".</param>
/// <param name="Sha256">Its hash.</param>
/// <param name="DocumentVersion">The document version it prints.</param>
public sealed record DraftPdf(string Culture, string Sha256, int DocumentVersion);

/// <summary>What the PDF endpoint serves: the stored file, or word that it is being prepared.</summary>
/// <param name="Pdf">The stored PDF, when there is one.</param>
/// <param name="Preparing">The minutes are approved and the background job has not stored their PDFs yet.</param>
public sealed record MinutesPdfResult(MinutesPdf? Pdf, bool Preparing);

/// <summary>
/// The minutes' life: drafted at the session's close, circulated for remarks until a deadline, put on a later
/// session's agenda, approved by its vote, then frozen (labelled version, read-only documents) with PDFs in
/// French and Arabic whose SHA-256 are audited (ADR 0025).
/// </summary>
public sealed partial class MinutesService(
    IDbContextFactory<NoressDbContext> dbFactory,
    SessionsAccess access,
    SessionLive live,
    MinutesGenerator generator,
    DocumentAuthority authority,
    PdfRenderer pdf,
    IBackgroundJobClient jobs,
    NotificationService notifications,
    IStringLocalizer<MinutesText> text,
    Refusals<MinutesText> refuse,
    ILogger<MinutesService> logger) : IVerdictListener
{
    public const string ApprovedLabel = "PV approuvé";

    /// <summary>Writes the draft in both languages into two documents of the session's space, in the closing transaction.</summary>
    public async Task DraftAsync(NoressDbContext db, Session session, Guid? closedById, CancellationToken ct)
    {
        if (await db.Set<SessionMinutes>().AnyAsync(m => m.SessionId == session.Id, ct))
        {
            return;
        }

        var data = await MinutesGenerator.ReadAsync(db, session, ct);
        var now = access.UtcNow;
        var minutes = new SessionMinutes { SessionId = session.Id, GeneratedAt = now };
        foreach (var culture in MinutesCultures.All)
        {
            var markdown = await generator.WriteAsync(data, culture, ct);
            var writer = new MinutesWriter(culture, text);
            var document = DocumentRecords.Add(db, DocumentSpaceKind.Session, session.Id, writer["Document.Title", MinutesWriter.Inline(session.Title)], markdown, closedById ?? Guid.Empty, now);
            (culture == MinutesCultures.Arabic ? (Action<Guid>)(id => minutes.ArabicDocumentId = id) : id => minutes.FrenchDocumentId = id)(document.Id);
        }

        db.Add(minutes);
    }

    public async Task<MinutesView?> GetAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().AsNoTracking().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is null)
        {
            return null;
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var approval = minutes.ApprovalAgendaItemId is { } itemId
            ? await (from a in db.Set<AgendaItem>().AsNoTracking()
                     join s in db.Set<Session>().AsNoTracking() on a.SessionId equals s.Id
                     where a.Id == itemId
                     select new { s.Id, s.Title }).SingleOrDefaultAsync(ct)
            : null;
        var later = minutes.State == MinutesState.Circulated && approval is null && await access.IsSecretariatAsync(user)
            ? await LaterSessionsAsync(db, session, ct)
            : [];
        var drafts = minutes.State is MinutesState.Draft or MinutesState.Circulated
            ? await db.Set<MinutesPdf>().AsNoTracking().Where(p => p.MinutesId == minutes.Id && p.IsDraft)
                .Select(p => new DraftPdf(p.Culture, p.Sha256, p.DocumentVersion)).ToListAsync(ct)
            : [];
        return new MinutesView(minutes, session, approval?.Id, approval?.Title, later, [.. drafts.OrderBy(d => d.Culture == MinutesCultures.Arabic)]);
    }

    /// <summary>The secretariat asks for PDFs of the draft as it reads now (both languages): a background job prints and stores them.</summary>
    public async Task<Outcome<Guid>> RequestDraftPdfsAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is null)
        {
            return refuse["Error.NotFound"];
        }

        if (minutes.State is not (MinutesState.Draft or MinutesState.Circulated))
        {
            return refuse["Error.DraftPdf"];
        }

        minutes.DraftPdfRequestedAt = access.UtcNow;
        if (await SaveAsync(db, ct) is { } refusal)
        {
            return refusal;
        }

        jobs.Enqueue<MinutesPdfJob>(job => job.RunDraftAsync(minutes.Id, CancellationToken.None));
        await live.ChangedAsync(sessionId, SessionEvents.Minutes);
        return Outcome<Guid>.Done(minutes.Id);
    }

    /// <summary>
    /// The job's work for a requested draft: prints each language's current version unless the stored draft PDF
    /// already has it, and clears the request in the same save. Does nothing when no request is pending.
    /// </summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or ran out of time (Hangfire retries).</exception>
    public async Task ProduceDraftPdfsAsync(Guid minutesId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.Id == minutesId, ct);
        if (minutes is not { DraftPdfRequestedAt: not null })
        {
            return;
        }

        if (minutes.State is MinutesState.Draft or MinutesState.Circulated)
        {
            var now = access.UtcNow;
            var stored = await db.Set<MinutesPdf>().Where(p => p.MinutesId == minutes.Id && p.IsDraft).ToListAsync(ct);
            var sessionTitle = await db.Set<Session>().Where(x => x.Id == minutes.SessionId).Select(x => x.Title).SingleAsync(ct);
            foreach (var culture in MinutesCultures.All)
            {
                var documentId = minutes.DocumentId(culture);
                var head = await authority.GetHeadAsync(documentId, ct) ?? throw new InvalidOperationException($"Document {documentId} has no text.");
                var existing = stored.SingleOrDefault(p => p.Culture == culture);
                if (existing?.DocumentVersion == head.Version)
                {
                    continue;
                }

                var writer = new MinutesWriter(culture, text);
                // The title the draft was created with (ADR 0001: Documents' own tables are not read from here).
                var title = writer["Document.Title", MinutesWriter.Inline(sessionTitle)];
                var bytes = await pdf.RenderMarkdownAsync(title, writer["Pdf.DraftSubtitle", writer.Date(now), writer.Number(head.Version)], head.Text, CultureInfo.GetCultureInfo(NoressCultures.Normalize(culture)), ct);
                if (existing is null)
                {
                    db.Add(new MinutesPdf { MinutesId = minutes.Id, Culture = culture, IsDraft = true, Content = bytes, Sha256 = Sha256(bytes), DocumentVersion = head.Version, CreatedAt = now });
                }
                else
                {
                    (existing.Content, existing.Sha256, existing.DocumentVersion, existing.CreatedAt) = (bytes, Sha256(bytes), head.Version, now);
                }
            }
        }

        minutes.DraftPdfRequestedAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run stored them first (the minutes' version, the unique draft PDF per language): theirs stands.
            return;
        }

        await live.ChangedAsync(minutes.SessionId, SessionEvents.Minutes);
    }

    /// <summary>The latest PDF of the draft in one language, or that it is being prepared.</summary>
    public async Task<MinutesPdfResult> DraftPdfAsync(ClaimsPrincipal user, Guid sessionId, string culture, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().AsNoTracking().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is not { State: MinutesState.Draft or MinutesState.Circulated })
        {
            return new MinutesPdfResult(null, Preparing: false);
        }

        var stored = await db.Set<MinutesPdf>().AsNoTracking().SingleOrDefaultAsync(p => p.MinutesId == minutes.Id && p.IsDraft && p.Culture == culture, ct);
        return new MinutesPdfResult(stored, Preparing: stored is null && minutes.DraftPdfRequestedAt is not null);
    }

    /// <summary>Sends the draft to the body's members for remarks (comments and suggestions) until the end of <paramref name="until"/>.</summary>
    public async Task<Outcome<Guid>> CirculateAsync(ClaimsPrincipal user, Guid sessionId, DateOnly until, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (until <= access.Today || until > access.Today.AddDays(180))
        {
            return refuse["Error.Deadline"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is null)
        {
            return refuse["Error.NotFound"];
        }

        if (minutes.State is not (MinutesState.Draft or MinutesState.Circulated) || minutes.ApprovalAgendaItemId is not null)
        {
            return refuse["Error.NotDraft"];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var first = minutes.State == MinutesState.Draft;
        minutes.State = MinutesState.Circulated;
        minutes.CirculatedAt ??= access.UtcNow;
        // The end of the chosen day in Casablanca: remarks are welcome all that day.
        minutes.RemarksUntil = NoressClock.ToUtc(until.ToDateTime(new TimeOnly(23, 59)));
        var recipients = new List<Guid>();
        if (first)
        {
            var institutions = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
            foreach (var documentId in new[] { minutes.FrenchDocumentId, minutes.ArabicDocumentId })
            {
                // The body's members remark with comments and suggestions; the secretariat alone edits (the space's default).
                foreach (var institution in institutions.Order())
                {
                    DocumentRecords.Grant(db, documentId, DocumentPrincipalKind.Institution, institution.ToString(), DocumentRight.Suggest);
                }
            }

            var people = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.InstitutionId != null && institutions.Contains(u.InstitutionId.Value))
                .Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
            foreach (var person in people)
            {
                var (title, body) = NotificationMails.InCulture(person.PreferredCulture, () =>
                    (text["Notify.Title", PeopleText.Plain(session.Title) ?? string.Empty].Value, text["Notify.Body", NoressFormat.Date(until)].Value));
                await notifications.AddAsync(db, person.Id, NotificationCategories.Sessions, title, body, Link(sessionId), ct);
                recipients.Add(person.Id);
            }
        }

        if (await SaveAsync(db, ct) is { } refusal)
        {
            return refusal;
        }

        foreach (var recipient in recipients)
        {
            await notifications.PublishChangedAsync(recipient, ct);
        }

        await live.ChangedAsync(sessionId, SessionEvents.Minutes);
        return Outcome<Guid>.Done(minutes.Id);
    }

    /// <summary>After the remarks' deadline: puts the minutes' approval on the agenda of a later session (draft or convened).</summary>
    public async Task<Outcome<Guid>> ScheduleApprovalAsync(ClaimsPrincipal user, Guid sessionId, Guid laterSessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is null)
        {
            return refuse["Error.NotFound"];
        }

        if (minutes.State != MinutesState.Circulated || minutes.ApprovalAgendaItemId is not null)
        {
            return refuse["Error.NotCirculated"];
        }

        if (access.UtcNow < minutes.RemarksUntil)
        {
            return refuse["Error.RemarksOpen"];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var later = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == laterSessionId, ct);
        if (later is null || !IsLater(session, later))
        {
            return refuse["Error.LaterSession"];
        }

        var position = await db.Set<AgendaItem>().CountAsync(a => a.SessionId == laterSessionId, ct);
        if (position >= SessionService.MaxAgendaItems)
        {
            return refuse["Error.AgendaFull"];
        }

        var item = new AgendaItem
        {
            SessionId = laterSessionId,
            Kind = AgendaItemKind.MinutesApproval,
            Title = NotificationMails.InCulture(MinutesCultures.French, () => text["Agenda.Title", PeopleText.Plain(session.Title) ?? string.Empty, NoressFormat.Date(session.StartsAt)].Value),
            EstimatedMinutes = 10,
            Position = position,
        };
        db.Add(item);
        minutes.ApprovalAgendaItemId = item.Id;
        // Touching the later session makes a concurrent agenda change conflict rather than share a position.
        db.Entry(later).State = EntityState.Modified;
        if (await SaveAsync(db, ct) is { } refusal)
        {
            return refusal;
        }

        await live.ChangedAsync(laterSessionId, SessionEvents.Agenda);
        await live.ChangedAsync(sessionId, SessionEvents.Minutes);
        return Outcome<Guid>.Done(item.Id);
    }

    /// <summary>In the approval vote's transaction: an adopted verdict freezes the documents; an override back to rejected (before the PDFs) reopens them.</summary>
    public async Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct)
    {
        if (vote.AgendaItemId is not { } itemId)
        {
            return;
        }

        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.ApprovalAgendaItemId == itemId, ct);
        if (minutes is null)
        {
            return;
        }

        var adopted = vote.Verdict == Verdict.Adopted;
        if (adopted && minutes.State == MinutesState.Circulated)
        {
            minutes.State = MinutesState.Adopted;
            minutes.ApprovalVoteId = vote.Id;
            minutes.ApprovedAt = vote.ClosedAt ?? access.UtcNow;
            await FreezeAsync(db, minutes, access.UtcNow, ct);
        }
        else if (!adopted && minutes.State == MinutesState.Adopted)
        {
            minutes.State = MinutesState.Circulated;
            (minutes.ApprovalVoteId, minutes.ApprovedAt) = (null, null);
            await FreezeAsync(db, minutes, null, ct);
        }
    }

    public async Task AfterVerdictAsync(Vote vote, CancellationToken ct)
    {
        if (vote.AgendaItemId is not { } itemId || vote.Verdict != Verdict.Adopted)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().AsNoTracking().SingleOrDefaultAsync(m => m.ApprovalAgendaItemId == itemId, ct);
        if (minutes is { State: MinutesState.Adopted })
        {
            // Printing takes seconds per language: a background job does it, never the request that closed the vote (ADR 0030).
            EnqueuePdfs(minutes.Id);
        }
    }

    /// <summary>The secretariat's "produce the PDFs again" after a failure (Chromium missing or failing): queues the job once more.</summary>
    public async Task<Outcome<Guid>> ProducePdfsAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.SessionId == sessionId, ct);
        if (minutes is not { State: MinutesState.Adopted })
        {
            return refuse["Error.NotAdopted"];
        }

        if (minutes.PdfFailedAt is not null)
        {
            minutes.PdfFailedAt = null;
            if (await SaveAsync(db, ct) is { } refusal)
            {
                return refusal;
            }
        }

        EnqueuePdfs(minutes.Id);
        await live.ChangedAsync(sessionId, SessionEvents.Minutes);
        return Outcome<Guid>.Done(minutes.Id);
    }

    /// <summary>
    /// The background job's work (<see cref="MinutesPdfJob"/>): prints and stores both PDFs of adopted minutes.
    /// Idempotent: minutes already approved are left as they are. A failure is noted on the minutes for the
    /// secretariat and thrown again so that Hangfire retries.
    /// </summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or ran out of time.</exception>
    public async Task ProduceStoredPdfsAsync(Guid minutesId, CancellationToken ct)
    {
        try
        {
            await FinishAsync(minutesId, ct);
        }
        catch (PdfUnavailableException e)
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.Id == minutesId, CancellationToken.None);
            LogPdfUnavailable(minutes?.SessionId ?? Guid.Empty, e.Message);
            if (minutes is { State: MinutesState.Adopted, PdfFailedAt: null })
            {
                minutes.PdfFailedAt = access.UtcNow;
                if (await SaveAsync(db, CancellationToken.None) is null)
                {
                    await live.ChangedAsync(minutes.SessionId, SessionEvents.Minutes);
                }
            }

            throw;
        }
    }

    /// <summary>
    /// The recurring sweep: minutes adopted whose PDFs are still missing (a job lost with the in-memory job storage
    /// on a restart, or out of retries) are printed now. The durable intent is the minutes' Adopted state (ADR 0003).
    /// </summary>
    public async Task<int> ProducePendingPdfsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<SessionMinutes>().AsNoTracking().Where(m => m.State == MinutesState.Adopted || m.DraftPdfRequestedAt != null).Select(m => new { m.Id, m.State }).ToListAsync(ct);
        var done = 0;
        foreach (var minutes in pending)
        {
            try
            {
                await (minutes.State == MinutesState.Adopted ? ProduceStoredPdfsAsync(minutes.Id, ct) : ProduceDraftPdfsAsync(minutes.Id, ct));
                done++;
            }
            catch (PdfUnavailableException)
            {
                // Noted on the minutes and logged; the next sweep tries again.
            }
        }

        return done;
    }

    /// <summary>An approved minutes' PDF as stored, with its hash; or that it is being prepared; null Pdf when there is none.</summary>
    public async Task<MinutesPdfResult> PdfAsync(ClaimsPrincipal user, Guid sessionId, string culture, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.Set<SessionMinutes>().AsNoTracking().Where(m => m.SessionId == sessionId).Select(m => (MinutesState?)m.State).SingleOrDefaultAsync(ct);
        if (state == MinutesState.Adopted)
        {
            return new MinutesPdfResult(null, Preparing: true);
        }

        var pdf = await (from p in db.Set<MinutesPdf>().AsNoTracking()
                         join m in db.Set<SessionMinutes>() on p.MinutesId equals m.Id
                         where m.SessionId == sessionId && p.Culture == culture && !p.IsDraft && m.State == MinutesState.Approved
                         select p).SingleOrDefaultAsync(ct);
        return new MinutesPdfResult(pdf, Preparing: false);
    }

    public static string Link(Guid sessionId) => $"/sessions/{sessionId}/minutes";

    public static string PdfLink(Guid sessionId, string culture) => $"/sessions/{sessionId}/minutes/{culture}.pdf";

    public static string DraftPdfLink(Guid sessionId, string culture) => $"/sessions/{sessionId}/minutes/draft/{culture}.pdf";

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Labels both documents' current versions "PV approuvé", prints each in its language and direction, keeps the
    /// PDFs and writes their hashes on the audited minutes row; the session moves to MinutesApproved. Does nothing
    /// unless the minutes are Adopted (a second run finds them Approved). Throws when the PDFs cannot be made now
    /// (the minutes stay Adopted, frozen, for a retry).
    /// </summary>
    private async Task FinishAsync(Guid minutesId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.Set<SessionMinutes>().SingleOrDefaultAsync(m => m.Id == minutesId, ct);
        if (minutes is not { State: MinutesState.Adopted })
        {
            return;
        }

        var session = await db.Set<Session>().SingleAsync(s => s.Id == minutes.SessionId, ct);
        var now = access.UtcNow;
        var pdfs = new Dictionary<string, byte[]>();
        var labels = new Dictionary<string, DocumentLabel>();
        var approverId = minutes.ApprovalVoteId is { } voteId ? await db.Set<Vote>().Where(v => v.Id == voteId).Select(v => v.ClosedById).SingleAsync(ct) ?? Guid.Empty : Guid.Empty;
        foreach (var culture in MinutesCultures.All)
        {
            var documentId = minutes.DocumentId(culture);
            var (label, title, markdown) = await DocumentRecords.LabelHeadAsync(db, authority, documentId, ApprovedLabel, approverId, now, ct);
            var writer = new MinutesWriter(culture, text);
            var subtitle = writer["Pdf.Subtitle", writer.Date(minutes.ApprovedAt ?? now), writer.Number(label.DocumentVersion)];
            pdfs[culture] = await pdf.RenderMarkdownAsync(title, subtitle, markdown, CultureInfo.GetCultureInfo(NoressCultures.Normalize(culture)), ct);
            labels[culture] = label;
        }

        foreach (var (culture, bytes) in pdfs)
        {
            db.Add(new MinutesPdf { MinutesId = minutes.Id, Culture = culture, Content = bytes, Sha256 = Sha256(bytes), DocumentVersion = labels[culture].DocumentVersion, CreatedAt = now });
        }

        minutes.FrenchLabelId = labels[MinutesCultures.French].Id;
        minutes.ArabicLabelId = labels[MinutesCultures.Arabic].Id;
        minutes.FrenchPdfSha256 = Sha256(pdfs[MinutesCultures.French]);
        minutes.ArabicPdfSha256 = Sha256(pdfs[MinutesCultures.Arabic]);
        minutes.State = MinutesState.Approved;
        minutes.PdfFailedAt = null;
        if (SessionLifecycle.Find(session.State, SessionAction.ApproveMinutes) is { } step)
        {
            session.State = step.To;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run finished the same minutes first (the unique (minutes, culture) PDF row, the minutes' version): theirs stands.
            return;
        }

        LogApproved(minutes.SessionId, minutes.FrenchPdfSha256, minutes.ArabicPdfSha256);
        await live.ChangedAsync(session.Id, SessionEvents.Minutes);
        await live.ChangedAsync(session.Id, SessionEvents.State);
    }

    private void EnqueuePdfs(Guid minutesId) =>
        jobs.Enqueue<MinutesPdfJob>(job => job.RunAsync(minutesId, CancellationToken.None));

    private static Task FreezeAsync(NoressDbContext db, SessionMinutes minutes, DateTime? frozenAt, CancellationToken ct) =>
        DocumentRecords.FreezeAsync(db, [minutes.FrenchDocumentId, minutes.ArabicDocumentId], frozenAt, ct);

    private static bool IsLater(Session minutesSession, Session later) =>
        later.Id != minutesSession.Id
        && later.State is SessionState.Draft or SessionState.Convened
        && later.StartsAt > minutesSession.StartsAt
        && later.Body == minutesSession.Body && later.CommitteeId == minutesSession.CommitteeId;

    private static async Task<IReadOnlyList<Session>> LaterSessionsAsync(NoressDbContext db, Session session, CancellationToken ct)
    {
        var candidates = await db.Set<Session>().AsNoTracking()
            .Where(s => s.Id != session.Id && (s.State == SessionState.Draft || s.State == SessionState.Convened) && s.StartsAt > session.StartsAt)
            .ToListAsync(ct);
        return [.. candidates.Where(s => IsLater(session, s)).OrderBy(s => s.StartsAt)];
    }

    private async Task<Refusal?> SaveAsync(NoressDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minutes of session {SessionId} approved but their PDFs wait: {Reason}")]
    private partial void LogPdfUnavailable(Guid sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes of session {SessionId} approved; PDF SHA-256 fr {French}, ar {Arabic}")]
    private partial void LogApproved(Guid sessionId, string? french, string? arabic);
}
