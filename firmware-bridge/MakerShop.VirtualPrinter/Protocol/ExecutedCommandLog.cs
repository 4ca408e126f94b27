namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// The commands the printer executed, in order, for tests and demos to inspect: the newest <c>capacity</c> of them, so a
/// printer that runs for days (the demo fleet inside the host, the soak) does not keep every line it ever ran.
/// </summary>
internal sealed class ExecutedCommandLog(int capacity)
{
    private readonly Lock gate = new();
    private readonly Queue<string> commands = new();

    public void Add(string command)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            if (commands.Count == capacity)
            {
                commands.Dequeue();
            }

            commands.Enqueue(command);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (gate)
        {
            return [.. commands];
        }
    }
}
