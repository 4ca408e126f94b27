using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Printers.Tests.Logging;

/// <summary>
/// What an operator's log shows of a printer that stops answering for a long time and comes back: one line each way,
/// not a line (or a stack trace) per poll. Levels are those the events carry before the host's filter.
/// </summary>
public sealed class HttpPrinterReachabilityLogTests
{
    private const string PrinterId = "octo-garage";
    private const string ApiKey = "0123456789ABCDEF0123456789ABCDEF";
    private const int Polls = 12;

    [Fact]
    public async Task A_printer_unreachable_for_many_polls_is_named_once_at_Warning_without_a_stack_trace_and_once_when_it_answers_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = PrinterId }, clock);
        await using var server = new FakeOctoPrintServer(machine, ApiKey);
        await server.StartAsync();
        var logs = new CapturedLogs();
        await using var services = Services(server.BaseUrl, clock, logs);
        var poller = services.GetRequiredService<HttpPrinterPoller>();
        await poller.PollOnceAsync();
        Assert.DoesNotContain(logs.Events, e => e.Level >= LogLevel.Information);

        await server.StopAsync();
        logs.Clear();
        for (var poll = 0; poll < Polls; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await poller.PollOnceAsync();
        }

        var warning = Assert.Single(logs.Events, e => e.Level >= LogLevel.Information);
        Assert.Equal((LogLevel.Warning, typeof(HttpPrinterPoller).FullName), (warning.Level, warning.Category));
        Assert.Contains(PrinterId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("does not answer", warning.Message, StringComparison.Ordinal);
        Assert.Contains("refused", warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(warning.Exception);
        // The retries did happen, every poll; they are Debug detail now.
        Assert.True(logs.Events.Count(e => e.Category == "Polly" && e.Message.Contains("OnRetry", StringComparison.Ordinal)) >= Polls);
        Assert.All(logs.Events.Where(e => e.Category == "Polly"), e => Assert.Equal(LogLevel.Debug, e.Level));

        await server.StartAsync();
        logs.Clear();
        for (var poll = 0; poll < Polls; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await poller.PollOnceAsync();
        }

        var back = Assert.Single(logs.Events, e => e.Level >= LogLevel.Information);
        Assert.Equal(LogLevel.Information, back.Level);
        Assert.Contains(PrinterId, back.Message, StringComparison.Ordinal);
        Assert.Contains("answers the shop again", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_printer_that_refuses_the_api_key_is_named_once_with_the_refusal()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = PrinterId }, clock);
        await using var server = new FakeOctoPrintServer(machine, "ANOTHERKEY0123456789ABCDEF012345");
        await server.StartAsync();
        var logs = new CapturedLogs();
        await using var services = Services(server.BaseUrl, clock, logs);
        var poller = services.GetRequiredService<HttpPrinterPoller>();

        for (var poll = 0; poll < Polls; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await poller.PollOnceAsync();
        }

        var warning = Assert.Single(logs.Events, e => e.Level >= LogLevel.Information);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"Printer {PrinterId} refuses the shop's API key", warning.Message, StringComparison.Ordinal);
        Assert.Contains("403", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OctoPrint_whose_printer_is_switched_off_names_the_closed_link_once_and_its_later_connect_asks_only_at_Debug()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = PrinterId }, clock);
        await using var server = new FakeOctoPrintServer(machine, ApiKey);
        await server.StartAsync();
        server.Host.PrinterSwitchedOff = true;
        server.Host.Disconnect();
        var logs = new CapturedLogs();
        await using var services = Services(server.BaseUrl, clock, logs);
        var poller = services.GetRequiredService<HttpPrinterPoller>();

        for (var poll = 0; poll < 100; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await poller.PollOnceAsync();
        }

        var protocolLines = logs.Events.Where(e => e.Category == typeof(OctoPrintProtocol).FullName).ToList();
        var named = Assert.Single(protocolLines, e => e.Level >= LogLevel.Information);
        Assert.Contains($"OctoPrint {PrinterId}", named.Message, StringComparison.Ordinal);
        Assert.Contains("asking it to connect", named.Message, StringComparison.Ordinal);
        var later = protocolLines.Where(e => e.Level == LogLevel.Debug && e.Message.Contains("connect again", StringComparison.Ordinal)).ToList();
        Assert.True(later.Count >= 4, $"{later.Count} later asks were logged");
        Assert.Contains(OctoPrintHost.NoPortError, later[^1].Message, StringComparison.Ordinal);
        Assert.False(machine.Snapshot().Operational);
    }

    private static ServiceProvider Services(Uri baseUrl, FakeTimeProvider clock, CapturedLogs logs)
    {
        var directory = new TestDirectory();
        directory.Put(new HttpPrinterEndpoint(PrinterId, PrinterKind.OctoPrint, baseUrl, ApiKey, new DeviceCredentials(PrinterId, "unused-secret"), AutoEject: true));
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<RecordingReportSink>()
            .AddSingleton<IPrinterReportSink>(sp => sp.GetRequiredService<RecordingReportSink>())
            .AddSingleton<IHttpPrinterDirectory>(directory)
            .AddSingleton(new HttpPrinterMonitor(clock, TimeSpan.FromSeconds(30)))
            .AddHttpPrinterDrivers(new HttpPrinterClientSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), StatusRetries: 2))
            .BuildServiceProvider();
    }
}
