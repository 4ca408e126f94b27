using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>
/// Two dispatch passes (as two shop nodes would run them: no shared in-process lock) that read the same queue and
/// fleet and then write their plans: the database lets each job and each printer be claimed once.
/// </summary>
public sealed class ConcurrentDispatchTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();
    private readonly ShipOnTimeSchedulingPolicy _policy = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Two_passes_planned_from_the_same_snapshot_never_give_a_job_two_printers_or_a_printer_two_jobs()
    {
        await SeedAsync(printers: 6, jobs: 20);
        var snapshotA = await ReadAsync();
        var snapshotB = await ReadAsync();
        var planA = _policy.Schedule(snapshotA);
        var planB = _policy.Schedule(snapshotB);
        Assert.Equal(6, planA.Count);
        Assert.Equal(planA, planB);

        var claimedA = await ApplyAsync(snapshotA, planA);
        var claimedB = await ApplyAsync(snapshotB, planB);

        Assert.Equal((6, 0), (claimedA, claimedB));
        await AssertOneToOneAsync(expectedAssigned: 6);
    }

    [Fact]
    public async Task Overlapping_passes_with_different_plans_still_claim_each_row_once()
    {
        await SeedAsync(printers: 8, jobs: 30);
        var snapshotA = await ReadAsync();
        var snapshotB = await ReadAsync();
        // B plans as FIFO would: other jobs on the same printers, so its claims collide printer by printer.
        var planA = _policy.Schedule(snapshotA);
        var planB = new FifoSchedulingPolicy().Schedule(snapshotB);
        Assert.NotEqual(planA.Select(a => a.JobId).Order(), planB.Select(a => a.JobId).Order());

        var claims = await Task.WhenAll(Task.Run(() => ApplyAsync(snapshotA, planA)), Task.Run(() => ApplyAsync(snapshotB, planB)));

        Assert.Equal(8, claims.Sum());
        await AssertOneToOneAsync(expectedAssigned: 8);
    }

    [Fact]
    public async Task A_claim_fails_when_the_row_changed_after_the_snapshot()
    {
        await SeedAsync(printers: 3, jobs: 3);
        var snapshot = await ReadAsync();
        var plan = _policy.Schedule(snapshot);
        Assert.Equal(3, plan.Count);
        await using (var connection = await _db.Connections.OpenAsync())
        {
            // After the read: the owner holds one job, a maker stops, a bed turns out to be occupied.
            await connection.ExecuteAsync("UPDATE print_jobs SET held = 1 WHERE id = @Id", new { Id = plan[0].JobId });
            await connection.ExecuteAsync("UPDATE makers SET active = 0 WHERE id = (SELECT maker_id FROM printers WHERE id = @Id)", new { Id = plan[1].PrinterId });
            await connection.ExecuteAsync("UPDATE printers SET bed_clear = 0, status = 'NeedsBedClear' WHERE id = @Id", new { Id = plan[2].PrinterId });
        }

        Assert.Equal(0, await ApplyAsync(snapshot, plan));
        await AssertOneToOneAsync(expectedAssigned: 0);
    }

    private async Task SeedAsync(int printers, int jobs)
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using var session = await DbSession.BeginAsync(_db.Connections);
        string[] countries = ["DE", "FR"];
        foreach (var country in countries)
        {
            await MakerStore.UpsertAsync(session, Maker.Create("maker-" + country.ToLowerInvariant(), "Maker " + country, country, Now));
        }

        for (var i = 0; i < printers; i++)
        {
            var country = countries[i % 2];
            var printer = Printer.Register($"printer-{i}", $"P{i}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", country,
                autoEject: true, Now, new PrinterEquipment("maker-" + country.ToLowerInvariant(), Enclosed: false, HardenedNozzle: false));
            printer.MarkOnline(bedClear: true, Now);
            await PrinterStore.UpsertAsync(session, printer, "hash");
            await PrinterStore.UpdateAsync(session, printer);
        }

        for (var i = 0; i < jobs; i++)
        {
            var order = Order.Place($"ord_{i}", "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, countries[i % 2]),
                Currency.Eur, [new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(450, Currency.Eur))], express: false, Now, Now.AddDays(1 + i % 4));
            order.MarkPaid(Now);
            await OrderStore.InsertAsync(session, order, $"key-{i}", "hash", 1, default);
            await PrintJobStore.InsertAsync(session, PrintJob.Create(
                $"job_{i:00}", order.Id, 0, "cube", "PLA", "black", new Size3(20, 20, 20), TimeSpan.FromMinutes(30 + i), "gcode/cube.gcode",
                new string('a', 64), 1234, order.ShipBy, express: false, maxAttempts: 3, Now.AddSeconds(i)));
        }

        await session.CommitAsync();
    }

    private Task<SchedulingSnapshot> ReadAsync() =>
        new SchedulingSnapshotStore(_db.Connections).ReadAsync(Now, ProximityShippingEstimates.Typical, SchedulingSettings.Default);

    /// <summary>What the dispatcher does with a plan: move the snapshot's objects, then claim their rows.</summary>
    private async Task<int> ApplyAsync(SchedulingSnapshot snapshot, IReadOnlyList<JobAssignment> plan)
    {
        var claimed = 0;
        await using var session = await DbSession.BeginAsync(_db.Connections);
        foreach (var assignment in plan)
        {
            var job = snapshot.QueuedJobs.Single(j => j.Id == assignment.JobId);
            var printer = snapshot.Printers.Single(p => p.Id == assignment.PrinterId);
            job.Assign(printer.Id, Now, assignment.Reason);
            printer.Reserve(job.Id, Now);
            if (await AssignmentStore.TryClaimAsync(session, job, printer))
            {
                claimed++;
            }
        }

        await session.CommitAsync();
        return claimed;
    }

    private async Task AssertOneToOneAsync(int expectedAssigned)
    {
        await using var connection = await _db.Connections.OpenAsync();
        var assigned = (await connection.QueryAsync<(string Id, string PrinterId, string? Reason)>(
            "SELECT id, printer_id, assignment_reason FROM print_jobs WHERE status = 'Assigned'")).ToList();
        var busy = (await connection.QueryAsync<(string Id, string JobId)>(
            "SELECT id, current_job_id FROM printers WHERE status = 'Busy'")).ToList();

        Assert.Equal(expectedAssigned, assigned.Count);
        Assert.Equal(assigned.Count, assigned.Select(a => a.PrinterId).Distinct().Count());
        Assert.Equal(
            assigned.Select(a => (a.PrinterId, a.Id)).Order(),
            busy.Select(b => (b.Id, b.JobId)).Order());
        Assert.All(assigned, a => Assert.False(string.IsNullOrEmpty(a.Reason)));
    }
}
