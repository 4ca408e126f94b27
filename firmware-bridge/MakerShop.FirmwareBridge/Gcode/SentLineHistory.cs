namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>The last lines sent, by line number, so a resend request can be answered exactly.</summary>
internal sealed class SentLineHistory(int capacity)
{
    private readonly Dictionary<long, SentLine> lines = [];
    private readonly Queue<long> order = new();

    public void Add(SentLine line)
    {
        if (lines.TryAdd(line.Number, line))
        {
            order.Enqueue(line.Number);
            while (order.Count > capacity)
            {
                lines.Remove(order.Dequeue());
            }
        }
    }

    public bool TryGet(long number, out SentLine line) => lines.TryGetValue(number, out line!);

    public void Clear()
    {
        lines.Clear();
        order.Clear();
    }
}
