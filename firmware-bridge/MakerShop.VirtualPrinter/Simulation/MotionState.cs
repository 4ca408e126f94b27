namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>Just enough kinematics to turn moves into durations: positions, modal feedrate, absolute/relative modes.</summary>
internal sealed class MotionState(double defaultFeedrateMmPerMin, double maxFeedrateMmPerMin)
{
    private readonly double[] position = new double[4];
    private double feedrateMmPerMin = defaultFeedrateMmPerMin;
    private bool relativeXyz;
    private bool relativeE;

    private const double XyStepsPerMm = 80;
    private const double ZStepsPerMm = 400;

    private static ReadOnlySpan<char> Axes => "XYZE";

    public TimeSpan Move(GcodeCommand command)
    {
        Span<double> delta = stackalloc double[4];
        Advance(command, delta);
        var distance = Math.Sqrt((delta[0] * delta[0]) + (delta[1] * delta[1]) + (delta[2] * delta[2]));
        if (distance == 0)
        {
            // An extrude-only move (retract, prime) still takes time.
            distance = Math.Abs(delta[3]);
        }

        return AtFeedrate(distance);
    }

    /// <summary>G2 (clockwise) or G3 in the XY plane, timed by the length of the arc, not of the chord.</summary>
    public TimeSpan Arc(GcodeCommand command, bool clockwise)
    {
        Span<double> delta = stackalloc double[4];
        Advance(command, delta);
        var distance = command.TryGet('R', out var radius)
            ? ArcLength.FromRadius(delta[0], delta[1], delta[2], radius)
            : ArcLength.FromCentre(delta[0], delta[1], delta[2], command.Get('I', 0), command.Get('J', 0), clockwise);
        return AtFeedrate(distance);
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

    /// <summary>
    /// The M114 answer as Marlin prints it: the logical position, then "Count" and each motor's step count, named X Y Z
    /// on a Cartesian machine and A B C on CoreXY, delta and SCARA builds (language.h STR_COUNT_X / STR_COUNT_A).
    /// </summary>
    public string PositionReport(string countAxes)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var text = string.Create(culture, $"X:{position[0]:0.00} Y:{position[1]:0.00} Z:{position[2]:0.00} E:{position[3]:0.00} Count");
        for (var motor = 0; motor < Math.Min(3, countAxes.Length); motor++)
        {
            var steps = (long)Math.Round(position[motor] * (motor == 2 ? ZStepsPerMm : XyStepsPerMm));
            text += string.Create(culture, $" {countAxes[motor]}:{steps}");
        }

        return text;
    }

    /// <summary>G90/G91 switch every axis, E included, as Marlin does; M82/M83 then override E alone.</summary>
    public void SetRelative(bool relative) => relativeXyz = relativeE = relative;

    public void SetRelativeExtrusion(bool relative) => relativeE = relative;

    /// <summary>Takes the modal feedrate and moves to the command's end point, writing how far each axis went.</summary>
    private void Advance(GcodeCommand command, Span<double> delta)
    {
        if (command.TryGet('F', out var feedrate) && feedrate > 0)
        {
            feedrateMmPerMin = feedrate;
        }

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
    }

    private TimeSpan AtFeedrate(double distance)
    {
        var mmPerSecond = Math.Min(feedrateMmPerMin, maxFeedrateMmPerMin) / 60;
        return distance == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(distance / mmPerSecond);
    }
}
