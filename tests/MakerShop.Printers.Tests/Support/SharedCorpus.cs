namespace MakerShop.Printers.Tests.Support;

/// <summary>The real model and G-code files in /work/shared/corpus (../shared beside the repository).</summary>
internal static class SharedCorpus
{
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", fileName);
            if (File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")) && File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new FileNotFoundException($"The shared corpus file {fileName} was not found beside the repository (../shared/corpus).");
    }
}
