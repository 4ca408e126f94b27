using System.Collections.Concurrent;
using System.Threading.Channels;
using MQTTnet;

namespace MakerShop.FirmwareBridge.Mqtt;

/// <summary>
/// Messages that must reach the shop: events and acks in order, plus the latest retained state (older states are
/// superseded, so only the newest is kept). A message leaves the queue only after the broker took it, so what is
/// produced while the broker is away is published after the reconnect.
/// </summary>
internal sealed class MqttOutbox
{
    private readonly ConcurrentQueue<MqttApplicationMessage> queue = new();
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private MqttApplicationMessage? latestState;

    public int PendingCount => queue.Count;

    public void Enqueue(MqttApplicationMessage message)
    {
        queue.Enqueue(message);
        Signal();
    }

    public void SetState(MqttApplicationMessage message)
    {
        Interlocked.Exchange(ref latestState, message);
        Signal();
    }

    /// <summary>Called on every reconnect, so a queue that waited for the broker drains.</summary>
    public void Signal() => wake.Writer.TryWrite(true);

    public async Task RunAsync(Func<MqttApplicationMessage, CancellationToken, Task<bool>> publish, CancellationToken cancellationToken)
    {
        while (await wake.Reader.WaitToReadAsync(cancellationToken))
        {
            wake.Reader.TryRead(out _);
            if (Interlocked.Exchange(ref latestState, null) is { } state && !await publish(state, cancellationToken))
            {
                Interlocked.CompareExchange(ref latestState, state, null);
                continue;
            }

            while (queue.TryPeek(out var message))
            {
                if (!await publish(message, cancellationToken))
                {
                    break;
                }

                queue.TryDequeue(out _);
            }
        }
    }
}
