using System.Globalization;

namespace MakerShop.Bench.SerialLink;

/// <summary>Command-line settings of the serial-link benchmark.</summary>
internal sealed record LinkBenchOptions(string GcodePath, int Lines, int Runs, IReadOnlyList<int> BaudRates, TimeSpan Latency)
{
    public static LinkBenchOptions Parse(string[] args)
    {
        string? gcode = null;
        var lines = 4000;
        var runs = 3;
        IReadOnlyList<int> bauds = [115_200, 250_000];

        // A USB-serial adapter moves data in 1 ms frames, so each direction waits about 1 ms: the cost ping-pong pays per line.
        var latency = TimeSpan.FromMilliseconds(1);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--gcode": gcode = value; i++; break;
                case "--lines": lines = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--latency-ms": latency = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); i++; break;
                case "--baud": bauds = value.Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToList(); i++; break;
                default: throw new ArgumentException($"Unknown option {args[i]}; use --gcode <file> --lines <n> --runs <n> --baud 115200,250000 --latency-ms 1");
            }
        }

        return new LinkBenchOptions(gcode ?? DefaultCorpusFile(), lines, runs, bauds, latency);
    }

    /// <summary>The corpus's Benchy from PrusaSlicer: a curved hull in many short segments, the hard case for a serial link.</summary>
    private static string DefaultCorpusFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "corpus", "gcodepreview_benchy_prusaslicer261.gcode") : null;
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException("The corpus Benchy was not found next to the repository (../shared/corpus); pass --gcode <file>.");
    }
}
