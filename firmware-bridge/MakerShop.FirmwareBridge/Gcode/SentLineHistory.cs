namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// The last lines sent, by line number, so a resend request can be answered exactly. Bounded: a resend only ever
/// reaches back over the lines in flight, so the oldest are dropped as new ones go out.
/// </summary>
internal sealed class SentLineHistory(int capacity)
{
    private readonly Dictionary<long, SentLine> lines = [];
    private readonly Queue<long> order = new();

    public int Count => lines.Count;

    public int PeakCount { get; private set; }

    public void Add(SentLine line)
    {
        if (lines.TryAdd(line.Number, line))
        {
            order.Enqueue(line.Number);
            while (order.Count > capacity)
            {
                lines.Remove(order.Dequeue());
            }

            PeakCount = Math.Max(PeakCount, lines.Count);
        }
    }

    public bool Contains(long number) => lines.ContainsKey(number);

    public bool TryGet(long number, out SentLine line) => lines.TryGetValue(number, out line!);

    /// <summary>Lines with numbers the history holds, among those given; for telling noise from a real request.</summary>
    public IEnumerable<long> Numbers => order;
}
