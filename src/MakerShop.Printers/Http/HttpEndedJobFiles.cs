using System.Collections.Concurrent;

namespace MakerShop.Printers.Http;

/// <summary>
/// The shop files of ended jobs still on each printer. A finished job's file is the evidence that makes a re-sent
/// start for it safe (the printer still shows it, so the start is acknowledged without a second print), so it is
/// deleted only once the next job has started on that printer; a delete that fails stays here and is tried again
/// at the start after.
/// </summary>
public sealed class HttpEndedJobFiles
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _files = new(StringComparer.Ordinal);

    public void Remember(string printerId, string jobId) =>
        _files.GetOrAdd(printerId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(jobId, 0);

    public IReadOnlyList<string> Of(string printerId) =>
        _files.TryGetValue(printerId, out var jobs) ? [.. jobs.Keys.Order(StringComparer.Ordinal)] : [];

    public void Forget(string printerId, string jobId)
    {
        if (_files.TryGetValue(printerId, out var jobs))
        {
            jobs.TryRemove(jobId, out _);
        }
    }
}
