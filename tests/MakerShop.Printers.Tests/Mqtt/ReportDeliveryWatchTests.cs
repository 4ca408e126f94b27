using MakerShop.Printers.Mqtt;

namespace MakerShop.Printers.Tests.Mqtt;

public sealed class ReportDeliveryWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

    [Fact]
    public void Telemetry_that_names_no_job_while_the_last_state_names_one_is_a_stall_once_it_lasts_longer_than_the_tolerance()
    {
        var watch = new ReportDeliveryWatch(Tolerance);
        watch.StateReceived("p1", "job-1", T0);
        watch.TelemetryReceived("p1", "job-1", T0.AddSeconds(5));
        watch.TelemetryReceived("p1", null, T0.AddSeconds(10));
        watch.TelemetryReceived("p1", null, T0.AddSeconds(15));

        Assert.Null(watch.FindStalled(T0.AddSeconds(40)));
        var stalled = watch.FindStalled(T0.AddSeconds(41));

        Assert.NotNull(stalled);
        Assert.Equal("p1", stalled.PrinterId);
        Assert.Equal("job-1", stalled.StateJobId);
        Assert.Null(stalled.TelemetryJobId);
        Assert.Equal(TimeSpan.FromSeconds(31), stalled.For);
    }

    [Fact]
    public void A_state_that_catches_up_with_the_telemetry_clears_the_disagreement()
    {
        var watch = new ReportDeliveryWatch(Tolerance);
        watch.StateReceived("p1", "job-1", T0);
        watch.TelemetryReceived("p1", null, T0.AddSeconds(1));
        watch.StateReceived("p1", null, T0.AddSeconds(20));

        Assert.Null(watch.FindStalled(T0.AddMinutes(5)));
    }

    [Fact]
    public void A_printer_the_shop_has_had_no_state_from_is_never_called_stalled()
    {
        var watch = new ReportDeliveryWatch(Tolerance);
        watch.TelemetryReceived("p1", "job-1", T0);
        watch.TelemetryReceived("p2", null, T0);
        watch.StateReceived("p2", null, T0);

        Assert.Null(watch.FindStalled(T0.AddHours(1)));
    }

    [Fact]
    public void A_reset_after_a_reconnect_gives_every_printer_a_fresh_tolerance()
    {
        var watch = new ReportDeliveryWatch(Tolerance);
        watch.StateReceived("p1", "job-1", T0);
        watch.TelemetryReceived("p1", "job-2", T0);
        Assert.NotNull(watch.FindStalled(T0.AddSeconds(31)));

        watch.Reset();
        watch.StateReceived("p1", "job-1", T0.AddSeconds(31));
        watch.TelemetryReceived("p1", "job-2", T0.AddSeconds(32));

        Assert.Null(watch.FindStalled(T0.AddSeconds(60)));
        Assert.NotNull(watch.FindStalled(T0.AddSeconds(63)));
    }
}
