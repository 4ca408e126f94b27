using System.Globalization;
using System.Numerics;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.Gcode;

/// <summary>The G-code interpreter behind <see cref="GcodeAnalyzer"/>: positioning modes, machine limits, layers,
/// extrusion and bounds, with every move handed to the planner.</summary>
internal sealed class GcodeMachineState(MachineLimits limits)
{
    private readonly Dictionary<char, double> _words = [];
    private MachineLimits _limits = limits;
    private Vector3 _position;
    private double _e;
    private double _retractDebt;
    private double _feedMmPerS = limits.InitialFeedRate;
    private bool _relative;
    private bool _relativeE;
    private double _unit = 1;
    private Vector3 _previousDirection;
    private bool _previousWasMotion;
    private double _lastLayerZ = double.NaN;

    public MachineLimits Limits => _limits;

    public MotionPlanner Planner { get; } = new();

    public long Moves { get; private set; }

    public int Layers { get; private set; }

    public double FilamentMm { get; private set; }

    public BoundingBox Bounds { get; private set; } = BoundingBox.Empty;

    public void Execute(ReadOnlySpan<char> command, long lineNumber)
    {
        // Strip an optional line number (N123) and checksum (*45), as hosts add them.
        if (command[0] is 'N' or 'n')
        {
            var space = command.IndexOf(' ');
            if (space < 0)
            {
                return;
            }

            command = command[(space + 1)..].TrimStart();
        }

        var star = command.IndexOf('*');
        if (star >= 0)
        {
            command = command[..star];
        }

        if (command.IsEmpty)
        {
            return;
        }

        var letter = char.ToUpperInvariant(command[0]);
        if (letter is not ('G' or 'M'))
        {
            return;
        }

        var end = 1;
        while (end < command.Length && char.IsAsciiDigit(command[end]))
        {
            end++;
        }

        if (!int.TryParse(command[1..end], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return;
        }

        ParseWords(command[end..]);
        if (letter == 'G')
        {
            ExecuteG(code);
        }
        else
        {
            ExecuteM(code);
        }
    }

    private void ExecuteG(int code)
    {
        switch (code)
        {
            case 0 or 1:
                Linear();
                break;
            case 2 or 3:
                Arc(clockwise: code == 2);
                break;
            case 4:
                Planner.AddDwell(Word('S') ?? (Word('P') is { } ms ? ms / 1000 : 0));
                break;
            case 20:
                _unit = 25.4;
                break;
            case 21:
                _unit = 1;
                break;
            case 28:
                Planner.Flush();
                _position = new Vector3(Has('X') || Has('Y') || Has('Z') ? (Has('X') ? 0 : _position.X) : 0,
                    Has('X') || Has('Y') || Has('Z') ? (Has('Y') ? 0 : _position.Y) : 0,
                    Has('X') || Has('Y') || Has('Z') ? (Has('Z') ? 0 : _position.Z) : 0);
                _previousWasMotion = false;
                break;
            case 90:
                _relative = false;
                _relativeE = false;
                break;
            case 91:
                _relative = true;
                _relativeE = true;
                break;
            case 92:
                if (Word('E') is { } e)
                {
                    _e = e * _unit;
                }

                _position = new Vector3(
                    Word('X') is { } x ? (float)(x * _unit) : _position.X,
                    Word('Y') is { } y ? (float)(y * _unit) : _position.Y,
                    Word('Z') is { } z ? (float)(z * _unit) : _position.Z);
                break;
        }
    }

    private void ExecuteM(int code)
    {
        switch (code)
        {
            case 82:
                _relativeE = false;
                break;
            case 83:
                _relativeE = true;
                break;
            case 201:
                _limits = _limits with
                {
                    MaxAccelerationXy = Positive(Word('X')) ?? _limits.MaxAccelerationXy,
                    MaxAccelerationZ = Positive(Word('Z')) ?? _limits.MaxAccelerationZ,
                    MaxAccelerationE = Positive(Word('E')) ?? _limits.MaxAccelerationE,
                };
                break;
            case 203:
                _limits = _limits with
                {
                    MaxFeedRateXy = Positive(Word('X')) ?? _limits.MaxFeedRateXy,
                    MaxFeedRateZ = Positive(Word('Z')) ?? _limits.MaxFeedRateZ,
                    MaxFeedRateE = Positive(Word('E')) ?? _limits.MaxFeedRateE,
                };
                break;
            case 204:
                var print = Positive(Word('P')) ?? Positive(Word('S'));
                _limits = _limits with
                {
                    PrintAcceleration = print ?? _limits.PrintAcceleration,
                    TravelAcceleration = Positive(Word('T')) ?? (Has('S') && !Has('P') ? print : null) ?? _limits.TravelAcceleration,
                    RetractAcceleration = Positive(Word('R')) ?? _limits.RetractAcceleration,
                };
                break;
            case 205:
                if (Positive(Word('J')) is { } jd)
                {
                    _limits = _limits with { JunctionDeviation = jd };
                }
                else if (Positive(Word('X')) is { } jerk)
                {
                    // Marlin's own conversion from classic jerk to an equivalent junction deviation.
                    _limits = _limits with { JunctionDeviation = 0.4 * jerk * jerk / _limits.PrintAcceleration };
                }

                break;
        }
    }

    private void Linear()
    {
        if (Word('F') is { } f && f > 0)
        {
            _feedMmPerS = f * _unit / 60;
        }

        var target = Target();
        var newE = TargetE();
        var delta = target - _position;
        Move(delta, newE - _e);
        _position = target;
        _e = newE;
    }

    private void Arc(bool clockwise)
    {
        if (Word('F') is { } f && f > 0)
        {
            _feedMmPerS = f * _unit / 60;
        }

        var target = Target();
        var newE = TargetE();
        var start = _position;
        Vector2 center;
        if (Word('R') is { } r)
        {
            var chord = new Vector2(target.X - start.X, target.Y - start.Y);
            var d = chord.Length();
            var radius = (float)(r * _unit);
            if (d == 0 || Math.Abs(radius) < d / 2)
            {
                Linear();
                return;
            }

            var mid = new Vector2(start.X, start.Y) + chord / 2;
            var h = MathF.Sqrt(radius * radius - d * d / 4);
            var normal = new Vector2(-chord.Y, chord.X) / d;
            var sign = (clockwise ? -1 : 1) * Math.Sign(radius);
            center = mid + normal * h * sign;
        }
        else
        {
            center = new Vector2(start.X + (float)((Word('I') ?? 0) * _unit), start.Y + (float)((Word('J') ?? 0) * _unit));
        }

        var a0 = MathF.Atan2(start.Y - center.Y, start.X - center.X);
        var a1 = MathF.Atan2(target.Y - center.Y, target.X - center.X);
        var sweep = a1 - a0;
        if (clockwise && sweep >= 0)
        {
            sweep -= 2 * MathF.PI;
        }
        else if (!clockwise && sweep <= 0)
        {
            sweep += 2 * MathF.PI;
        }

        var rad = Vector2.Distance(new Vector2(start.X, start.Y), center);
        var length = Math.Abs(sweep) * rad;
        var segments = Math.Clamp((int)Math.Ceiling(length / GcodeAnalyzer.ArcSegmentMm), 1, 10_000);
        var eStep = (newE - _e) / segments;
        var previous = start;
        for (var s = 1; s <= segments; s++)
        {
            var angle = a0 + sweep * s / segments;
            var point = s == segments
                ? target
                : new Vector3(center.X + rad * MathF.Cos(angle), center.Y + rad * MathF.Sin(angle), start.Z + (target.Z - start.Z) * s / segments);
            Move(point - previous, eStep);
            previous = point;
        }

        _position = target;
        _e = newE;
    }

    private void Move(Vector3 delta, double deltaE)
    {
        Moves++;
        var length = (double)delta.Length();
        var extruding = deltaE > 0 && length > 0;
        if (deltaE < 0)
        {
            _retractDebt -= deltaE;
        }
        else if (deltaE > 0)
        {
            var primed = Math.Min(_retractDebt, deltaE);
            _retractDebt -= primed;
            FilamentMm += deltaE - primed;
        }

        if (length == 0)
        {
            if (deltaE != 0)
            {
                // Retract or prime on its own: the head stops for it.
                var speed = Math.Min(_feedMmPerS, _limits.MaxFeedRateE);
                Planner.Add(Math.Abs(deltaE), speed, Math.Min(_limits.RetractAcceleration, _limits.MaxAccelerationE), 0);
                _previousWasMotion = false;
            }

            return;
        }

        if (extruding)
        {
            Bounds = Bounds.Include(_position).Include(_position + delta);
            var z = Math.Round(_position.Z + delta.Z, 4);
            if (delta.X != 0 || delta.Y != 0)
            {
                if (double.IsNaN(_lastLayerZ) || Math.Abs(z - _lastLayerZ) > 1e-4)
                {
                    Layers++;
                    _lastLayerZ = z;
                }
            }
        }

        // Cap speed and acceleration so that no axis exceeds its own limit.
        var speed2 = _feedMmPerS;
        var accel = extruding ? _limits.PrintAcceleration : _limits.TravelAcceleration;
        var xy = Math.Sqrt((double)delta.X * delta.X + (double)delta.Y * delta.Y);
        if (xy > 0)
        {
            speed2 = Math.Min(speed2, _limits.MaxFeedRateXy * length / xy);
            accel = Math.Min(accel, _limits.MaxAccelerationXy * length / xy);
        }

        if (delta.Z != 0)
        {
            speed2 = Math.Min(speed2, _limits.MaxFeedRateZ * length / Math.Abs(delta.Z));
            accel = Math.Min(accel, _limits.MaxAccelerationZ * length / Math.Abs(delta.Z));
        }

        if (deltaE != 0)
        {
            speed2 = Math.Min(speed2, _limits.MaxFeedRateE * length / Math.Abs(deltaE));
            accel = Math.Min(accel, _limits.MaxAccelerationE * length / Math.Abs(deltaE));
        }

        var direction = delta / (float)length;
        var junction = 0.0;
        if (_previousWasMotion)
        {
            // Junction deviation: the corner speed at which a circle of deviation JD through the corner is
            // followed at this acceleration (the formulation Marlin and Klipper share).
            var cosTheta = -Math.Clamp(Vector3.Dot(_previousDirection, direction), -1f, 1f);
            if (cosTheta < -0.999999)
            {
                junction = double.MaxValue;
            }
            else if (cosTheta < 0.999999)
            {
                var sinHalf = Math.Sqrt(0.5 * (1 - cosTheta));
                junction = accel * _limits.JunctionDeviation * sinHalf / (1 - sinHalf);
            }
        }

        Planner.Add(length, speed2, accel, junction);
        _previousDirection = direction;
        _previousWasMotion = true;
    }

    private Vector3 Target()
    {
        var x = Word('X');
        var y = Word('Y');
        var z = Word('Z');
        return _relative
            ? _position + new Vector3((float)((x ?? 0) * _unit), (float)((y ?? 0) * _unit), (float)((z ?? 0) * _unit))
            : new Vector3(
                x is { } ax ? (float)(ax * _unit) : _position.X,
                y is { } ay ? (float)(ay * _unit) : _position.Y,
                z is { } az ? (float)(az * _unit) : _position.Z);
    }

    private double TargetE()
    {
        if (Word('E') is not { } e)
        {
            return _e;
        }

        return _relativeE ? _e + e * _unit : e * _unit;
    }

    private void ParseWords(ReadOnlySpan<char> text)
    {
        _words.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsAsciiLetter(c))
            {
                i++;
                continue;
            }

            var start = ++i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '-' or '+'))
            {
                i++;
            }

            if (double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                _words[char.ToUpperInvariant(c)] = value;
            }
            else if (start == i)
            {
                _words[char.ToUpperInvariant(c)] = double.NaN;
            }
        }
    }

    private bool Has(char letter) => _words.ContainsKey(letter);

    private double? Word(char letter) => _words.TryGetValue(letter, out var v) && !double.IsNaN(v) ? v : null;

    private static double? Positive(double? value) => value is > 0 ? value : null;
}
