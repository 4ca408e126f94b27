namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>Every command the printer executed, in order, for tests and demos to inspect.</summary>
internal sealed class ExecutedCommandLog
{
    private readonly Lock gate = new();
    private readonly List<string> commands = [];

    public void Add(string command)
    {
        lock (gate)
        {
            commands.Add(command);
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
