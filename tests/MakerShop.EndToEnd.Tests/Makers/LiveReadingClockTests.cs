using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Reports;
using MakerShop.Web.Devices;
using MakerShop.Web.Makers;
using MakerShop.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.EndToEnd.Tests.Makers;

/// <summary>Live readings go by the shop's clock: a printer whose clock runs ahead cannot freeze what the pages show.</summary>
public sealed class LiveReadingClockTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private TestShop shop = null!;

    public async Task InitializeAsync()
    {
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await shop.Services.GetRequiredService<PrinterRegistry>().RegisterNewAsync(
            new PrinterRegistration("ana-mk4", "Ana's MK4", PrinterKind.FirmwareBridge, new Size3(250, 210, 220), 0.4, "PLA", "black", "FR", AutoEject: false)
            {
                Equipment = new PrinterEquipment("ana", Enclosed: false, HardenedNozzle: false),
            });
    }

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task A_reading_stamped_an_hour_in_the_future_does_not_hold_back_the_readings_after_it()
    {
        var sink = shop.Services.GetRequiredService<LiveReportSink>();
        var hub = shop.Services.GetRequiredService<TelemetryHub>();

        await sink.HandleAsync(Reading(nozzle: 180, reportedAt: clock.GetUtcNow().AddHours(1)));
        clock.Advance(TimeSpan.FromSeconds(1));
        await sink.HandleAsync(Reading(nozzle: 205, reportedAt: clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        await sink.HandleAsync(Reading(nozzle: 215, reportedAt: null));

        var live = hub.Latest("ana-mk4");
        Assert.NotNull(live);
        Assert.Equal(215, live.Heaters.Single(h => h.Name == "tool0").Actual);
        Assert.Equal(clock.GetUtcNow(), live.At);

        // The maker's page shows the same, not the future-stamped reading.
        var printer = Assert.Single(await shop.Services.GetRequiredService<MakerScope>().PrintersOfAsync("ana", CancellationToken.None));
        Assert.Equal(215, printer.Heaters.Single(h => h.Name == "tool0").Actual);
    }

    [Fact]
    public async Task The_printers_own_stamp_travels_with_the_live_reading_for_delay_measurement()
    {
        var stamped = clock.GetUtcNow().AddSeconds(-2);
        await shop.Services.GetRequiredService<LiveReportSink>().HandleAsync(Reading(nozzle: 200, reportedAt: stamped));

        var live = shop.Services.GetRequiredService<TelemetryHub>().Latest("ana-mk4");
        Assert.NotNull(live);
        Assert.Equal(clock.GetUtcNow(), live.At);
        Assert.Equal(stamped, live.ReportedAt);
        Assert.Contains("\"reportedAt\":", live.Json, StringComparison.Ordinal);
    }

    private TelemetryReport Reading(double nozzle, DateTimeOffset? reportedAt) =>
        new("ana-mk4", clock.GetUtcNow(), [new HeaterReading("tool0", nozzle, 215), new HeaterReading("bed", 60, 60)], JobId: null, Progress: null, EtaSeconds: null)
        {
            ReportedAt = reportedAt,
        };
}
