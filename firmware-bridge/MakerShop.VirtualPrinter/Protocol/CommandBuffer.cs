using System.Threading.Channels;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// Marlin's BUFSIZE ring of host commands. A command keeps its slot until it has been processed (a move: until it
/// is in the planner), exactly when its ok goes out, so a host that keeps at most BUFSIZE lines unacknowledged can
/// never overflow it. Only the receive loop adds, so the fullness check cannot race another writer.
/// </summary>
internal sealed class CommandBuffer(int capacity)
{
    private readonly Channel<QueuedCommand> queue = Channel.CreateUnbounded<QueuedCommand>(new() { SingleReader = true, SingleWriter = true });
    private int length;

    public int Length => Volatile.Read(ref length);

    public int Free => capacity - Length;

    public bool IsFull => Length >= capacity;

    public bool TryAdd(QueuedCommand command)
    {
        if (IsFull)
        {
            return false;
        }

        Interlocked.Increment(ref length);
        return queue.Writer.TryWrite(command);
    }

    public IAsyncEnumerable<QueuedCommand> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The command at the head has been processed and gives its slot back.</summary>
    public void Release() => Interlocked.Decrement(ref length);

    public void Complete() => queue.Writer.TryComplete();
}
