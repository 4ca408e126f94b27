using System.Security.Cryptography;
using MakerShop.Geometry;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Quotes;

/// <summary>
/// Takes an upload into the data folder: streamed to a private temporary file while it is hashed and counted, read
/// and measured, and only then moved to its content address (models/ab/abcdef….stl). A bad or oversized file
/// leaves nothing behind; the same file uploaded twice is stored once.
/// </summary>
public sealed class ModelUploads(DataPaths paths, ModelStore models, IOptions<QuotingOptions> options, TimeProvider timeProvider, ILogger<ModelUploads> logger)
{
    public async Task<UploadedModel> StoreAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        var incoming = Path.Combine(paths.DataDirectory, "models", "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            var (sha, size) = await CopyAsync(content, temporary, settings.MaxUploadBytes, cancellationToken);
            var limits = new ModelReadLimits { MaxTriangles = settings.MaxTriangles, MaxUncompressedBytes = settings.MaxUncompressedBytes };
            // Reading is CPU-bound and can take a second on a large mesh: keep it off the request thread's path.
            var report = await Task.Run(() => ModelReader.Read(temporary, limits), cancellationToken);

            // A degenerate part (all-zero transform, no thickness, kilometres long) is refused here, before it is
            // stored and long before it could hold a slicing slot for nothing.
            PrintableGeometry.Require(report, limits);
            var extension = report.Format == ModelFormat.ThreeMf ? ".3mf" : ".stl";
            var relative = Path.Combine("models", sha[..2], sha + extension);
            var final = Path.Combine(paths.DataDirectory, relative);
            var reused = File.Exists(final);
            if (reused)
            {
                File.Delete(temporary);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.Move(temporary, final);
            }

            var stored = await models.AddOrGetAsync(
                new StoredModel(sha, report.Format.ToString(), size, relative, report.Metrics.Triangles), timeProvider.GetUtcNow(), cancellationToken);
            logger.LogInformation("Model {ModelSha256} stored ({Format}, {Triangles} triangles, reused {Reused})", sha, report.Format, report.Metrics.Triangles, reused);
            return new UploadedModel(stored, report, SafeName(fileName), reused);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public string FullPath(StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Path.Combine(paths.DataDirectory, model.RelativePath);
    }

    private static async Task<(string Sha256, long Size)> CopyAsync(Stream content, string path, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new UploadTooLargeException(limit);
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    private static string SafeName(string name)
    {
        var leaf = Path.GetFileName(name ?? "");
        var clean = new string([.. leaf.Where(c => !char.IsControl(c))]);
        return clean.Length is 0 ? "model" : clean[..Math.Min(clean.Length, 120)];
    }
}
