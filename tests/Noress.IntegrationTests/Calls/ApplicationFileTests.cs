using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// Issue 12 "Bad input" and §8-§9 on the upload path of application files: a file that is not what it claims and a
/// virus are refused with a localized message and nothing stored; a good file is served to the applicant's side and the
/// secretariat, to nobody else, and to the blind jury without the applicant's name. The receipt's PDF is read back.
/// </summary>
public sealed class ApplicationFileTests
{
    private static readonly byte[] NotAPdf = Encoding.ASCII.GetBytes("MZ\u0090\0 this is a program, not the budget it claims to be");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AddFileAsync_NotWhatItClaims_RefusedLocalizedAndNothingStored(DatabaseProvider provider)
    {
        await using var calls = await StartAsync(provider);
        var field = await FilesFieldAsync(calls);
        var id = await calls.CompleteDraftAsync();
        var version = (await calls.ApplicationAsync(id)).Version;

        var french = await AddAsync(calls, id, field, "budget.pdf", NotAPdf);
        var arabic = await InCultureAsync("ar", () => AddAsync(calls, id, field, "budget.pdf", NotAPdf));

        Assert.Equal("Error.FileType", french.Refusal?.Code);
        Assert.Contains("PDF", french.Error, StringComparison.Ordinal);
        Assert.Contains("pièce jointe", french.Error, StringComparison.Ordinal);
        Assert.Equal("Error.FileType", arabic.Refusal?.Code);
        Assert.Contains("المرفق", arabic.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync(calls, id);
        Assert.Equal(version, (await calls.ApplicationAsync(id)).Version);
    }

    [Fact]
    public async Task AddFileAsync_WithEicar_RefusedAndNothingStored()
    {
        // A real PDF header, so the type check passes and only the scanner (test.sh's clamd) can refuse it.
        var infected = Encoding.ASCII.GetBytes($"%PDF-1.7\n{TestClamAv.Eicar}\n%%EOF\n");
        await using var calls = await StartAsync(DatabaseProvider.Sqlite, TestClamAv.Address);
        var field = await FilesFieldAsync(calls);
        var id = await calls.CompleteDraftAsync();

        var refused = await AddAsync(calls, id, field, "budget.pdf", infected);
        var clean = await AddAsync(calls, id, field, "budget.pdf", ReviewPdfs.WithAuthor("Coopérative A"));

        Assert.Equal("Error.Infected", refused.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Error));
        Assert.NotEqual("Error.Infected", refused.Error);
        // The clean file went through the same scanner and is the only one kept.
        var kept = CallsTestHost.Ok(clean);
        await using var db = await calls.DbAsync();
        Assert.Equal(kept, Assert.Single(await db.Set<ApplicationFile>().Where(f => f.ApplicationId == id).Select(f => f.Id).ToListAsync()));
        Assert.Single(StoredFiles(calls));
    }

