using System.Collections.Concurrent;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// One MQTT session per Bambu Lab printer, started when the shop first looks at it and replaced when its address,
/// access code or pinned certificate changes (a corrected access code is tried at once). Disposed with the host.
/// </summary>
public sealed class BambuSessions(BambuLanOptions options, TimeProvider time, ILoggerFactory loggers, BambuAddressCheck? addresses = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BambuMqttSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public BambuMqttSession For(HttpPrinterEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        BambuMqttSession? replaced = null;
        BambuMqttSession session;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(endpoint.PrinterId, out session!) || !SameLink(session.Endpoint, endpoint))
            {
                replaced = session;
                session = new BambuMqttSession(endpoint, options, time, loggers.CreateLogger<BambuMqttSession>(), addresses);
                _sessions[endpoint.PrinterId] = session;
            }
        }

        session.Start();
        if (replaced is not null)
        {
            _ = replaced.DisposeAsync().AsTask();
        }

        return session;
    }

    public BambuMqttSession? Find(string printerId) => _sessions.GetValueOrDefault(printerId);

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync();
        }

        _sessions.Clear();
    }

    private static bool SameLink(HttpPrinterEndpoint a, HttpPrinterEndpoint b) =>
        a.BaseUrl == b.BaseUrl && a.ApiKey == b.ApiKey && a.Bambu == b.Bambu;
}
