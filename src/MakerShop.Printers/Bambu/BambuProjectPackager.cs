using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// Wraps a job's G-code in the smallest 3MF a Bambu Lab printer prints with <c>print.project_file</c>: the OPC parts a
/// 3MF needs, an empty model, <c>Metadata/plate_1.gcode</c>, its MD5 beside it (upper-case hex without a newline, as
/// BambuStudio writes it) and a minimal <c>slice_info.config</c>. The G-code is read once and streamed into the zip
/// while hashed, so a 100 MB file is never held in memory.
/// </summary>
public sealed class BambuProjectPackager : IBambuJobPackager
{
    public const string PlatePath = "Metadata/plate_1.gcode";
    private const int CopyBufferSize = 81920;

    public string FileNameOf(string jobName) => FileNameFor(jobName);

    public async Task<BambuJobPackage> PackageAsync(Stream gcode, string jobName, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gcode);
        ArgumentNullException.ThrowIfNull(destination);
        var fileName = FileNameFor(jobName);
        string md5;
        await using (var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteTextAsync(zip, "[Content_Types].xml", BambuProjectParts.ContentTypes, cancellationToken);
            await WriteTextAsync(zip, "_rels/.rels", BambuProjectParts.Relationships, cancellationToken);
            await WriteTextAsync(zip, "3D/3dmodel.model", BambuProjectParts.EmptyModel, cancellationToken);
            md5 = await WriteGcodeAsync(zip, gcode, cancellationToken);
            await WriteTextAsync(zip, PlatePath + ".md5", md5.ToUpperInvariant(), cancellationToken);
            await WriteTextAsync(zip, "Metadata/slice_info.config", BambuProjectParts.SliceInfo, cancellationToken);
        }

        return new BambuJobPackage(fileName, PlatePath, md5);
    }

    /// <summary>
    /// The package's name on the printer: the job name with everything but letters, digits, '.', '_' and '-' turned
    /// into '-', so the job id it carries survives and the name is safe in an FTP command and a <c>file://</c> URL.
    /// </summary>
    public static string FileNameFor(string jobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        var safe = new StringBuilder(jobName.Length);
        foreach (var c in jobName.Trim())
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            if (keep)
            {
                safe.Append(c);
            }
            else if (safe.Length > 0 && safe[^1] != '-')
            {
                safe.Append('-');
            }
        }

        var name = safe.ToString().Trim('-', '.');
        if (name.Length == 0)
        {
            throw new ArgumentException("The job name has no letter or digit to name the file with.", nameof(jobName));
        }

        return name + ".gcode.3mf";
    }

    private static async Task<string> WriteGcodeAsync(ZipArchive zip, Stream gcode, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(PlatePath, CompressionLevel.Optimal);
        // MD5 because the printer's format asks for it; it guards against a damaged transfer, not an attacker.
#pragma warning disable CA5351
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            await using var target = await entry.OpenAsync(cancellationToken);
            int read;
            while ((read = await gcode.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task WriteTextAsync(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var target = await entry.OpenAsync(cancellationToken);
        await target.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
