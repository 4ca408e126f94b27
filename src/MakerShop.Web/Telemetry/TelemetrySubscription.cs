namespace MakerShop.Web.Telemetry;

/// <summary>
/// One live page's view of the hub: which printers changed since it last looked. Readings of the same printer
/// coalesce (only the newest is kept), so a slow page never builds a backlog.
/// </summary>
public sealed class TelemetrySubscription : IDisposable
{
    private readonly TelemetryHub _hub;
    private readonly Lock _gate = new();
    private HashSet<string> _readings = new(StringComparer.Ordinal);
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private TaskCompletionSource _signal = NewSignal();

    internal TelemetrySubscription(TelemetryHub hub, Func<string, bool> wants)
    {
        _hub = hub;
        Wants = wants;
    }

    /// <summary>Which printers this page shows; readings of others are not even queued.</summary>
    public Func<string, bool> Wants { get; set; }

    /// <summary>Completes when something changed since the last <see cref="Take"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The printers with new readings, and those whose record changed (state, job, service, or a new printer).</summary>
    public (IReadOnlyCollection<string> Readings, IReadOnlyCollection<string> Changed) Take()
    {
        lock (_gate)
        {
            var taken = (_readings, _changed);
            _readings = new HashSet<string>(StringComparer.Ordinal);
            _changed = new HashSet<string>(StringComparer.Ordinal);
            if (_signal.Task.IsCompleted)
            {
                _signal = NewSignal();
            }

            return taken;
        }
    }

    internal void OnReading(string printerId)
    {
        if (!Wants(printerId))
        {
            return;
        }

        lock (_gate)
        {
            _readings.Add(printerId);
            _signal.TrySetResult();
        }
    }

    internal void OnPrinterChanged(string printerId)
    {
        lock (_gate)
        {
            // Unknown ids are kept too: a printer just registered by this maker is not in the page's list yet.
            _changed.Add(printerId);
            _signal.TrySetResult();
        }
    }

    public void Dispose() => _hub.Unsubscribe(this);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
