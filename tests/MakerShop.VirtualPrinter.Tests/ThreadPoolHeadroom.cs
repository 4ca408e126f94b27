namespace MakerShop.VirtualPrinter.Tests;

/// <summary>
/// On a two-core machine the pool starts with two threads, and the test host keeps some of them blocked; the
/// printer's pacing timers then wait for the pool to grow (about half a second) and a rate measurement is off by
/// that much. The same run outside the test host is accurate, so the headroom is for the host, not the printer.
/// </summary>
public sealed class ThreadPoolHeadroom
{
    public ThreadPoolHeadroom()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), Math.Max(completionPorts, 8));
    }
}
