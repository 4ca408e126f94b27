using System.Globalization;

namespace MakerShop.Bench.Soak;

/// <summary>What one soak run does: fleet size, simulated span and pace, order rate, and the faults injected.</summary>
public sealed record SoakOptions
{
    public int Printers { get; init; } = 100;

    public int SimulatedDays { get; init; } = 7;

    /// <summary>Simulated seconds per real second, for the virtual printers and for the order arrivals.</summary>
    public double TimeScale { get; init; } = 1440;

    /// <summary>Orders arriving per simulated day, at random moments within it (before the corrupted ones are added).</summary>
    public int OrdersPerDay { get; init; } = 300;

    /// <summary>Share of order requests that carry a corrupted line and must be refused with a ProblemDetails.</summary>
    public double CorruptOrderShare { get; init; } = 0.05;

    /// <summary>Share of numbered G-code lines each virtual printer answers as if their checksum were wrong (the bridge resends).</summary>
    public double CorruptSerialLineShare { get; init; } = 0.05;

    /// <summary>kill -9 of the host, started again on the same data folder and ports.</summary>
    public int HostRestarts { get; init; } = 3;

    /// <summary>kill -9 of Mosquitto, started again on the same port and persistence folder.</summary>
    public int BrokerRestarts { get; init; } = 3;

    /// <summary>A random printer's firmware-bridge stopped and a new one started; the printer itself keeps running.</summary>
    public int BridgeRestarts { get; init; } = 12;

    /// <summary>How long a killed host or broker stays down before it is started again.</summary>
    public TimeSpan Downtime { get; init; } = TimeSpan.FromSeconds(3);

    public int Seed { get; init; } = 19;

    /// <summary>After the last order: how long production may take to finish before the run counts what is left.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(15);

    public string? JsonPath { get; init; }

    /// <summary>Keep the run's folder (SQLite file, host and Mosquitto logs, bridge journals) for a post-mortem.</summary>
    public bool KeepFiles { get; init; }

    /// <summary>Real time per simulated day.</summary>
    public TimeSpan RealDay => TimeSpan.FromSeconds(86_400 / TimeScale);

    public TimeSpan RealSpan => RealDay * SimulatedDays;

    /// <summary>The short run the end-to-end tests make: 20 printers, one simulated day in 30 s, one host and one broker restart, two bridge restarts.</summary>
    public static SoakOptions ContinuousIntegration => new()
    {
        // run-all.sh gives each test 5 minutes (--blame-hang-timeout): 30 s of arrivals, a drain bounded at 3 minutes.
        Printers = 20,
        SimulatedDays = 1,
        TimeScale = 2880,
        OrdersPerDay = 30,
        HostRestarts = 1,
        BrokerRestarts = 1,
        BridgeRestarts = 2,
        DrainTimeout = TimeSpan.FromMinutes(3),
    };

    public const string Usage = """
        MakerShop.Bench.Soak: an accelerated soak of the whole pipeline with injected restarts.
          --printers N            virtual printers with their bridges (default 100)
          --days N                simulated days (default 7)
          --time-scale X          simulated seconds per real second (default 1440: a day in 60 s)
          --orders-per-day N      orders per simulated day (default 300)
          --corrupt-orders X      share of corrupted order requests (default 0.05)
          --corrupt-lines X       share of G-code lines the printers reject as corrupted (default 0.05)
          --host-restarts N       kill -9 and restart of the host (default 3)
          --broker-restarts N     kill -9 and restart of Mosquitto (default 3)
          --bridge-restarts N     restarts of a random printer's bridge (default 12)
          --drain-minutes N       how long production may take to finish after the last order (default 15)
          --seed N                random seed (default 19)
          --short                 the CI run: 20 printers, one day, one restart of each kind
          --json PATH             also write the report as JSON
          --keep                  keep the run's folder (database, host and Mosquitto logs, bridge journals)
        """;

    public static SoakOptions? Parse(string[] args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SoakOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (name == "--short")
            {
                options = ContinuousIntegration with { Seed = options.Seed, JsonPath = options.JsonPath, KeepFiles = options.KeepFiles };
                continue;
            }

            if (name == "--keep")
            {
                options = options with { KeepFiles = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            var ic = CultureInfo.InvariantCulture;
            var ok = true;
            switch (name)
            {
                case "--printers": ok = int.TryParse(value, ic, out var p) && p > 0; options = options with { Printers = p }; break;
                case "--days": ok = int.TryParse(value, ic, out var d) && d > 0; options = options with { SimulatedDays = d }; break;
                case "--time-scale": ok = double.TryParse(value, ic, out var t) && t >= 1; options = options with { TimeScale = t }; break;
                case "--orders-per-day": ok = int.TryParse(value, ic, out var o) && o > 0; options = options with { OrdersPerDay = o }; break;
                case "--corrupt-orders": ok = double.TryParse(value, ic, out var co) && co is >= 0 and < 1; options = options with { CorruptOrderShare = co }; break;
                case "--corrupt-lines": ok = double.TryParse(value, ic, out var cl) && cl is >= 0 and < 0.5; options = options with { CorruptSerialLineShare = cl }; break;
                case "--host-restarts": ok = int.TryParse(value, ic, out var hr) && hr >= 0; options = options with { HostRestarts = hr }; break;
                case "--broker-restarts": ok = int.TryParse(value, ic, out var br) && br >= 0; options = options with { BrokerRestarts = br }; break;
                case "--bridge-restarts": ok = int.TryParse(value, ic, out var bb) && bb >= 0; options = options with { BridgeRestarts = bb }; break;
                case "--drain-minutes": ok = double.TryParse(value, ic, out var dm) && dm > 0; options = options with { DrainTimeout = TimeSpan.FromMinutes(dm) }; break;
                case "--seed": ok = int.TryParse(value, ic, out var s); options = options with { Seed = s }; break;
                case "--json": options = options with { JsonPath = value }; break;
                default:
                    error = $"Unknown option {name}.";
                    return null;
            }

            if (!ok)
            {
                error = $"{name} {value} is not a valid value.";
                return null;
            }
        }

        return options;
    }
}
