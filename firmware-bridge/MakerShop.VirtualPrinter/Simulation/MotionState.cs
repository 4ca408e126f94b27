namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>Just enough kinematics to turn moves into durations: positions, modal feedrate, absolute/relative modes.</summary>
internal sealed class MotionState(double defaultFeedrateMmPerMin, double maxFeedrateMmPerMin)
{
    private readonly double[] position = new double[4];
    private double feedrateMmPerMin = defaultFeedrateMmPerMin;
    private bool relativeXyz;
    private bool relativeE;

    private static ReadOnlySpan<char> Axes => "XYZE";

    public TimeSpan Move(GcodeCommand command)
    {
        if (command.TryGet('F', out var feedrate) && feedrate > 0)
        {
            feedrateMmPerMin = feedrate;
        }

        Span<double> delta = stackalloc double[4];
        for (var axis = 0; axis < 4; axis++)
        {
            if (!command.TryGet(Axes[axis], out var value))
            {
                continue;
            }

            var relative = axis == 3 ? relativeE : relativeXyz;
            var next = relative ? position[axis] + value : value;
            delta[axis] = next - position[axis];
            position[axis] = next;
        }

        var distance = Math.Sqrt((delta[0] * delta[0]) + (delta[1] * delta[1]) + (delta[2] * delta[2]));
        if (distance == 0)
        {
            // An extrude-only move (retract, prime) still takes time.
            distance = Math.Abs(delta[3]);
        }

        var mmPerSecond = Math.Min(feedrateMmPerMin, maxFeedrateMmPerMin) / 60;
        return distance == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(distance / mmPerSecond);
    }

    public void SetPosition(GcodeCommand command)
    {
        var any = false;
        for (var axis = 0; axis < 4; axis++)
        {
            if (command.TryGet(Axes[axis], out var value))
            {
                position[axis] = value;
                any = true;
            }
        }

        if (!any)
        {
            Array.Clear(position);
        }
    }

    public void Home() => Array.Clear(position, 0, 3);

    /// <summary>G90/G91 switch every axis, E included, as Marlin does; M82/M83 then override E alone.</summary>
    public void SetRelative(bool relative) => relativeXyz = relativeE = relative;

    public void SetRelativeExtrusion(bool relative) => relativeE = relative;
}
