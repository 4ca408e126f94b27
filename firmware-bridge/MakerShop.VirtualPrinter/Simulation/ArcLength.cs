namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// Length of a G2/G3 arc in the XY plane, so ArcWelder files take as long as the path they trace rather than the
/// straight chord. Follows Marlin's <c>plan_arc</c>: I/J give the centre relative to the start, R the radius
/// (negative R takes the long way round), and an I/J arc that ends where it starts is a full circle.
/// </summary>
internal static class ArcLength
{
    private const double Epsilon = 1e-9;

    /// <param name="dx">End minus start on X.</param>
    /// <param name="dy">End minus start on Y.</param>
    /// <param name="dz">End minus start on Z; a helix is the hypotenuse of the arc and the climb.</param>
    public static double FromCentre(double dx, double dy, double dz, double i, double j, bool clockwise)
    {
        // Vectors from the centre to the start and to the end.
        double startX = -i, startY = -j;
        double endX = dx - i, endY = dy - j;
        var radius = Math.Sqrt((startX * startX) + (startY * startY));
        var sweep = Math.Atan2((startX * endY) - (startY * endX), (startX * endX) + (startY * endY));
        if (clockwise)
        {
            sweep = sweep > Epsilon ? sweep - (2 * Math.PI) : sweep;
        }
        else
        {
            sweep = sweep < -Epsilon ? sweep + (2 * Math.PI) : sweep;
        }

        if (Math.Abs(sweep) <= Epsilon && Math.Abs(dx) <= Epsilon && Math.Abs(dy) <= Epsilon)
        {
            sweep = 2 * Math.PI;
        }

        return Helix(Math.Abs(sweep) * radius, dz);
    }

    /// <param name="radius">R word: positive for the short arc (at most half a turn), negative for the long one.</param>
    public static double FromRadius(double dx, double dy, double dz, double radius)
    {
        var chord = Math.Sqrt((dx * dx) + (dy * dy));
        var r = Math.Abs(radius);
        if (r <= Epsilon || chord <= Epsilon)
        {
            return Math.Abs(dz);
        }

        // A radius shorter than half the chord cannot reach; Marlin then draws the half circle on the chord.
        var halfAngle = Math.Asin(Math.Min(1, chord / (2 * r)));
        var sweep = 2 * halfAngle;
        r = Math.Max(r, chord / 2);
        if (radius < 0)
        {
            sweep = (2 * Math.PI) - sweep;
        }

        return Helix(sweep * r, dz);
    }

    private static double Helix(double planar, double dz) => Math.Sqrt((planar * planar) + (dz * dz));
}
