using MakerShop.Core;

namespace MakerShop.Bench.Scheduling;

/// <summary>A big shop's moment: 10,000 queued jobs and 1,000 idle printers of 40 makers in 8 countries, seeded.</summary>
public static class LargeQueue
{
    private static readonly string[] Countries = ["DE", "FR", "IT", "ES", "NL", "GB", "US", "PL"];
    private static readonly string[] Destinations = ["DE", "FR", "IT", "ES", "NL", "GB", "US", "PL", "CH", "CA", "JP", "AT"];
    private static readonly (string Material, string Colour)[] Filaments =
    [
        ("PLA", "black"), ("PLA", "white"), ("PLA", "grey"), ("PLA", "red"), ("PLA", "blue"), ("PLA", "orange"), ("PETG", "black"),
        ("PETG", "orange"), ("PETG", "clear"), ("ABS", "black"), ("ABS", "white"), ("PLA-CF", "black"),
    ];

    public static SchedulingSnapshot Create(int jobs, int printers, bool allowSwaps, int seed = 42)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var makers = Enumerable.Range(0, 40).Select(m => Maker.Create($"maker-{m:00}", $"Maker {m}", Countries[m % Countries.Length], now)).ToList();
        var fleet = new List<Printer>(printers);
        for (var i = 0; i < printers; i++)
        {
            var maker = makers[i % makers.Count];
            var (material, colour) = Filaments[random.Next(Filaments.Length)];
            var printer = Printer.Register(
                $"printer-{i:0000}", $"Printer {i}", PrinterKind.FirmwareBridge,
                i % 5 == 0 ? new Size3(350, 350, 350) : new Size3(250, 210, 210), 0.4, material, colour, maker.CountryCode,
                autoEject: false, now, new PrinterEquipment(maker.Id, Enclosed: material == "ABS" || i % 3 == 0, HardenedNozzle: material == "PLA-CF" || i % 4 == 0));
            printer.MarkOnline(bedClear: true, now);
            fleet.Add(printer);
        }

        var queue = new List<PrintJob>(jobs);
        var orders = new Dictionary<string, SchedulingOrder>(StringComparer.Ordinal);
        for (var i = 0; i < jobs; i++)
        {
            var orderId = $"ord-{i / 2:00000}";
            var (material, colour) = Filaments[random.Next(Filaments.Length)];
            var size = random.NextDouble() < 0.1 ? new Size3(300, 200, 200) : new Size3(80, 60, 40);
            queue.Add(PrintJob.Create(
                $"job-{i:00000}", orderId, i % 2, "part", material, colour, size, TimeSpan.FromMinutes(30 + random.Next(600)), "g.gcode",
                new string('0', 64), 1, now.AddHours(2 + random.Next(24 * 6)), random.NextDouble() < 0.1, 3, now.AddMinutes(-random.Next(10_000))));
            if (!orders.ContainsKey(orderId))
            {
                orders[orderId] = new SchedulingOrder(orderId, Destinations[random.Next(Destinations.Length)], i % 7 == 0 ? [makers[random.Next(makers.Count)].Id] : []);
            }
        }

        return new SchedulingSnapshot(now, queue, fleet, makers, orders, new Simulation.SimShippingZones(), SchedulingSettings.Default with { AllowSwaps = allowSwaps });
    }
}
