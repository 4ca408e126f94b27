namespace MakerShop.Printers.Http;

/// <summary>
/// A job's file on the printer is named after the job, so the printer's own state says which job it holds: the shop
/// needs no memory of its own to match them, and a file it did not upload is recognisably not a shop job.
/// </summary>
public static class HttpJobFiles
{
    public const string Extension = ".gcode";

    /// <summary>The folder under Moonraker's gcodes root that holds the shop's uploads.</summary>
    public const string MoonrakerFolder = "makershop";

    public static string FileNameFor(string jobId) => jobId + Extension;

    public static string? JobIdOf(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        var name = fileName[(fileName.LastIndexOf('/') + 1)..];
        return name.StartsWith("job_", StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal) && name.Length > Extension.Length + 4
            ? name[..^Extension.Length]
            : null;
    }
}
