using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>Runs the month for each seed under the ship-on-time policy and the FIFO baseline and prints the table.</summary>
public static class SimulationRunner
{
    public static int Run(string[] args)
    {
        var seeds = new List<int> { 1, 2, 3 };
        var options = new SimulationOptions();
        string? output = null;
        TimeSpan? maxHoldOut = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds":
                    seeds = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--orders":
                    options = options with { Orders = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--mean-print-hours":
                    options = options with { MeanPrintHours = double.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--max-hold-out-hours":
                    maxHoldOut = TimeSpan.FromHours(double.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--show-late":
                    options = options with { ShowLateOrders = true };
                    break;
                case "--out":
                    output = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Usage: simulate [--seeds 1,2,3] [--orders 2000] [--mean-print-hours 8.5] [--max-hold-out-hours 2] [--show-late] [--out results.md]");
                    return 2;
            }
        }

        // Swaps are allowed in the simulated farm: some colours are loaded nowhere at the start.
        var settings = SchedulingSettings.Default with { AllowSwaps = true, MaxHoldOut = maxHoldOut ?? SchedulingSettings.Default.MaxHoldOut };
        var results = new List<SimulationResult>();
        foreach (var seed in seeds)
        {
            var seeded = options with { Seed = seed };
            results.Add(new FarmSimulation(seeded, new ShipOnTimeSchedulingPolicy(), settings).Run("ShipOnTime"));
            results.Add(new FarmSimulation(seeded, new FifoSchedulingPolicy(), settings).Run("FIFO"));
        }

        var table = ResultTable.Render(results);
        Console.WriteLine(table);
        if (output is not null)
        {
            File.WriteAllText(output, table);
        }

        return 0;
    }
}
