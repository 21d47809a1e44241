using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Sessions.Attendance;

/// <summary>A file a person picked for upload: its name as sent, its declared size, and how to read it (at most the limit).</summary>
public sealed record UploadedFile(string FileName, long Size, Func<long, Stream> OpenRead);

/// <summary>A signed mandate's scan as the download endpoint serves it.</summary>
public sealed record MandateDownload(Stream Content, string ContentType, string FileName);

/// <summary>
/// The signed mandate behind a proxy: a scan (PDF, JPEG or PNG) checked like every upload (sanitised name, size limit,
/// the bytes decide the type, the virus scanner) and stored outside wwwroot under a generated name. Only the
/// secretariat and people of the two institutions involved may download it.
/// </summary>
public sealed partial class ProxyMandateService(
    IDbContextFactory<NoressDbContext> dbFactory,
    SessionsAccess access,
    AttendanceService attendance,
    UploadStorage storage,
    UploadScanner scanner,
    SessionLive live,
    ILogger<ProxyMandateService> logger,
    Refusals<SessionsText> refuse)
{
    public const string Kind = "proxy-mandates";

    /// <summary>The largest accepted scan: the same limit as the signed memorandum's.</summary>
    public long MaxBytes => storage.Options.MaxScanBytes;

    /// <summary>The limit as people read it, in whole megabytes (rounded up).</summary>
    public long MaxMegabytes => (MaxBytes + (1024 * 1024) - 1) / (1024 * 1024);

    /// <summary>Where a proxy's scan downloads from (<see cref="ProxyMandateEndpoints"/>).</summary>
    public static string DownloadPath(Guid proxyId) => $"/sessions/proxies/{proxyId}/mandate";

    /// <summary>
    /// <see cref="AttendanceService.GrantProxyAsync(ClaimsPrincipal, Guid, Guid, Guid, string?, CancellationToken)"/> with the signed mandate attached: the file is checked and stored
    /// first, and removed again when the proxy is refused, so a refusal leaves neither a proxy nor a file.
    /// </summary>
    public async Task<Outcome<Guid>> GrantAsync(ClaimsPrincipal user, Guid sessionId, Guid grantorId, Guid holderId, string? note, UploadedFile? mandate, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        if (mandate is null)
        {
            return await attendance.GrantProxyAsync(user, sessionId, grantorId, holderId, note, null, ct);
        }

        var stored = await StoreAsync(mandate, ct);
        if (stored.Value is not { } file)
        {
            return stored.Refusal!;
        }

        Outcome<Guid> outcome;
        try
        {
            outcome = await attendance.GrantProxyAsync(user, sessionId, grantorId, holderId, note, file, ct);
        }
        catch
        {
            storage.Delete(Kind, file.StoredName);
            throw;
        }

        if (!outcome.Succeeded)
        {
            storage.Delete(Kind, file.StoredName);
        }

        return outcome;
    }

    /// <summary>
    /// Attaches (or replaces) the signed mandate of an existing proxy: the secretariat while the session runs, the giving
    /// institution's representative while the proxy waits for validation.
    /// </summary>
    public async Task<Outcome<Guid>> AttachAsync(ClaimsPrincipal user, Guid proxyId, UploadedFile mandate, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proxy = await db.Set<SessionProxy>().SingleOrDefaultAsync(p => p.Id == proxyId, ct);
        if (proxy is null)
        {
            return refuse["Error.NotFound"];
        }

        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == proxy.SessionId, ct);
        if (session.State is not (SessionState.Draft or SessionState.Convened or SessionState.Open))
        {
            return refuse["Error.SessionNotRunning"];
        }

        if (!await access.IsSecretariatAsync(user))
        {
            if (!await RepresentsAsync(db, session, proxy.GrantorInstitutionId, user, ct))
            {
                return refuse["Error.NotRepresentative"];
            }

            if (proxy.Status != ProxyStatus.Pending)
            {
                return refuse["Error.ProxyReviewed"];
            }
        }

        var stored = await StoreAsync(mandate, ct);
        if (stored.Value is not { } file)
        {
            return stored.Refusal!;
        }

        var previous = proxy.MandateFile;
        (proxy.MandateFile, proxy.MandateFileName, proxy.MandateContentType) = (file.StoredName, file.FileName, file.ContentType);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            storage.Delete(Kind, file.StoredName);
            throw;
        }

        storage.Delete(Kind, previous);
        LogStored(logger, proxy.Id, file.Length);
        await live.ChangedAsync(proxy.SessionId, SessionEvents.Attendance);
        return Outcome<Guid>.Done(proxy.Id);
    }

    /// <summary>The scan for the secretariat or a person of the giving or holding institution; null when absent or not allowed (they look the same).</summary>
    public async Task<MandateDownload?> OpenAsync(ClaimsPrincipal user, Guid proxyId, CancellationToken ct)
    {
        if (!await access.IsMemberAsync(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proxy = await db.Set<SessionProxy>().AsNoTracking().Where(p => p.Id == proxyId)
            .Select(p => new { p.GrantorInstitutionId, p.HolderInstitutionId, p.MandateFile, p.MandateFileName, p.MandateContentType }).SingleOrDefaultAsync(ct);
        if (proxy is not { MandateFile: { } stored, MandateContentType: { } type })
        {
            return null;
        }

        if (!await access.IsSecretariatAsync(user))
        {
            var userId = SessionsAccess.UserId(user);
            var institutionId = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => (Guid?)u.InstitutionId).SingleOrDefaultAsync(ct);
            if (institutionId is null || (institutionId != proxy.GrantorInstitutionId && institutionId != proxy.HolderInstitutionId))
            {
                return null;
            }
        }

        return storage.OpenRead(Kind, stored) is { } stream ? new MandateDownload(stream, type, proxy.MandateFileName ?? "mandat" + Path.GetExtension(stored)) : null;
    }

    /// <summary>Every check before anything is stored; then the bytes under a generated name.</summary>
    private async Task<Outcome<StoredMandate>> StoreAsync(UploadedFile upload, CancellationToken ct)
    {
        if (UploadChecks.SanitizeFileName(upload.FileName) is not { } safeName)
        {
            return refuse["Error.MandateFileName"];
        }

        var content = await UploadReader.ReadAsync(upload.Size, MaxBytes, upload.OpenRead, ct);
        if (content is null)
        {
            return refuse.Format("Error.MandateTooLarge", NoressFormat.Number(MaxMegabytes));
        }

        var kind = UploadChecks.IsPdf(content) ? ("application/pdf", ".pdf") : UploadChecks.ImageKind(content);
        if (kind is not (string contentType, string extension))
        {
            return refuse["Error.MandateType"];
        }

        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is not { } scanned)
        {
            return refuse[scan.Status == UploadScanStatus.Infected ? "Error.Infected" : "Error.ScannerUnavailable"];
        }

        // The display name keeps what was uploaded but ends with what the bytes are.
        var fileName = Path.GetExtension(safeName).Equals(extension, StringComparison.OrdinalIgnoreCase)
            || (extension == ".jpg" && Path.GetExtension(safeName).Equals(".jpeg", StringComparison.OrdinalIgnoreCase))
            ? safeName
            : Path.GetFileNameWithoutExtension(safeName) + extension;
        var stored = await storage.SaveAsync(Kind, extension, scanned, ct);
        return Outcome<StoredMandate>.Done(new StoredMandate(stored, fileName, contentType, content.LongLength));
    }

    private static async Task<bool> RepresentsAsync(NoressDbContext db, Session session, Guid institutionId, ClaimsPrincipal user, CancellationToken ct)
    {
        var representation = (await SessionBodies.RepresentativesAsync(db, [institutionId], AttendanceService.SessionDate(session), ct))[institutionId];
        return SessionsAccess.UserId(user) is { } id && (representation.TitularId == id || representation.AlternateId == id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed mandate stored for proxy {ProxyId} ({Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, Guid proxyId, long bytes);
}

/// <summary>A mandate scan that passed every check and sits in storage, not yet referenced by a proxy.</summary>
public sealed record StoredMandate(string StoredName, string FileName, string ContentType, long Length);
