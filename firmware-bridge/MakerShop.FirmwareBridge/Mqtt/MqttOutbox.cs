using System.Collections.Concurrent;
using System.Threading.Channels;
using MakerShop.Contracts.Mqtt;
using MQTTnet;

namespace MakerShop.FirmwareBridge.Mqtt;

/// <summary>
/// Messages that must reach the shop: events and acks in order, plus the latest retained state (older states are
/// superseded, so only the newest is kept). A message leaves the queue only after the broker took it, so what is
/// produced while the broker is away is published after the reconnect. <see cref="Changed"/> fires whenever the
/// queue grows or shrinks, so its owner can keep a copy that survives a restart.
/// </summary>
internal sealed class MqttOutbox
{
    private readonly string printerId;
    private readonly ConcurrentQueue<OutboxEntry> queue;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private MqttApplicationMessage? latestState;

    public MqttOutbox(string printerId, IEnumerable<OutboxEntry>? pending = null)
    {
        this.printerId = printerId;
        queue = new ConcurrentQueue<OutboxEntry>(pending ?? []);
    }

    public event Action? Changed;

    public int PendingCount => queue.Count;

    public void Enqueue(PrinterEventPayload payload) => Enqueue(OutboxEntry.For(payload));

    public void Enqueue(CommandAckPayload payload) => Enqueue(OutboxEntry.For(payload));

    public void SetState(MqttApplicationMessage message)
    {
        Interlocked.Exchange(ref latestState, message);
        Signal();
    }

    /// <summary>Called on every reconnect, so a queue that waited for the broker drains.</summary>
    public void Signal() => wake.Writer.TryWrite(true);

    /// <summary>The events and acks not yet published, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> Snapshot() => queue.ToArray();

    public async Task RunAsync(Func<MqttApplicationMessage, CancellationToken, Task<bool>> publish, CancellationToken cancellationToken)
    {
        // A restarted loop drains at once whatever a crashed one left behind.
        Signal();
        while (await wake.Reader.WaitToReadAsync(cancellationToken))
        {
            wake.Reader.TryRead(out _);
            if (Interlocked.Exchange(ref latestState, null) is { } state && !await publish(state, cancellationToken))
            {
                Interlocked.CompareExchange(ref latestState, state, null);
                continue;
            }

            while (queue.TryPeek(out var entry))
            {
                if (!await publish(ToMessage(entry), cancellationToken))
                {
                    break;
                }

                queue.TryDequeue(out _);
                Changed?.Invoke();
            }
        }
    }

    private void Enqueue(OutboxEntry entry)
    {
        queue.Enqueue(entry);
        Changed?.Invoke();
        Signal();
    }

    private MqttApplicationMessage ToMessage(OutboxEntry entry) =>
        entry.Event is { } payload ? BridgeMessages.Event(printerId, payload) : BridgeMessages.Ack(printerId, entry.Ack!);
}
