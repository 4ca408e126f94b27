namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>The shared corpus of real files from public projects, read in place (never copied into the repository).</summary>
public static class Corpus
{
    public static string Directory => Path.GetFullPath(Path.Combine(RepoPaths.RepoRoot, "..", "shared", "corpus"));

    public static IReadOnlyList<string> GcodeFiles()
    {
        var files = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.gcode") : [];
        Assert.True(files.Length > 0, $"No G-code files in {Directory}: the corpus must sit beside the repository as ../shared/corpus.");
        return files.OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>What a file asks the printer to do: every line without its ';' comment and surrounding blanks, empty ones left out.</summary>
    public static IEnumerable<string> Commands(string path) =>
        File.ReadLines(path).Select(l => (l.IndexOf(';', StringComparison.Ordinal) is var i and >= 0 ? l[..i] : l).Trim()).Where(l => l.Length > 0);
}
