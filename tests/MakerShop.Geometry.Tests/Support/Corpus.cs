namespace MakerShop.Geometry.Tests.Support;

/// <summary>The shared corpus beside the repository (../shared/corpus), read in place, and its MANIFEST.</summary>
public static class Corpus
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string Directory => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "corpus"));

    public static string File(string name)
    {
        var path = Path.Combine(Directory, name);
        Assert.True(System.IO.File.Exists(path), $"{path} is missing: the corpus must sit beside the repository as ../shared/corpus.");
        return path;
    }

    /// <summary>Rows of MANIFEST.tsv as column name → value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest()
    {
        var lines = System.IO.File.ReadAllLines(File("MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split('\t'), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v))
            .ToList();
    }

    public static IReadOnlyDictionary<string, string> Row(string file) => Manifest().Single(r => r["file"] == file);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find MakerShop.sln above '{AppContext.BaseDirectory}'.");
    }
}
