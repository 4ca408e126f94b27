using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Commands;

/// <summary>
/// The answers given to recent command ids, so a command the shop re-sends (its ack got lost) is acknowledged
/// again with the same answer and never applied twice. Bounded: the shop stops re-sending long before. Kept in the
/// bridge journal, so the answers outlive a bridge restart.
/// </summary>
internal sealed class AppliedCommandLog
{
    public const int DefaultCapacity = 200;

    private readonly Lock gate = new();
    private readonly int capacity;
    private readonly Dictionary<string, CommandAckPayload> answers = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public AppliedCommandLog(IEnumerable<CommandAckPayload>? remembered = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.capacity = capacity;
        foreach (var ack in remembered ?? [])
        {
            Remember(ack);
        }
    }

    public bool TryGet(string commandId, out CommandAckPayload ack)
    {
        lock (gate)
        {
            return answers.TryGetValue(commandId, out ack!);
        }
    }

    public void Remember(CommandAckPayload ack)
    {
        lock (gate)
        {
            if (answers.TryAdd(ack.CommandId, ack))
            {
                order.Enqueue(ack.CommandId);
                while (order.Count > capacity)
                {
                    answers.Remove(order.Dequeue());
                }
            }
        }
    }

    /// <summary>The remembered answers, oldest first.</summary>
    public IReadOnlyList<CommandAckPayload> Snapshot()
    {
        lock (gate)
        {
            return order.Select(id => answers[id]).ToArray();
        }
    }
}