    [Fact]
    public async Task GoodFile_ServedToTheApplicantsSideAndTheSecretariat_404ForOthers_BlindForTheJury()
    {
        await using var calls = await StartAsync(DatabaseProvider.Sqlite);
        var field = await FilesFieldAsync(calls);
        var id = await calls.CompleteDraftAsync();
        var original = ReviewPdfs.WithAuthor("Coopérative A");
        var fileId = CallsTestHost.Ok(await AddAsync(calls, id, field, "budget-cooperative-a.pdf", original));
        CallsTestHost.Ok(await calls.ApplicationsAsync(async s => await s.SubmitAsync(calls.RepresentativeA, id, (await calls.ApplicationAsync(id)).Version, default)));

        // A blind jury of two: C's representative declares a conflict with the entry, D's declares none.
        var institutions = calls.Host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).ToList();
        var (conflicted, juror) = (calls.Host.Representatives[institutions[2]], calls.Host.Representatives[institutions[3]]);
        await using (var db = await calls.DbAsync())
        {
            var call = await db.Set<Call>().SingleAsync(c => c.Id == calls.CallId);
            call.IsBlind = true;
            db.Add(new CallJuror { CallId = calls.CallId, UserId = UserId(conflicted), AddedAt = DateTime.UtcNow });
            db.Add(new CallJuror { CallId = calls.CallId, UserId = UserId(juror), AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        foreach (var person in new[] { conflicted, juror })
        {
            CallsTestHost.Ok(await calls.Host.WithAsync<JuryService, Outcome<Guid>>(s => s.AssignAsync(calls.Secretariat, id, UserId(person), default)));
        }

        CallsTestHost.Ok(await calls.Host.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(conflicted, id, true, "Ancien salarié de la coopérative", default)));
        CallsTestHost.Ok(await calls.Host.WithAsync<JuryService, Outcome<Guid>>(s => s.DeclareAsync(juror, id, false, null, default)));

        using var applicant = await CallsHttp.SignInAsync(calls.Host, calls.ColleagueA);
        using var secretariat = await calls.Host.Factory.CreateSignedInClientAsync("secretariat@noress.demo");
        using var other = await CallsHttp.SignInAsync(calls.Host, calls.RepresentativeB);
        using var conflictedClient = await CallsHttp.SignInAsync(calls.Host, conflicted);
        using var jurorClient = await CallsHttp.SignInAsync(calls.Host, juror);
        var applicantPath = $"/applications/files/{fileId}";
        var juryPath = $"/calls/review/files/{fileId}";

        using var mine = await applicant.GetAsync(applicantPath);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(original, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal("budget-cooperative-a.pdf", mine.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var staff = await secretariat.GetAsync(applicantPath);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(original, await staff.Content.ReadAsByteArrayAsync());
        foreach (var (client, path) in new[] { (other, applicantPath), (other, juryPath), (conflictedClient, applicantPath), (conflictedClient, juryPath), (jurorClient, applicantPath) })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        using var blind = await jurorClient.GetAsync(juryPath);
        Assert.Equal(HttpStatusCode.OK, blind.StatusCode);
        var name = blind.Content.Headers.ContentDisposition?.FileNameStar ?? blind.Content.Headers.ContentDisposition?.FileName ?? string.Empty;
        Assert.StartsWith("application-1-", name.Trim('"'), StringComparison.Ordinal);
        Assert.DoesNotContain("cooperative", name, StringComparison.OrdinalIgnoreCase);
        var served = await blind.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("Coop", Encoding.Latin1.GetString(served), StringComparison.Ordinal);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(served);
        Assert.True(string.IsNullOrEmpty(pdf.Information.Author));
        Assert.True(string.IsNullOrEmpty(pdf.Information.Title));
        Assert.Equal(1, pdf.NumberOfPages);
    }

    [Fact]
    public async Task ReceiptPdf_ReadBack_HasTheHashTheAmountAndArabicForAnArabicApplicant()
    {
        await using var calls = await StartAsync(DatabaseProvider.Sqlite);
        var id = await calls.CompleteDraftAsync();
        var receipt = CallsTestHost.Ok(await calls.ApplicationsAsync(async s => await s.SubmitAsync(calls.RepresentativeA, id, (await calls.ApplicationAsync(id)).Version, default)));
        using var client = await CallsHttp.SignInAsync(calls.Host, calls.RepresentativeA, "ar");

        using var response = await client.GetAsync($"/applications/{id}/receipt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var lines = PdfText.Lines(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", lines.Select(l => l.Text));
        Assert.Contains(receipt.Hash, string.Concat(text.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        // 60,000 MAD requested, whatever the culture's separators: its digits stand together on one line.
        var amount = NoressFormat.Amount(6_000_000, CultureInfo.GetCultureInfo("ar"));
        var digits = string.Concat(amount.Where(char.IsAsciiDigit));
        Assert.Contains(lines, l => string.Concat(l.Text.Where(char.IsAsciiDigit)).Contains(digits, StringComparison.Ordinal));
        // The call's Arabic title (the Arabic reader's preferred one), in logical order.
        Assert.Contains("الاهتمام", text, StringComparison.Ordinal);
        Assert.False(PdfText.HasPresentationForms(text), PdfText.Describe(text));
    }

    /// <summary>The calls host with a storage folder of its own, so "nothing stored" sees only this test's files.</summary>
    private static Task<CallsTestHost> StartAsync(DatabaseProvider provider, string? clamAv = null) =>
        CallsTestHost.StartAsync(provider, f =>
        {
            f.With("Storage:Root", Path.Combine(Path.GetTempPath(), $"noress-call-files-{Guid.NewGuid():N}"));
            if (clamAv is not null)
            {
                f.With("Uploads:ClamAv", clamAv);
            }
        });

    private static Guid UserId(System.Security.Claims.ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

    /// <summary>Adds a files field to the host's call (written directly: the form builder is tested elsewhere).</summary>
    private static async Task<Guid> FilesFieldAsync(CallsTestHost calls)
    {
        var field = new CallFormField { CallId = calls.CallId, Position = 10, Kind = FormFieldKind.Files, LabelFr = "Pièces", LabelAr = "المرفقات", MaxItems = 3 };
        await using var db = await calls.DbAsync();
        db.Add(field);
        await db.SaveChangesAsync();
        return field.Id;
    }

    private static Task<Outcome<Guid>> AddAsync(CallsTestHost calls, Guid applicationId, Guid fieldId, string name, byte[] content) =>
        calls.ApplicationsAsync(s => s.AddFileAsync(calls.ColleagueA, applicationId, fieldId, name, content.Length, _ => new MemoryStream(content), default));

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private static string[] StoredFiles(CallsTestHost calls)
    {
        var folder = Path.Combine(calls.Host.Factory.Services.GetRequiredService<UploadStorage>().RootPath, ApplicationService.FileKind);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private static async Task AssertNothingStoredAsync(CallsTestHost calls, Guid applicationId)
    {
        await using var db = await calls.DbAsync();
        Assert.False(await db.Set<ApplicationFile>().AnyAsync(f => f.ApplicationId == applicationId));
        Assert.Empty(StoredFiles(calls));
    }
}
