using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Printers.Bambu;

namespace MakerShop.Printers.Tests.Support.Bambu;

/// <summary>
/// Stand-in for the 3MF packager until the FTPS branch is merged: a real zip with <c>Metadata/plate_1.gcode</c> and
/// its MD5 beside it, named after the job.
/// </summary>
internal sealed class TestBambuJobPackager : IBambuJobPackager
{
    public const string PlatePath = "Metadata/plate_1.gcode";

    public async Task<BambuJobPackage> PackageAsync(Stream gcode, string jobName, Stream destination, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await gcode.CopyToAsync(buffer, cancellationToken);
#pragma warning disable CA5351 // The printer's format names MD5 for the plate's checksum; it is not used for security.
        var md5 = Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
#pragma warning restore CA5351
        using (var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = zip.CreateEntry(PlatePath).Open())
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(entry, cancellationToken);
            }

            await using (var entry = zip.CreateEntry(PlatePath + ".md5").Open())
            {
                await entry.WriteAsync(Encoding.ASCII.GetBytes(md5), cancellationToken);
            }
        }

        return new BambuJobPackage(jobName + ".3mf", PlatePath, md5);
    }
}
