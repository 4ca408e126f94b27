using System.Globalization;
using System.Net.Sockets;
using MakerShop.VirtualPrinter.Simulation;
using MakerShop.VirtualPrinter.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// One host connection, which is one power cycle of the printer: it starts with "start", a fresh line counter,
/// empty buffers and cold heaters. The receive side validates lines, handles M112 at once and fills the command
/// buffer; the executor takes commands in order and acknowledges each once it has been processed.
/// </summary>
internal sealed class MarlinSession : IAsyncDisposable
{
    private const string KillMessage = "Error:Printer halted. kill() called!";
    private const string ThermalRunawayMessage = "Error:Thermal Runaway, system stopped! Heater_ID: 0";

    private readonly TcpClient client;
    private readonly PrinterRuntime runtime;
    private readonly SerialWireStream wire;
    private readonly ReplyWriter writer;
    private readonly LineNumberValidator validator;
    private readonly Heaters heaters;
    private readonly MotionPlanner planner;
    private readonly CommandBuffer buffer;
    private readonly OkFormatter oks;
    private readonly TemperatureAutoReporter autoReporter;
    private readonly IdleWaitReporter idleWait;
    private readonly MarlinMachine machine;
    private readonly CancellationTokenSource lifetime = new();
    private readonly CancellationTokenSource execution;
    private Task completion = Task.CompletedTask;
    private int killed;
    private int cut;

    public MarlinSession(TcpClient client, PrinterRuntime runtime)
    {
        this.client = client;
        this.runtime = runtime;
        var options = runtime.Options;
        execution = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        // Each direction is its own wire; without a baud rate or latency the socket is passed straight through.
        var emulated = options.BaudRate is not null || options.LinkLatency > TimeSpan.Zero;
        wire = new SerialWireStream(
            client.GetStream(),
            emulated ? BytePacer.ForBaud(options.BaudRate, options.LinkLatency, runtime.TimeProvider) : null,
            emulated ? BytePacer.ForBaud(options.BaudRate, options.LinkLatency, runtime.TimeProvider) : null,
            runtime.Counters.AddBytesReceived);
        writer = new ReplyWriter(wire);
        validator = new LineNumberValidator(runtime.Faults.ShouldCorrupt);
        heaters = new Heaters(options, runtime.Clock);
        planner = new MotionPlanner(options.PlannerBufferSize, runtime.Clock);
        buffer = new CommandBuffer(options.CommandBufferSize);
        oks = new OkFormatter(options.AdvancedOk, planner, buffer);
        autoReporter = new TemperatureAutoReporter(runtime.Clock, heaters, writer.WriteLineAsync);
        idleWait = new IdleWaitReporter(runtime.Clock, buffer, writer.WriteLineAsync);
        machine = new MarlinMachine(options, runtime.Clock, heaters, planner, autoReporter, writer.WriteLineAsync);
    }

    public bool IsKilled => Volatile.Read(ref killed) == 1;

    public int QueuedCommands => buffer.Length;

    public int PlannedMoves => planner.Planned;

    private bool IsCut => Volatile.Read(ref cut) == 1;

    public void Start()
    {
        var loops = new List<Task>
        {
            Guard(ReceiveAsync(lifetime.Token)),
            Guard(ExecuteAsync(execution.Token)),
            Guard(autoReporter.RunAsync(runtime.TimeProvider, execution.Token)),
        };
        if (runtime.Options.SendWaitWhenIdle)
        {
            loops.Add(Guard(idleWait.RunAsync(runtime.TimeProvider, execution.Token)));
        }

        completion = Task.WhenAll(loops);
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        client.Dispose();
        await completion;
        await writer.DisposeAsync();
        await wire.DisposeAsync();
        autoReporter.Dispose();
        execution.Dispose();
        lifetime.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteLineAsync("start", cancellationToken);
            using var reader = new StreamReader(wire, leaveOpen: true);
            while (await reader.ReadLineAsync(cancellationToken) is { } raw)
            {
                idleWait.Heard();
                if (IsKilled || IsCut || string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                // The emergency parser sees bytes before the buffer does, so M112 gets through even a full one.
                if (EmergencyParser.IsEmergencyStop(raw))
                {
                    runtime.Log.Add("M112");
                    await KillAsync([KillMessage], cancellationToken);
                    continue;
                }

                // Real Marlin's receive buffer would overflow: the line is lost, and the host hears of the gap.
                if (buffer.IsFull)
                {
                    await RequestResendAsync(validator.LostLineError(), cancellationToken);
                    continue;
                }

                var incoming = validator.Validate(raw);
                if (incoming.Kind == IncomingLineKind.Command)
                {
                    buffer.TryAdd(new QueuedCommand(incoming.Command, incoming.LineNumber));
                }
                else if (incoming.Kind == IncomingLineKind.Rejected)
                {
                    await RequestResendAsync(incoming.Error!, cancellationToken);
                }
            }
        }
        finally
        {
            buffer.Complete();
        }
    }

