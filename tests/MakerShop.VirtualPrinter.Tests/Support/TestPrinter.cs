using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.VirtualPrinter.Tests.Support;

/// <summary>A virtual printer on a free loopback port with one raw host connected to it.</summary>
internal sealed class TestPrinter : IAsyncDisposable
{
    private readonly DateTimeOffset startedAt;

    private TestPrinter(VirtualMarlinPrinter printer, RawMarlinClient host, FakeTimeProvider? time)
    {
        Printer = printer;
        Host = host;
        Time = time;
        startedAt = time?.GetUtcNow() ?? default;
    }

    public VirtualMarlinPrinter Printer { get; }

    public RawMarlinClient Host { get; }

    /// <summary>Set when the printer runs on fake time: nothing simulated happens until the test advances it.</summary>
    public FakeTimeProvider? Time { get; }

    public static Task<TestPrinter> StartAsync(VirtualPrinterOptions options) => StartAsync(options, TimeProvider.System, null);

    /// <summary>A printer whose time stands still until the test advances it, so "not yet" is deterministic.</summary>
    public static Task<TestPrinter> StartFrozenAsync(VirtualPrinterOptions options)
    {
        var time = new FakeTimeProvider();
        return StartAsync(options with { TimeScale = 1 }, time, time);
    }

    /// <summary>Fake time advanced since start; at TimeScale 1 that is the printer's simulated time.</summary>
    public TimeSpan Elapsed => (Time ?? throw new InvalidOperationException("Only a frozen printer has fake time.")).GetUtcNow() - startedAt;

    public Task<RawMarlinClient> ReconnectAsync() => RawMarlinClient.ConnectAsync(Printer.Port);

    /// <summary>
    /// Advances fake time in steps (a quarter second unless given) until a reply arrives. The reply can come no
    /// earlier than the printer allows; on a slow machine it may be read a step late, so tests bound it loosely.
    /// </summary>
    public async Task<string> AdvanceUntilReplyAsync(TimeSpan? stepSize = null)
    {
        var time = Time ?? throw new InvalidOperationException("Only a frozen printer can be advanced.");
        var step = stepSize ?? TimeSpan.FromMilliseconds(250);
        for (var advanced = TimeSpan.Zero; advanced < TimeSpan.FromMinutes(1); advanced += step)
        {
            // A look first: the reply may already be on its way from the last step.
            if (await Host.TryReadLineAsync(TimeSpan.FromMilliseconds(100)) is { } line)
            {
                return line;
            }

            time.Advance(step);
        }

        throw new TimeoutException("No reply after a simulated minute.");
    }

    /// <summary>Advances fake time until a reply matching <paramref name="last"/> arrives; returns every reply up to it.</summary>
    public async Task<List<string>> AdvanceUntilAsync(Func<string, bool> last, TimeSpan? stepSize = null)
    {
        var lines = new List<string>();
        do
        {
            lines.Add(await AdvanceUntilReplyAsync(stepSize));
        }
        while (!last(lines[^1]));

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Printer.DisposeAsync();
    }

    private static async Task<TestPrinter> StartAsync(VirtualPrinterOptions options, TimeProvider timeProvider, FakeTimeProvider? fake)
    {
        var printer = new VirtualMarlinPrinter(options, timeProvider, NullLogger<VirtualMarlinPrinter>.Instance);

        // Started from the pool, the printer's loops do not capture xunit's two-thread context, as in a real host.
        await Task.Run(() => printer.StartAsync()).WaitAsync(Await.Timeout);
        var host = await RawMarlinClient.ConnectAsync(printer.Port);
        return new TestPrinter(printer, host, fake);
    }
}
