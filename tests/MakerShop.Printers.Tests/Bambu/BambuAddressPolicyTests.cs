using System.Net;
using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.Printers.Tests.Support.Bambu;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The shop's printer address policy holds at every MQTT and FTPS connection to a Bambu Lab printer, not only at registration.</summary>
public sealed class BambuAddressPolicyTests
{
    [Fact]
    public async Task A_refused_address_gets_no_MQTT_connection_and_no_upload_and_a_warning_names_the_printer()
    {
        await using var rig = await BambuRig.StartAsync();
        var filter = new SwitchableFilter();
        var logs = new WarningLog();
        var check = new BambuAddressCheck(filter);
        await using var sessions = new BambuSessions(rig.Options, rig.SessionClock, logs, check);
        var protocol = new BambuLanProtocol(sessions, rig.Transfer, new BambuProjectPackager(), rig.Options, rig.SessionClock, logs.CreateLogger<BambuLanProtocol>(), check);

        filter.Refuse = true;
        var seen = await rig.ObserveWithAsync(protocol, o => o.Reason?.Contains("does not connect", StringComparison.Ordinal) == true, "the MQTT connection is refused by the policy");

        Assert.Equal(ObservedLink.Unreachable, seen.Link);
        Assert.Contains("does not connect to 127.0.0.1: a test policy", seen.Reason, StringComparison.Ordinal);
        Assert.Equal(0, sessions.Find("bambu-test")!.Connections);
        Assert.Contains(logs.Warnings, w => w.Contains("bambu-test", StringComparison.Ordinal) && w.Contains("MQTT", StringComparison.Ordinal));

        // The FTPS side asks too: nothing is uploaded to a refused address.
        var start = new StartJobArguments("job_p", new Uri("http://shop.invalid/g"), "", 3);
        var refused = await protocol.UploadAndPrintAsync(rig.Endpoint, "job_p.gcode", new MemoryStream(Encoding.ASCII.GetBytes("G28")), start);
        Assert.NotEqual(HttpCallOutcome.Done, refused.Outcome);
        Assert.Empty(Directory.GetFiles(rig.Storage));
        Assert.Equal(HttpCallOutcome.Rejected, (await protocol.DeleteJobFileAsync(rig.Endpoint, "job_p")).Outcome);
        Assert.Contains(logs.Warnings, w => w.Contains("bambu-test", StringComparison.Ordinal) && w.Contains("FTPS", StringComparison.Ordinal));

        // Allowed again, the session connects.
        filter.Refuse = false;
        await rig.ObserveWithAsync(protocol, o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE once its address is allowed");
    }

    private sealed class SwitchableFilter : IHttpPrinterAddressFilter
    {
        public volatile bool Refuse;

        public string? Refusal(string host, int port, IReadOnlyList<IPAddress> addresses) => Refuse ? "a test policy refuses it" : null;
    }

    private sealed class WarningLog : ILoggerFactory, ILogger
    {
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (_warnings)
                {
                    return [.. _warnings];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (_warnings)
                {
                    _warnings.Add(formatter(state, exception));
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
