namespace MakerShop.Storage;

/// <summary>Absolute locations under the data folder, resolved once at start.</summary>
public sealed record DataPaths(string DataDirectory, string DatabaseFile, string GcodeDirectory)
{
    public static DataPaths Resolve(StorageOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        return new DataPaths(data, Path.Combine(data, options.DatabaseFileName), Path.Combine(data, "gcode"));
    }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(GcodeDirectory);
    }
}
