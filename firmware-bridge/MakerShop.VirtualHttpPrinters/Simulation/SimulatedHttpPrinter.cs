namespace MakerShop.VirtualHttpPrinters.Simulation;

/// <summary>
/// The machine behind a fake OctoPrint or Moonraker: it stores uploaded files, prints the selected one for a time
/// that follows its size, and can be paused, resumed, cancelled, disconnected or faulted. Time comes from a
/// <see cref="TimeProvider"/> and progress is computed when read, so tests move a print by advancing a fake clock.
/// </summary>
public sealed class SimulatedHttpPrinter(SimulatedPrinterOptions options, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _uploads = [];
    private readonly List<string> _gcodeCommands = [];
    private readonly List<string> _printsStarted = [];
    private SimulatedPrintState _state = SimulatedPrintState.Standby;
    private bool _operational = true;
    private string? _selected;
    private string? _message;
    private TimeSpan _printedBefore;
    private DateTimeOffset? _runningSince;
    private TimeSpan _duration;
    private DateTimeOffset? _completedAt;

    public SimulatedPrinterOptions Options => options;

    /// <summary>The machine's clock: a fake one in tests, so that servers pacing themselves on it move with the test.</summary>
    public TimeProvider Clock => timeProvider;

    /// <summary>Every file name uploaded, in order (a re-upload of the same name counts again).</summary>
    public IReadOnlyList<string> Uploads
    {
        get
        {
            lock (_lock)
            {
                return [.. _uploads];
            }
        }
    }

    /// <summary>Every file a print was started for, in order.</summary>
    public IReadOnlyList<string> PrintsStarted
    {
        get
        {
            lock (_lock)
            {
                return [.. _printsStarted];
            }
        }
    }

    public IReadOnlyList<string> GcodeCommands
    {
        get
        {
            lock (_lock)
            {
                return [.. _gcodeCommands];
            }
        }
    }

    public byte[]? FileContent(string name)
    {
        lock (_lock)
        {
            return _files.TryGetValue(name, out var content) ? content : null;
        }
    }

    public SimulatedPrinterSnapshot Snapshot()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            var printed = Printed(now);
            var progress = _duration <= TimeSpan.Zero ? (_state == SimulatedPrintState.Complete ? 1 : 0) : Math.Clamp(printed / _duration, 0, 1);
            var hot = _state is SimulatedPrintState.Printing or SimulatedPrintState.Paused;
            var size = _selected is not null && _files.TryGetValue(_selected, out var content) ? content.LongLength : 0;
            return new SimulatedPrinterSnapshot(
                _operational,
                _state,
                _selected,
                size,
                _state == SimulatedPrintState.Complete ? 1 : progress,
                printed,
                hot ? _duration - printed : null,
                hot ? options.ToolTarget - 0.4 : options.Ambient,
                hot ? options.ToolTarget : 0,
                hot ? options.BedTarget - 0.2 : options.Ambient,
                hot ? options.BedTarget : 0,
                _message,
                now);
        }
    }

    /// <summary>Stores a file. Replacing the file that is being printed is refused, as both real servers do.</summary>
    public SimulatedCommandResult Upload(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            Advance(timeProvider.GetUtcNow());
            if (IsActive && string.Equals(_selected, name, StringComparison.Ordinal))
            {
                return SimulatedCommandResult.Busy;
            }

            _files[name] = content;
            _uploads.Add(name);
            return SimulatedCommandResult.Done;
        }
    }

    public SimulatedCommandResult Select(string name)
    {
        lock (_lock)
        {
            Advance(timeProvider.GetUtcNow());
            if (!_files.ContainsKey(name))
            {
                return SimulatedCommandResult.NoSuchFile;
            }

            if (IsActive)
            {
                return SimulatedCommandResult.Busy;
            }

            _selected = name;
            _state = SimulatedPrintState.Standby;
            _duration = TimeSpan.Zero;
            _printedBefore = TimeSpan.Zero;
            _runningSince = null;
            _message = null;
            return SimulatedCommandResult.Done;
        }
    }

    /// <summary>Starts the selected file (or <paramref name="name"/>, selecting it first).</summary>
    public SimulatedCommandResult Start(string? name = null)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            if (!_operational)
            {
                return SimulatedCommandResult.NotOperational;
            }

            if (IsActive)
            {
                return SimulatedCommandResult.Busy;
            }

            name ??= _selected;
            if (name is null || !_files.TryGetValue(name, out var content))
            {
                return SimulatedCommandResult.NoSuchFile;
            }

            _selected = name;
            _state = SimulatedPrintState.Printing;
            _message = null;
            _printedBefore = TimeSpan.Zero;
            _runningSince = now;
            _duration = TimeSpan.FromSeconds(Math.Max(1, content.LongLength / options.BytesPerSecond));
            _printsStarted.Add(name);
            return SimulatedCommandResult.Done;
        }
    }

    public SimulatedCommandResult Pause() => Change(SimulatedPrintState.Printing, SimulatedPrintState.Paused);

    public SimulatedCommandResult Resume() => Change(SimulatedPrintState.Paused, SimulatedPrintState.Printing);

    public SimulatedCommandResult Cancel()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            if (!_operational)
            {
                return SimulatedCommandResult.NotOperational;
            }

            if (!IsActive)
            {
                return SimulatedCommandResult.InvalidState;
            }

            Freeze(now);
            _state = SimulatedPrintState.Cancelled;
            return SimulatedCommandResult.Done;
        }
    }

    public void RunGcode(string script)
    {
        lock (_lock)
        {
            _gcodeCommands.AddRange(script.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    /// <summary>An emergency stop or a firmware fault: the print (if any) fails and the machine needs attention.</summary>
    public void Fault(string message)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            Freeze(now);
            _state = SimulatedPrintState.Error;
            _message = message;
        }
    }

    /// <summary>The host loses its serial link to the firmware: nothing prints, every command is refused.</summary>
    public void Disconnect()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            Freeze(now);
            _operational = false;
        }
    }

    public void Reconnect()
    {
        lock (_lock)
        {
            _operational = true;
            if (_state == SimulatedPrintState.Printing)
            {
                _runningSince = timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>
    /// The host drops its link to the firmware and forgets the print and the selected file, as OctoPrint does on a
    /// disconnect or an emergency stop: nothing resumes when the link comes back. With <paramref name="error"/> the
    /// machine is left in <see cref="SimulatedPrintState.Error"/> until <see cref="ResetAndReconnect"/>.
    /// </summary>
    public void DropLinkAndForget(string? error = null)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            Freeze(now);
            _operational = false;
            _selected = null;
            _duration = TimeSpan.Zero;
            _printedBefore = TimeSpan.Zero;
            _completedAt = null;
            _state = error is null ? SimulatedPrintState.Standby : SimulatedPrintState.Error;
            _message = error;
        }
    }

    /// <summary>The host opens a fresh link (a serial connect resets the board): a fault is gone, nothing is selected.</summary>
    public void ResetAndReconnect()
    {
        lock (_lock)
        {
            _operational = true;
            if (_state == SimulatedPrintState.Error)
            {
                _state = SimulatedPrintState.Standby;
                _message = null;
                _selected = null;
            }
        }
    }

    /// <summary>When the current print ran out of file, in machine time; null unless it completed.</summary>
    public DateTimeOffset? CompletedAt
    {
        get
        {
            lock (_lock)
            {
                Advance(timeProvider.GetUtcNow());
                return _state == SimulatedPrintState.Complete ? _completedAt : null;
            }
        }
    }

    /// <summary>
    /// Deletes a stored file; refused while it is being printed, as both real servers do. OctoPrint also unselects a
    /// deleted file (<paramref name="forgetSelection"/>); Klipper's print_stats keeps showing the name of its last print.
    /// </summary>
    public SimulatedCommandResult Delete(string name, bool forgetSelection)
    {
        lock (_lock)
        {
            Advance(timeProvider.GetUtcNow());
            if (!_files.ContainsKey(name))
            {
                return SimulatedCommandResult.NoSuchFile;
            }

            if (IsActive && string.Equals(_selected, name, StringComparison.Ordinal))
            {
                return SimulatedCommandResult.Busy;
            }

            _files.Remove(name);
            if (forgetSelection && string.Equals(_selected, name, StringComparison.Ordinal))
            {
                _selected = null;
            }

            return SimulatedCommandResult.Done;
        }
    }

    /// <summary>
    /// The server or the firmware restarts (an OctoPrint restart; Klipper's FIRMWARE_RESTART, or one after a shutdown):
    /// a print in progress is gone with no word on how it ended, and the finished or selected file is forgotten
    /// (OctoPrint shows no file, Klipper's print_stats is back to standby with no filename). Uploaded files stay.
    /// Whatever was printed is still on the bed: the machine has no idea of it.
    /// </summary>
    public void Restart()
    {
        lock (_lock)
        {
            Advance(timeProvider.GetUtcNow());
            _state = SimulatedPrintState.Standby;
            _selected = null;
            _message = null;
            _printedBefore = TimeSpan.Zero;
            _runningSince = null;
            _duration = TimeSpan.Zero;
            _operational = true;
            _completedAt = null;
        }
    }

    private bool IsActive => _state is SimulatedPrintState.Printing or SimulatedPrintState.Paused;

    private SimulatedCommandResult Change(SimulatedPrintState from, SimulatedPrintState to)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Advance(now);
            if (!_operational)
            {
                return SimulatedCommandResult.NotOperational;
            }

            if (_state == to)
            {
                return SimulatedCommandResult.Done;
            }

            if (_state != from)
            {
                return SimulatedCommandResult.InvalidState;
            }

            if (to == SimulatedPrintState.Paused)
            {
                Freeze(now);
            }
            else
            {
                _runningSince = now;
            }

            _state = to;
            return SimulatedCommandResult.Done;
        }
    }

    private TimeSpan Printed(DateTimeOffset now) =>
        _runningSince is { } since && _operational ? _printedBefore + (now - since) * options.TimeScale : _printedBefore;

    private void Freeze(DateTimeOffset now)
    {
        _printedBefore = Printed(now);
        _runningSince = null;
    }

    private void Advance(DateTimeOffset now)
    {
        if (_state == SimulatedPrintState.Printing && _operational && Printed(now) >= _duration)
        {
            _completedAt = _runningSince is { } since ? since + (_duration - _printedBefore) / options.TimeScale : now;
            _printedBefore = _duration;
            _runningSince = null;
            _state = SimulatedPrintState.Complete;
        }
    }
}
