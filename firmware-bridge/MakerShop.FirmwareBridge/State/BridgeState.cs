using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.State;

/// <summary>
/// What the bridge tells the shop about its printer. <see cref="Changed"/> fires for anything the retained state
/// must carry (status, job, outcome, firmware, each whole percent); heater readings only ride along.
/// </summary>
internal sealed class BridgeState(bool autoEject, TimeProvider timeProvider, JobRecord? restored = null)
{
    private readonly Lock gate = new();
    private BridgeStatus status = restored?.Status ?? BridgeStatus.Offline;
    private bool firmwareConnected;
    private string? jobId = restored?.JobId;
    private double? progress;
    private int? etaSeconds;
    private string? firmware;
    private JobOutcome? lastJob = restored?.LastJob;
    private IReadOnlyList<HeaterReading> heaters = [];

    public event Action? Changed;

    public BridgeStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    public string? JobId
    {
        get
        {
            lock (gate)
            {
                return jobId;
            }
        }
    }

    public JobOutcome? LastJob
    {
        get
        {
            lock (gate)
            {
                return lastJob;
            }
        }
    }

    public static bool IsBusy(BridgeStatus status) => status is BridgeStatus.Downloading or BridgeStatus.Printing or BridgeStatus.Paused;

    /// <summary>Without a firmware link an idle bridge cannot take work, so it reports Offline.</summary>
    public void SetFirmwareConnected(bool connected) => Update(() =>
    {
        firmwareConnected = connected;
        if (connected && status == BridgeStatus.Offline)
        {
            status = BridgeStatus.Idle;
        }
        else if (!connected && status == BridgeStatus.Idle)
        {
            status = BridgeStatus.Offline;
        }
    });

    public void SetFirmware(string name) => Update(() => firmware = name);

    public void SetHeaters(IReadOnlyList<HeaterReading> readings)
    {
        lock (gate)
        {
            heaters = readings;
        }
    }

    /// <summary>
    /// A target printed on its own line (Repetier) updates the heater's last reading; a heater never read yet waits for
    /// its first temperature report, which carries the target too.
    /// </summary>
    public void SetHeaterTarget(HeaterTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (gate)
        {
            heaters = heaters.Select(h => h.Name == target.Heater ? h with { Target = target.Target } : h).ToArray();
        }
    }

    /// <summary>Claims the printer for a job; false when it is not idle.</summary>
    public bool TryBeginJob(string newJobId)
    {
        lock (gate)
        {
            if (status != BridgeStatus.Idle)
            {
                return false;
            }

            status = BridgeStatus.Downloading;
            jobId = newJobId;
            progress = 0;
            etaSeconds = null;
        }

        Changed?.Invoke();
        return true;
    }

    public void SetStatus(BridgeStatus next) => Update(() => status = next);

    /// <summary>Leaves Finished or Error for Idle (or Offline without a firmware link); false while a job runs.</summary>
    public bool TryClearBed()
    {
        var cleared = false;
        Update(() =>
        {
            if (!IsBusy(status))
            {
                status = firmwareConnected ? BridgeStatus.Idle : BridgeStatus.Offline;
                cleared = true;
            }
        });
        return cleared;
    }

    public void SetProgress(double fraction, int? eta)
    {
        bool crossedPercent;
        lock (gate)
        {
            crossedPercent = progress is null || (int)(fraction * 100) != (int)(progress.Value * 100);
            progress = fraction;
            etaSeconds = eta;
        }

        if (crossedPercent)
        {
            Changed?.Invoke();
        }
    }

    public void EndJob(JobOutcome outcome, BridgeStatus next) => Update(() =>
    {
        lastJob = outcome;
        jobId = null;
        progress = null;
        etaSeconds = null;
        status = next == BridgeStatus.Idle && !firmwareConnected ? BridgeStatus.Offline : next;
    });

    /// <summary>Asks for the retained state to be published again without anything having changed.</summary>
    public void Republish() => Changed?.Invoke();

    public PrinterStatePayload ToStatePayload()
    {
        lock (gate)
        {
            return new PrinterStatePayload(status, heaters, jobId, progress, etaSeconds, firmware, lastJob, autoEject, timeProvider.GetUtcNow());
        }
    }

    /// <summary>What the bridge journal keeps of this state.</summary>
    public JobRecord ToJobRecord()
    {
        lock (gate)
        {
            return new JobRecord(status, jobId, lastJob);
        }
    }

    public TelemetryPayload ToTelemetryPayload()
    {
        lock (gate)
        {
            return new TelemetryPayload(heaters, jobId, progress, etaSeconds, timeProvider.GetUtcNow());
        }
    }

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
        }

        Changed?.Invoke();
    }
}
