using System.Diagnostics;
using Noress.EndToEnd.Infrastructure;

namespace Noress.EndToEnd;

/// <summary>A test run must leave the tracked screenshots alone: only the explicit refresh command writes docs/screenshots.</summary>
public sealed class ScreenshotsFolderTests
{
    [Fact]
    public void WithoutTheVariable_ScreenshotsGoToTheIgnoredTestResultsFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "noress-root");

        Assert.Equal(Path.Combine(root, "TestResults", "screenshots"), RepositoryPaths.ScreenshotsFolder(null, root));
        Assert.Equal(Path.Combine(root, "TestResults", "screenshots"), RepositoryPaths.ScreenshotsFolder(" ", root));
        Assert.Equal(Path.Combine(root, "docs", "screenshots"), RepositoryPaths.ScreenshotsFolder("docs/screenshots", root));
    }

    [Fact]
    public void TheDefaultFolder_IsIgnoredByGit()
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, ".git")) && !File.Exists(Path.Combine(RepositoryPaths.Root, ".git")))
        {
            return; // A source archive without git: nothing can be committed by mistake.
        }

        var folder = RepositoryPaths.ScreenshotsFolder(null, RepositoryPaths.Root);
        using var git = Process.Start(new ProcessStartInfo("git", ["check-ignore", "-q", "--no-index", Path.Combine(folder, "login-fr.png")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardError = true,
        })!;
        git.WaitForExit();

        // 0: ignored; 1: not ignored, so a run would leave pictures to commit.
        Assert.Equal(0, git.ExitCode);
    }
}
