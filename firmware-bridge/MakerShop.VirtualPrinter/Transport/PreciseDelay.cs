using System.Diagnostics;

namespace MakerShop.VirtualPrinter.Transport;

/// <summary>
/// Sub-millisecond-accurate delays for the serial emulation on real time. <see cref="Task.Delay(TimeSpan)"/> runs on
/// the runtime's timer queue, which on Linux ticks with the coarse monotonic clock: a 1 ms delay typically takes
/// about 4 ms, which is three lines' worth at 250000 baud. A blocking wait on a condition variable wakes within
/// about 0.1 ms, so one background thread sleeps that way for every pacer in the process and completes each
/// delay on the thread pool when its deadline is reached.
/// </summary>
internal static class PreciseDelay
{
    /// <summary>A deadline this close is met at once: a wait cannot hit it more closely.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 2);

    // A blocking wait overshoots by about this much; aiming short by it centres wake-ups on the deadline.
    private const double OvershootMs = 0.1;

    private static readonly object Gate = new();
    private static readonly PriorityQueue<TaskCompletionSource, long> Deadlines = new();
    private static Thread? timerThread;

    public static Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay < Tolerance)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        lock (Gate)
        {
            Deadlines.Enqueue(done, deadline);
            if (timerThread is null)
            {
                timerThread = new Thread(Run) { IsBackground = true, Name = "Virtual serial wire timer" };
                timerThread.Start();
            }
            else if (ReferenceEquals(Deadlines.Peek(), done))
            {
                // The timer thread sleeps towards a later deadline; this one comes first.
                Monitor.Pulse(Gate);
            }
        }

        // A cancelled delay stays queued until its deadline; completing it then is harmless.
        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    private static void Run()
    {
        lock (Gate)
        {
            while (true)
            {
                if (!Deadlines.TryPeek(out var next, out var deadline))
                {
                    Monitor.Wait(Gate);
                    continue;
                }

                var remainingMs = (deadline - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (remainingMs < Tolerance.TotalMilliseconds)
                {
                    // Continuations run on the pool (RunContinuationsAsynchronously), never on this thread.
                    Deadlines.Dequeue();
                    next.TrySetResult();
                    continue;
                }

                Monitor.Wait(Gate, Math.Max(1, (int)Math.Round(remainingMs - OvershootMs)));
            }
        }
    }
}
