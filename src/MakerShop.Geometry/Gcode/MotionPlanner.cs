namespace MakerShop.Geometry.Gcode;

/// <summary>
/// Times moves the way firmware plans them: each move accelerates, cruises and decelerates (a trapezoid), and the
/// speed through a corner is capped by junction deviation. A window of queued moves is planned backwards (so every
/// move can still stop in time) and forwards (so no move starts faster than the previous one could reach); the
/// first half of the window is then committed, keeping look-ahead without holding a whole file's moves.
/// </summary>
internal sealed class MotionPlanner
{
    private const int Window = 4096;
    private readonly double[] _length = new double[Window];
    private readonly double[] _cruiseV2 = new double[Window];
    private readonly double[] _accel = new double[Window];
    private readonly double[] _maxStartV2 = new double[Window];
    private readonly double[] _startV2 = new double[Window];
    private int _count;
    private double _carriedStartV2;

    public double Seconds { get; private set; }

    /// <param name="length">mm along the path.</param>
    /// <param name="cruiseSpeed">mm/s, already capped by the axes' limits.</param>
    /// <param name="acceleration">mm/s², already capped by the axes' limits.</param>
    /// <param name="maxJunctionV2">the highest entry speed² the corner with the previous move allows (0 from a stop).</param>
    public void Add(double length, double cruiseSpeed, double acceleration, double maxJunctionV2)
    {
        if (length <= 0 || cruiseSpeed <= 0 || acceleration <= 0)
        {
            return;
        }

        if (_count == Window)
        {
            Plan(commit: Window / 2, final: false);
        }

        var cruise2 = cruiseSpeed * cruiseSpeed;
        _length[_count] = length;
        _cruiseV2[_count] = cruise2;
        _accel[_count] = acceleration;
        var previousCruise2 = _count > 0 ? _cruiseV2[_count - 1] : cruise2;
        _maxStartV2[_count] = Math.Min(maxJunctionV2, Math.Min(cruise2, previousCruise2));
        _count++;
    }

    public void AddDwell(double seconds)
    {
        // A dwell stops motion: plan what is queued to a standstill first.
        Flush();
        Seconds += Math.Max(0, seconds);
    }

    public void Flush()
    {
        if (_count > 0)
        {
            Plan(commit: _count, final: true);
        }

        _carriedStartV2 = 0;
    }

    private void Plan(int commit, bool final)
    {
        // Backward: the queue ends at a standstill; each move may start no faster than it can brake from.
        var next = 0.0;
        for (var i = _count - 1; i >= 0; i--)
        {
            var reachable = next + 2 * _accel[i] * _length[i];
            _startV2[i] = Math.Min(_maxStartV2[i], reachable);
            next = _startV2[i];
        }

        // Forward: each move starts no faster than the previous one could accelerate to.
        var start = Math.Min(_startV2[0], _carriedStartV2);
        for (var i = 0; i < commit; i++)
        {
            var endLimit = i + 1 < _count ? _startV2[i + 1] : 0;
            var end = Math.Min(endLimit, start + 2 * _accel[i] * _length[i]);
            Seconds += Trapezoid(start, end, _cruiseV2[i], _accel[i], _length[i]);
            start = end;
        }

        var remaining = _count - commit;
        if (remaining > 0)
        {
            Array.Copy(_length, commit, _length, 0, remaining);
            Array.Copy(_cruiseV2, commit, _cruiseV2, 0, remaining);
            Array.Copy(_accel, commit, _accel, 0, remaining);
            Array.Copy(_maxStartV2, commit, _maxStartV2, 0, remaining);
        }

        _count = remaining;
        _carriedStartV2 = final ? 0 : start;
    }

    private static double Trapezoid(double startV2, double endV2, double cruiseV2, double accel, double length)
    {
        var accelDistance = (cruiseV2 - startV2) / (2 * accel);
        var decelDistance = (cruiseV2 - endV2) / (2 * accel);
        var vs = Math.Sqrt(startV2);
        var ve = Math.Sqrt(endV2);
        if (accelDistance + decelDistance <= length)
        {
            var vc = Math.Sqrt(cruiseV2);
            return (vc - vs) / accel + (vc - ve) / accel + (length - accelDistance - decelDistance) / vc;
        }

        // No room to reach cruise speed: a triangle peaking where the two ramps meet.
        var peak = Math.Sqrt(Math.Max(Math.Max(startV2, endV2), (2 * accel * length + startV2 + endV2) / 2));
        return (peak - vs) / accel + (peak - ve) / accel;
    }
}
