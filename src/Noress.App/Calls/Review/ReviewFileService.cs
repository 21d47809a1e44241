using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Shared.Uploads;

namespace Noress.App.Calls.Review;

/// <summary>A file of an entry as a reviewer may download it.</summary>
/// <param name="FileId">The file.</param>
/// <param name="Name">The name it downloads under (neutral in a blind call).</param>
/// <param name="ContentType">Its type.</param>
/// <param name="Size">Its stored size in bytes.</param>
public sealed record ReviewFile(Guid FileId, string Name, string ContentType, long Size);

/// <summary>
/// An entry's files for the jury (issue 12 §8-§9): only through <see cref="ReviewAccess"/> (a conflicted juror gets
/// nothing, the same answer as for a file that does not exist), and in a blind call under neutral names
/// ("application-7-field3-1.pdf") with their metadata stripped by <see cref="FileMetadata"/>; a file whose metadata
/// cannot be cleaned is refused rather than served.
/// </summary>
public sealed class ReviewFileService(IDbContextFactory<NoressDbContext> dbFactory, ReviewAccess access, UploadStorage storage)
{
    /// <summary>The storage folder of application files (the calls feature's uploads).</summary>
    public const string FileKind = "call-files";

    /// <summary>The entry's files the caller may download; empty when they may not see the entry.</summary>
    public async Task<IReadOnlyList<ReviewFile>> ListAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (picture, caller) = await EntryAsync(db, user, applicationId, ct);
        if (picture is null || caller is null)
        {
            return [];
        }

        var files = await FilesAsync(db, applicationId, ct);
        return [.. files.Select(f => new ReviewFile(f.File.Id, NameFor(caller, picture, f.Number, f.Position, f.Rank, f.File), f.File.ContentType, f.File.Size))];
    }

    /// <summary>The file's bytes as the caller may have them; null when they may not (or it cannot be cleaned for a blind call).</summary>
    public async Task<(byte[] Content, string Name, string ContentType)?> OpenAsync(ClaimsPrincipal user, Guid fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applicationId = await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.Id == fileId).Select(f => (Guid?)f.ApplicationId).SingleOrDefaultAsync(ct);
        if (applicationId is null)
        {
            return null;
        }

        var (picture, caller) = await EntryAsync(db, user, applicationId.Value, ct);
        if (picture is null || caller is null)
        {
            return null;
        }

        var file = (await FilesAsync(db, applicationId.Value, ct)).Single(f => f.File.Id == fileId);
        await using var stream = storage.OpenRead(FileKind, file.File.StoredName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (!ReviewAccess.SeesIdentity(caller, picture))
        {
            if (FileMetadata.Strip(content, file.File.ContentType) is not { } cleaned)
            {
                return null;
            }

            content = cleaned;
        }

        return (content, NameFor(caller, picture, file.Number, file.Position, file.Rank, file.File), file.File.ContentType);
    }

    private static string NameFor(ReviewCaller caller, JuryPicture picture, int number, int position, int rank, ApplicationFile file) =>
        ReviewAccess.SeesIdentity(caller, picture) ? file.FileName : ReviewNames.FileName(number, position, rank, ReviewNames.Extension(file.StoredName));

    private static async Task<List<(ApplicationFile File, int Number, int Position, int Rank)>> FilesAsync(NoressDbContext db, Guid applicationId, CancellationToken ct)
    {
        var number = await db.Set<CallApplication>().AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.Number).SingleAsync(ct);
        var files = await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == applicationId).ToListAsync(ct);
        var fieldIds = files.Select(f => f.FieldId).Distinct().ToList();
        var positions = await db.Set<CallFormField>().AsNoTracking().Where(f => fieldIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Position, ct);
        return [.. files.GroupBy(f => f.FieldId).OrderBy(g => positions.GetValueOrDefault(g.Key))
            .SelectMany(g => g.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).Select((f, i) => (f, number, positions.GetValueOrDefault(g.Key), i)))];
    }

    private async Task<(JuryPicture? Picture, ReviewCaller? Caller)> EntryAsync(NoressDbContext db, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var callId = await ReviewAccess.CallOfAsync(db, applicationId, ct);
        if (callId is null || await access.CallerAsync(user, callId.Value, ct) is not { } caller)
        {
            return (null, null);
        }

        var picture = await access.PictureAsync(db, callId.Value, ct);
        return picture is not null && ReviewAccess.CanSeeEntry(caller, picture, applicationId) ? (picture, caller) : (null, null);
    }
}
