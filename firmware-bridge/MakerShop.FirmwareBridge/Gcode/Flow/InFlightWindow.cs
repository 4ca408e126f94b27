namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// The lines written but not yet acknowledged, oldest first, and how many may be. Acknowledgement is by order (a
/// plain ok is for the oldest line, since Marlin answers in order), by number (ADVANCED_OK's N acknowledges that
/// line and every earlier one) or through an M105 (its "ok T:…" proves everything before it is done).
/// </summary>
internal sealed class InFlightWindow(int maxInFlight)
{
    private readonly List<SentLine> lines = [];
    private int? creditLimit;

    public int Count => lines.Count;

    public bool IsEmpty => lines.Count == 0;

    public SentLine? Oldest => lines.Count == 0 ? null : lines[0];

    /// <summary>The window: <c>maxInFlight</c>, or less while ADVANCED_OK reports a fuller buffer. Never 0, or nothing could move.</summary>
    public int Limit => Math.Max(1, Math.Min(maxInFlight, creditLimit ?? maxInFlight));

    public bool HasRoom => lines.Count < Limit;

    public int Probes => lines.Count(line => line.Role == SentLineRole.Probe);

    public bool HasHeatAndWait => lines.Exists(line => line.IsHeatAndWait);

    public bool HasTemperatureQuery => lines.Exists(line => line.IsTemperatureQuery);

    public void Add(SentLine line) => lines.Add(line);

    /// <summary>
    /// ADVANCED_OK's B: command-buffer slots free when the firmware wrote the ok. The lines still in flight hold
    /// slots or are about to, so the window becomes in-flight + B, capped by the configured window.
    /// </summary>
    public void SetFreeSlots(int bufferFree) => creditLimit = lines.Count + bufferFree;

    public void ClearCredit() => creditLimit = null;

    public SentLine? AcknowledgeOldest()
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var oldest = lines[0];
        lines.RemoveAt(0);
        return oldest;
    }

    /// <summary>Removes and returns every line numbered up to <paramref name="number"/>.</summary>
    public IReadOnlyList<SentLine> AcknowledgeThrough(long number)
    {
        var count = lines.FindIndex(line => line.Number > number);
        count = count < 0 ? lines.Count : count;
        var acknowledged = lines.GetRange(0, count);
        lines.RemoveRange(0, count);
        return acknowledged;
    }

    /// <summary>The oldest M105 in flight: a temperature-carrying ok is its answer (or a later one's).</summary>
    public SentLine? OldestTemperatureQuery => lines.Find(line => line.IsTemperatureQuery);

    public SentLine? NewestTemperatureQuery => lines.FindLast(line => line.IsTemperatureQuery);

    /// <summary>Forgets the lines from <paramref name="number"/> on: the firmware threw them away and wants them again.</summary>
    public int RemoveFrom(long number)
    {
        var removed = lines.RemoveAll(line => line.Number >= number);
        creditLimit = null;
        return removed;
    }

    public bool AnyBefore(long number, Predicate<SentLine> match) => lines.Exists(line => line.Number < number && match(line));

    public int CountBefore(long number) => lines.Count(line => line.Number < number);

    public bool Contains(long number) => lines.Exists(line => line.Number == number);
}
