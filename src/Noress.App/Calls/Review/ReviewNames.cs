using System.Globalization;

namespace Noress.App.Calls.Review;

/// <summary>Neutral names that say nothing of who applied, for jurors of a blind call (issue 12 §9).</summary>
public static class ReviewNames
{
    /// <summary>The entry's neutral reference, the same in every language's list ("7" is shown as "Candidature 7" by the pages).</summary>
    public static string Reference(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The name a juror downloads a file under: "application-7-budget.pdf" from the form field's position and the file's
    /// rank, never the uploaded name (which may hold the applicant's name).
    /// </summary>
    public static string FileName(int applicationNumber, int fieldPosition, int fileRank, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"application-{applicationNumber}-field{fieldPosition + 1}-{fileRank + 1}{extension}");

    /// <summary>The extension of a stored file name, lower case, kept only when it is one the uploads accept.</summary>
    public static string Extension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension is ".pdf" or ".png" or ".jpg" or ".jpeg" or ".txt" or ".csv" ? extension : string.Empty;
    }
}
