using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>
/// A month of orders with a daily rhythm (quiet nights, busy evenings, UTC), shipping mostly to Europe and North
/// America, in a realistic mix of materials, colours, sizes and print times. Seeded: the same seed, the same orders.
/// </summary>
public static class OrderStream
{
    private static readonly double[] HourWeights =
        [0.3, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 0.9, 1.1, 1.3, 1.4, 1.4, 1.5, 1.4, 1.4, 1.5, 1.6, 1.7, 1.9, 2.0, 1.9, 1.6, 1.0, 0.6];

    private static readonly (string Country, double Weight)[] Destinations =
    [
        ("DE", 24), ("FR", 18), ("GB", 12), ("US", 14), ("IT", 6), ("ES", 6), ("NL", 5), ("AT", 3), ("CH", 4), ("CA", 3), ("JP", 2), ("AU", 2), ("PL", 1),
    ];

    private static readonly (string Material, string Colour, double Weight)[] Filaments =
    [
        ("PLA", "black", 23), ("PLA", "white", 16), ("PLA", "grey", 10), ("PLA", "red", 6), ("PLA", "blue", 6), ("PLA", "orange", 4),
        ("PETG", "black", 10), ("PETG", "orange", 6), ("PETG", "clear", 4),
        ("ABS", "black", 5), ("ABS", "white", 4), ("PLA-CF", "black", 6),
    ];

    private static readonly (int Units, double Weight)[] UnitCounts = [(1, 50), (2, 25), (3, 13), (4, 8), (6, 4)];

    public static List<SimOrderSpec> Generate(SimulationOptions options, DateTimeOffset start)
    {
        var random = new Random(options.Seed);
        var times = new List<DateTimeOffset>(options.Orders);
        for (var i = 0; i < options.Orders; i++)
        {
            var day = random.Next(options.Days);
            var hour = Pick(random, HourWeights.Select((w, h) => (h, w)).ToArray());
            times.Add(start.AddDays(day).AddHours(hour).AddSeconds(random.Next(3600)));
        }

        times.Sort();
        var orders = new List<SimOrderSpec>(options.Orders);
        for (var i = 0; i < times.Count; i++)
        {
            var express = random.NextDouble() < options.ExpressShare;
            var units = new List<SimUnit>();
            var count = Pick(random, UnitCounts);
            var (material, colour) = PickFilament(random);
            var size = PickSize(random);
            var printTime = PickPrintTime(random, options.MeanPrintHours, size);
            for (var u = 0; u < count; u++)
            {
                // Most orders repeat one product; some mix in another.
                if (u > 0 && random.NextDouble() < 0.3)
                {
                    (material, colour) = PickFilament(random);
                    size = PickSize(random);
                    printTime = PickPrintTime(random, options.MeanPrintHours, size);
                }

                units.Add(new SimUnit(material, colour, size, printTime));
            }

            var placed = times[i];
            var shipBy = placed.AddDays(express ? options.ExpressLeadDays : options.StandardLeadDays);
            orders.Add(new SimOrderSpec($"ord-{i + 1:0000}", placed, Pick(random, Destinations), express, shipBy, units));
        }

        return orders;
    }

    private static (string Material, string Colour) PickFilament(Random random)
    {
        var pick = Pick(random, Filaments.Select(f => ((f.Material, f.Colour), f.Weight)).ToArray());
        return pick;
    }

    private static Size3 PickSize(Random random)
    {
        var roll = random.NextDouble();
        return roll < 0.8 ? new Size3(20 + random.Next(130), 20 + random.Next(130), 10 + random.Next(140))
            : roll < 0.93 ? new Size3(150 + random.Next(50), 100 + random.Next(100), 100 + random.Next(100))
            : new Size3(220 + random.Next(80), 150 + random.Next(150), 150 + random.Next(150));
    }

    private static TimeSpan PickPrintTime(Random random, double meanHours, Size3 size)
    {
        // Log-normal with sigma 0.6 (mean = exp(mu + sigma²/2)); big parts take longer.
        const double sigma = 0.6;
        var mu = Math.Log(meanHours) - (sigma * sigma / 2);
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var hours = Math.Exp(mu + (sigma * normal)) * (size.X > 210 ? 1.5 : 1);
        return TimeSpan.FromMinutes(Math.Round(Math.Clamp(hours, 0.3, 30) * 60));
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = random.NextDouble() * total;
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
