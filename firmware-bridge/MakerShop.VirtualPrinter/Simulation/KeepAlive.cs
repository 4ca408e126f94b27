namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>Counts simulated time spent blocked and says when the next "busy" line is due.</summary>
internal sealed class KeepAlive(TimeSpan interval)
{
    public const string BusyLine = "echo:busy: processing";

    private TimeSpan sinceLast;

    public TimeSpan Interval => interval;

    public bool Enabled => interval > TimeSpan.Zero;

    public bool Elapse(TimeSpan step)
    {
        if (!Enabled)
        {
            return false;
        }

        sinceLast += step;
        if (sinceLast < interval)
        {
            return false;
        }

        sinceLast -= interval;
        return true;
    }
}
