using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Slicing;

namespace MakerShop.Web.Quotes;

/// <summary>
/// Slices a stored model with a printer model's and a material's profiles, once: results are cached by (model hash,
/// hash of all three profiles) in the database with the G-code under gcode/slices/, and two requests for the same
/// slice at once share one slicer run.
/// </summary>
public sealed class SliceService(
    PrusaSlicerRunner slicer, SlicerProfiles profiles, SliceStore slices, ModelUploads uploads, DataPaths paths, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StoredSlice>>> _running = new(StringComparer.Ordinal);

    public async Task<(StoredSlice Slice, bool FromCache)> GetOrSliceAsync(
        StoredModel model, string material, PrinterModelProfile printer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var profile = profiles.For(material, printer);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Sha256 + ":" + profile.Hash)));
        if (await slices.GetAsync(key, cancellationToken) is { } cached && File.Exists(Path.Combine(paths.DataDirectory, cached.GcodePath)))
        {
            return (cached, true);
        }

        // The slice runs to the end even if this request gives up, so the next request finds it cached.
        var run = _running.GetOrAdd(key, k => new Lazy<Task<StoredSlice>>(() => SliceAsync(k, model, profile)));
        try
        {
            return (await run.Value.WaitAsync(cancellationToken), false);
        }
        finally
        {
            if (run.Value.IsCompleted)
            {
                _running.TryRemove(new KeyValuePair<string, Lazy<Task<StoredSlice>>>(key, run));
            }
        }
    }

    private async Task<StoredSlice> SliceAsync(string key, StoredModel model, SlicerProfile profile)
    {
        var relative = Path.Combine("gcode", "slices", key + ".gcode");
        var destination = Path.Combine(paths.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var output = await slicer.SliceAsync(uploads.FullPath(model), profile, destination, CancellationToken.None);
        var slice = new StoredSlice(
            key, model.Sha256, profile.Hash, profile.Material, relative, output.Sha256, output.SizeBytes,
            (long)Math.Ceiling(output.PrintTime.TotalSeconds), output.FilamentGrams, output.FilamentMm, output.Layers, output.SlicerVersion);
        await slices.PutAsync(slice, timeProvider.GetUtcNow(), CancellationToken.None);
        return slice;
    }
}
