using System.Security.Cryptography;
using MakerShop.Core;
using MakerShop.Geometry.Gcode;
using MakerShop.Storage;

namespace MakerShop.Web.Admin.Catalog;

/// <summary>
/// Takes a product's G-code: streamed to a private temporary file while it is hashed and counted, checked with our
/// G-code analyser (text, moves, extrusion, a part of sensible size), and only then moved to gcode/products/{sha}.gcode.
/// A refused file leaves nothing behind and changes nothing; the product's old file stays for jobs that print it.
/// </summary>
public sealed class ProductGcodeUploads(DataPaths paths)
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private const double MaxPartMm = 1000;

    public async Task<AnalysedGcode> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(paths.GcodeDirectory, "products");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            var (sha, size, binary, prusaBinary) = await CopyAsync(content, temporary, cancellationToken);
            if (size == 0)
            {
                throw Refused("The file is empty.");
            }

            if (prusaBinary)
            {
                throw Refused(BinaryGcode.PlainGcodeOnly);
            }

            if (binary)
            {
                throw Refused("The file is binary (for example a .bgcode or a model file), not plain-text G-code; export plain G-code from the slicer.");
            }

            var analysis = await Task.Run(() => GcodeAnalyzer.Analyze(temporary), cancellationToken);
            var partSize = Check(analysis);
            var relative = Path.Combine("gcode", "products", sha + ".gcode");
            var final = Path.Combine(paths.DataDirectory, relative);
            if (File.Exists(final))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, final);
            }

            return new AnalysedGcode(new StoredGcode(relative, sha, size), analysis.PrintTime, Math.Round(analysis.FilamentGrams, 2), partSize, analysis.Layers);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static Size3 Check(GcodeAnalysis analysis)
    {
        if (analysis.Moves == 0)
        {
            throw Refused("No moves (G0/G1/G2/G3) were found: this is not G-code a printer can run.");
        }

        if (analysis.FilamentMm <= 0 || analysis.ExtrusionBounds.IsEmpty)
        {
            throw Refused("The G-code moves but never extrudes filament, so it would print nothing.");
        }

        var box = analysis.ExtrusionBounds.Size;
        if (box.X > MaxPartMm || box.Y > MaxPartMm || box.Z > MaxPartMm)
        {
            throw Refused($"The printed part would be {box.X:0} × {box.Y:0} × {box.Z:0} mm, larger than any printer ({MaxPartMm:0} mm); check the file's units (G20 is inches).");
        }

        if (analysis.EstimatedPrintTime <= TimeSpan.Zero)
        {
            throw Refused("The G-code has no printing time: its moves have no feed rate.");
        }

        // A flat single-layer part still has some height: the first layer's.
        return new Size3(Math.Max(box.X, 0.1), Math.Max(box.Y, 0.1), Math.Max(box.Z, 0.1));
    }

    private static DomainValidationException Refused(string why) => new("gcode", why);

    private static async Task<(string Sha, long Size, bool Binary, bool PrusaBinary)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        var binary = false;
        var prusaBinary = false;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    throw Refused($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
                }

                // Plain G-code is text: a NUL byte anywhere in the first block means a binary format.
                binary |= total <= buffer.Length && Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
                prusaBinary |= total == read && BinaryGcode.StartsWithMagic(buffer.AsSpan(0, read));
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total, binary, prusaBinary);
    }
}
