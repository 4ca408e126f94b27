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
/// slice at once share one slicer run. A new run first takes its turn in the <see cref="SliceQueue"/> for the client
/// that asked, and holds that slot until the slicer is done.
/// </summary>
public sealed class SliceService(
    PrusaSlicerRunner slicer, SlicerProfiles profiles, SliceStore slices, ModelUploads uploads, SliceQueue queue, DataPaths paths, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StoredSlice>>> _running = new(StringComparer.Ordinal);

    /// <param name="client">Who asked (the remote address): the queue's per-client bound and turns are kept by it.</param>
    /// <exception cref="TooManySlicesException">The client already has its share of slices running or waiting.</exception>
    /// <exception cref="SliceQueueTimeoutException">No slot came free in time.</exception>
    public async Task<(StoredSlice Slice, bool FromCache)> GetOrSliceAsync(
        StoredModel model, string material, PrinterModelProfile printer, string client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var profile = profiles.For(material, printer);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Sha256 + ":" + profile.Hash)));
        if (await CachedAsync(key, cancellationToken) is { } cached)
        {
            return (cached, true);
        }

        // A run of the same slice already going is joined, not queued again; only a new run takes a slot.
        if (!_running.TryGetValue(key, out var run))
        {
            var slot = await queue.EnterAsync(client, cancellationToken);
            if (await CachedAsync(key, cancellationToken) is { } sliced)
            {
                slot.Dispose();
                return (sliced, true);
            }

            // The slice runs to the end even if this request gives up, so the next request finds it cached.
            var mine = new Lazy<Task<StoredSlice>>(() => SliceAsync(key, model, profile, slot));
            run = _running.GetOrAdd(key, mine);
            if (!ReferenceEquals(run, mine))
            {
                slot.Dispose();
            }
        }

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

    private async Task<StoredSlice?> CachedAsync(string key, CancellationToken cancellationToken) =>
        await slices.GetAsync(key, cancellationToken) is { } cached && File.Exists(Path.Combine(paths.DataDirectory, cached.GcodePath)) ? cached : null;

    private async Task<StoredSlice> SliceAsync(string key, StoredModel model, SlicerProfile profile, SliceSlot slot)
    {
        using (slot)
        {
            return await SliceAsync(key, model, profile);
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