    /// <summary>The error, the line wanted next, then (Prusa-style, unless configured off) an ok.</summary>
    private async Task RequestResendAsync(string error, CancellationToken cancellationToken)
    {
        runtime.Logger.LogInformation("Virtual printer {PrinterName} rejected a line: {Error}", runtime.Options.Name, error);
        runtime.Counters.ResendRequested();
        await writer.WriteLineAsync("Error:" + error, cancellationToken);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Resend: {validator.LastLine + 1}"), cancellationToken);
        if (runtime.Options.OkAfterResend)
        {
            await writer.WriteLineAsync(oks.For(lineNumber: null), cancellationToken);
        }
    }

    private async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        await foreach (var queued in buffer.ReadAllAsync(cancellationToken))
        {
            runtime.Log.Add(queued.Text);
            var executed = runtime.Counters.LineExecuted();
            var command = GcodeCommand.Parse(queued.Text);
            var reply = await machine.ExecuteAsync(command, cancellationToken);
            buffer.Release();
            await AcknowledgeAsync(command, queued.LineNumber, reply, executed, cancellationToken);

            if (runtime.Faults.ShouldRunAway(executed))
            {
                await KillAsync(runtime.Options.HaltMessages is { Count: > 0 } messages ? [.. messages] : [ThermalRunawayMessage, KillMessage], lifetime.Token);
                return;
            }

            if (runtime.Faults.ShouldDisconnect(executed))
            {
                await CutConnectionAsync();
                return;
            }
        }
    }

    private async Task AcknowledgeAsync(GcodeCommand command, long? lineNumber, string reply, int executed, CancellationToken cancellationToken)
    {
        // The M110 hello is never dropped, so every host can at least start talking.
        if (command.Code != "M110" && runtime.Faults.ShouldDropOk(executed))
        {
            runtime.Counters.OkDropped();
            return;
        }

        await writer.WriteLineAsync(reply == MarlinMachine.Ok ? oks.For(lineNumber) : reply, cancellationToken);
    }

    /// <summary>kill(): heaters off, motion stopped, the reason printed, and nothing more is done until a reset.</summary>
    private async Task KillAsync(string[] messages, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref killed, 1);
        await execution.CancelAsync();
        planner.Clear();
        heaters.Hotend.SetTarget(0, runtime.Clock.Now);
        heaters.Bed.SetTarget(0, runtime.Clock.Now);
        runtime.Logger.LogWarning("Virtual printer {PrinterName} halted: {Reason}", runtime.Options.Name, messages[0]);
        foreach (var message in messages)
        {
            await writer.WriteLineAsync(message, cancellationToken);
        }
    }

    /// <summary>Like a pulled USB cable: a reset instead of a clean close, and nothing more on this connection.</summary>
    private async Task CutConnectionAsync()
    {
        Interlocked.Exchange(ref cut, 1);
        runtime.Logger.LogWarning("Virtual printer {PrinterName} cut the host connection (fault injection)", runtime.Options.Name);

        // What was already sent (the last ok among it) still reaches the host over an emulated wire.
        using (var draining = new CancellationTokenSource(TimeSpan.FromSeconds(1), runtime.TimeProvider))
        {
            try
            {
                await wire.DrainAsync(draining.Token);
            }
            catch (OperationCanceledException)
            {
                // A wire that does not drain in a second is cut anyway.
            }
        }

        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
        await lifetime.CancelAsync();
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
            runtime.Logger.LogDebug("Virtual printer {PrinterName} connection loop ended: {Reason}", runtime.Options.Name, ex.GetType().Name);
        }
    }
}
