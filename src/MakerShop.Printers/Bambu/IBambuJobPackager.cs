namespace MakerShop.Printers.Bambu;

/// <summary>
/// Turns a job's plain G-code into the file a Bambu Lab printer prints with <c>print.project_file</c>: a 3MF carrying
/// <c>Metadata/plate_1.gcode</c> and its MD5.
/// </summary>
public interface IBambuJobPackager
{
    /// <summary>Writes the package for <paramref name="gcode"/> to <paramref name="destination"/> and says what the print command must name.</summary>
    Task<BambuJobPackage> PackageAsync(Stream gcode, string jobName, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>The package's file name for <paramref name="jobName"/>, as <see cref="PackageAsync"/> names it (to delete it after a restart).</summary>
    string FileNameOf(string jobName);
}

/// <summary>The 3MF's file name on the printer, the G-code path inside it (the command's <c>param</c>) and that G-code's MD5 (lower-case hex).</summary>
public sealed record BambuJobPackage(string FileName, string PlatePath, string GcodeMd5);
