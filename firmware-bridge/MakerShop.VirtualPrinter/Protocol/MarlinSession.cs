using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using MakerShop.VirtualPrinter.Simulation;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// One host connection, which is one power cycle of the printer: it starts with "start", a fresh line counter and
/// cold heaters. The receive side validates lines and handles M112 at once; an executor runs queued commands in order.
/// </summary>
internal sealed class MarlinSession : IAsyncDisposable
{
    private const string KillMessage = "Error:Printer halted. kill() called!";

    private readonly TcpClient client;
    private readonly VirtualPrinterOptions options;
    private readonly SimulatedClock clock;
    private readonly ExecutedCommandLog log;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ReplyWriter writer;
    private readonly LineNumberValidator validator;
    private readonly Heaters heaters;
    private readonly TemperatureAutoReporter autoReporter;
    private readonly MarlinMachine machine;
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource lifetime = new();
    private readonly CancellationTokenSource execution;
    private Task completion = Task.CompletedTask;
    private int killed;

    public MarlinSession(
        TcpClient client,
        VirtualPrinterOptions options,
        SimulatedClock clock,
        ExecutedCommandLog log,
        Func<long, bool> shouldCorrupt,
        TimeProvider timeProvider,
        ILogger logger)
    {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.log = log;
        this.timeProvider = timeProvider;
        this.logger = logger;
        execution = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        writer = new ReplyWriter(client.GetStream());
        validator = new LineNumberValidator(shouldCorrupt);
        heaters = new Heaters(options, clock);
        autoReporter = new TemperatureAutoReporter(clock, heaters, writer.WriteLineAsync);
        machine = new MarlinMachine(options, clock, heaters, autoReporter, writer.WriteLineAsync);
    }

    public bool IsKilled => Volatile.Read(ref killed) == 1;

    public void Start() =>
        completion = Task.WhenAll(
            Guard(ReceiveAsync(lifetime.Token)),
            Guard(ExecuteAsync(execution.Token)),
            Guard(autoReporter.RunAsync(timeProvider, execution.Token)));

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        client.Dispose();
        await completion;
        await writer.DisposeAsync();
        autoReporter.Dispose();
        execution.Dispose();
        lifetime.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteLineAsync("start", cancellationToken);
            using var reader = new StreamReader(client.GetStream(), leaveOpen: true);
            while (await reader.ReadLineAsync(cancellationToken) is { } raw)
            {
                if (IsKilled)
                {
                    continue;
                }

                if (EmergencyParser.IsEmergencyStop(raw))
                {
                    await KillAsync(cancellationToken);
                    continue;
                }

                var incoming = validator.Validate(raw);
                if (incoming.Kind == IncomingLineKind.Command)
                {
                    queue.Writer.TryWrite(incoming.Command);
                }
                else if (incoming.Kind == IncomingLineKind.Rejected)
                {
                    await RequestResendAsync(incoming.Error!, cancellationToken);
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }
    }

    /// <summary>Prusa-style: the error, the line wanted next, then an ok (Marlin 2.0.x leaves the ok out).</summary>
    private async Task RequestResendAsync(string error, CancellationToken cancellationToken)
    {
        logger.LogInformation("Virtual printer {PrinterName} rejected a line: {Error}", options.Name, error);
        await writer.WriteLineAsync("Error:" + error, cancellationToken);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Resend: {validator.LastLine + 1}"), cancellationToken);
        await writer.WriteLineAsync(MarlinMachine.Ok, cancellationToken);
    }

    private async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        await foreach (var command in queue.Reader.ReadAllAsync(cancellationToken))
        {
            log.Add(command);
            var ok = await machine.ExecuteAsync(GcodeCommand.Parse(command), cancellationToken);
            await writer.WriteLineAsync(ok, cancellationToken);
        }
    }

    private async Task KillAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref killed, 1);
        log.Add("M112");
        await execution.CancelAsync();
        heaters.Hotend.SetTarget(0, clock.Now);
        heaters.Bed.SetTarget(0, clock.Now);
        logger.LogWarning("Virtual printer {PrinterName} halted by M112", options.Name);
        await writer.WriteLineAsync(KillMessage, cancellationToken);
    }

    /// <summary>A dropped connection or a kill ends a loop; neither is an error of the simulator.</summary>
    private async Task Guard(Task loop)
    {
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            logger.LogDebug("Virtual printer {PrinterName} connection loop ended: {Reason}", options.Name, ex.GetType().Name);
        }
    }
}
