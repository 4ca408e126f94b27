using System.Diagnostics;
using System.Globalization;
using Dapper;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Bench.Scheduling.DispatchWindow;

/// <summary>
/// What one dispatch pass costs as the queue grows, on a real SQLite file: the snapshot read and the policy's plan,
/// once over the whole queue (how the dispatcher worked before the window) and once over the window it reads now.
/// <c>window [--jobs 1000,10000,100000,258487] [--printers 100] [--runs 5]</c>
/// </summary>
public static class DispatchPassTiming
{
    private static readonly (string Material, string Colour)[] Filaments =
        [("PLA", "black"), ("PLA", "white"), ("PLA", "grey"), ("PLA", "red"), ("PETG", "orange"), ("PETG", "black")];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--jobs", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var printers = int.Parse(Option(args, "--printers", "100"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        Console.WriteLine("| queued jobs | whole queue: read ms | whole queue: plan ms | window: jobs read | window: read ms | window: plan ms | whole ÷ window |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var jobs in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), "makershop-bench-window", Guid.NewGuid().ToString("N"));
            var options = new StorageOptions { DataDirectory = folder };
            var paths = DataPaths.Resolve(options, Path.GetTempPath());
            paths.EnsureCreated();
            var connections = new SqliteConnectionFactory(paths, options);
            try
            {
                await new MigrationRunner(connections, paths, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(MigrationCatalog.All);
                var now = await SeedAsync(connections, jobs, printers);
                var store = new SchedulingSnapshotStore(connections);
                var policy = new ShipOnTimeSchedulingPolicy();
                var whole = new QueueWindow(int.MaxValue, DeadlineOrder: true);
                var window = new QueueWindow(200, DeadlineOrder: true);
                // The window first: the whole queue's garbage must not be collected on the window's time.
                var (windowRead, windowPlan, windowJobs) = await MedianAsync(store, policy, now, window, runs);
                var (wholeRead, wholePlan, _) = await MedianAsync(store, policy, now, whole, runs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {jobs:N0} | {wholeRead:F1} | {wholePlan:F1} | {windowJobs:N0} | {windowRead:F1} | {windowPlan:F1} | {(wholeRead + wholePlan) / (windowRead + windowPlan):F0} × |"));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is null) { Directory.Delete(folder, recursive: true); } else { Console.WriteLine(folder); }
            }
        }

        return 0;
    }

    private static async Task<(double ReadMs, double PlanMs, int Jobs)> MedianAsync(
        SchedulingSnapshotStore store, ShipOnTimeSchedulingPolicy policy, DateTimeOffset now, QueueWindow window, int runs)
    {
        var reads = new List<double>();
        var plans = new List<double>();
        var count = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await store.ReadAsync(now, ProximityShippingEstimates.Typical, SchedulingSettings.Default, window);
            reads.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            policy.Schedule(snapshot);
            plans.Add(watch.Elapsed.TotalMilliseconds);
            count = snapshot.QueuedJobs.Count;
        }

        reads.Sort();
        plans.Sort();
        return (reads[runs / 2], plans[runs / 2], count);
    }

    private static async Task<DateTimeOffset> SeedAsync(SqliteConnectionFactory connections, int jobs, int printers)
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var random = new Random(7);
        await using var session = await DbSession.BeginAsync(connections);
        string[] countries = ["DE", "FR", "IT"];
        foreach (var country in countries)
        {
            await MakerStore.UpsertAsync(session, Maker.Create("maker-" + country.ToLowerInvariant(), "Maker " + country, country, now));
        }

        for (var i = 0; i < printers; i++)
        {
            var (material, colour) = Filaments[i % Filaments.Length];
            var printer = Printer.Register($"printer-{i:000}", $"Printer {i}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, material, colour,
                countries[i % countries.Length], autoEject: true, now, new PrinterEquipment("maker-" + countries[i % countries.Length].ToLowerInvariant(), Enclosed: false, HardenedNozzle: false));
            printer.MarkOnline(bedClear: true, now);
            await PrinterStore.UpsertAsync(session, printer, "hash");
            await PrinterStore.UpdateAsync(session, printer);
        }

        // One order per 100 jobs, as the fuzzer's huge orders were: rows are written directly, the order rules are not the subject.
        for (var i = 0; i < jobs; i++)
        {
            var orderId = $"ord_{i / 100:000000}";
            var (material, colour) = Filaments[random.Next(Filaments.Length)];
            if (i % 100 == 0)
            {
                var order = Order.Place(orderId, "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, countries[random.Next(2)]),
                    Currency.Eur, [new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(450, Currency.Eur))], express: false, now, now.AddDays(5));
                order.MarkPaid(now);
                await OrderStore.InsertAsync(session, order, null, "hash", firstNumber: 1);
            }

            await PrintJobStore.InsertAsync(session, PrintJob.Create(
                $"job_{i:0000000}", orderId, i % 100, "cube", material, colour, new Size3(20, 20, 20), TimeSpan.FromMinutes(20 + random.Next(600)),
                "gcode/cube.gcode", new string('a', 64), 1234, now.AddHours(24 + random.Next(24 * 10)), express: false, maxAttempts: 3, now.AddSeconds(-i)));
        }

        await session.CommitAsync();
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync("ANALYZE main");
        return now;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
