namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// Marlin's planner buffer: moves are queued back to back on the simulated timeline and finish on their own while
/// the command queue runs on. A block is done once simulated time passes its end, so no task has to step them; the
/// only waits are for a free block (a full planner holds the move's ok back) and for the planner to drain (M400).
/// </summary>
internal sealed class MotionPlanner(int capacity, SimulatedClock clock)
{
    private readonly Lock gate = new();
    private readonly Queue<TimeSpan> blockEnds = new();
    private TimeSpan lastEnd;

    public int Capacity => capacity;

    /// <summary>Blocks still moving or waiting to move.</summary>
    public int Planned
    {
        get
        {
            lock (gate)
            {
                Retire(clock.Now);
                return blockEnds.Count;
            }
        }
    }

    public int Free => capacity - Planned;

    /// <summary>Queues a move of <paramref name="duration"/>, waiting first for a free block as Marlin's planner does.</summary>
    public async Task AddAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        // Marlin plans no block for a move of zero length (a bare "G1 F3000").
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        while (true)
        {
            TimeSpan firstEnd;
            lock (gate)
            {
                var now = clock.Now;
                Retire(now);
                if (blockEnds.Count < capacity)
                {
                    var start = lastEnd > now ? lastEnd : now;
                    lastEnd = start + duration;
                    blockEnds.Enqueue(lastEnd);
                    clock.Occupy(start, lastEnd);
                    return;
                }

                firstEnd = blockEnds.Peek();
            }

            await clock.WaitUntilAsync(firstEnd, cancellationToken);
        }
    }

    /// <summary>planner.synchronize(): returns once every queued move has finished.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        TimeSpan end;
        lock (gate)
        {
            end = lastEnd;
        }

        await clock.WaitUntilAsync(end, cancellationToken);
    }

    /// <summary>A kill stops the steppers where they are: queued moves never happen.</summary>
    public void Clear()
    {
        lock (gate)
        {
            blockEnds.Clear();
            lastEnd = clock.Now;
        }
    }

    private void Retire(TimeSpan now)
    {
        while (blockEnds.Count > 0 && blockEnds.Peek() <= now)
        {
            blockEnds.Dequeue();
        }
    }
}
