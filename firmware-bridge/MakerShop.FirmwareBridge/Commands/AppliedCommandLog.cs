using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Commands;

/// <summary>
/// The answers given to recent command ids, so a command the shop re-sends (its ack got lost) is acknowledged
/// again with the same answer and never applied twice. Bounded: the shop stops re-sending long before.
/// </summary>
internal sealed class AppliedCommandLog(int capacity = 1000)
{
    private readonly Dictionary<string, CommandAckPayload> answers = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool TryGet(string commandId, out CommandAckPayload ack) => answers.TryGetValue(commandId, out ack!);

    public void Remember(CommandAckPayload ack)
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
