namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>Locations inside the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder that holds MakerShop.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The repository's config/ folder.</summary>
    public static string ConfigDir => Path.Combine(RepoRoot, "config");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find MakerShop.sln in '{AppContext.BaseDirectory}' or any parent folder.");
    }
}
