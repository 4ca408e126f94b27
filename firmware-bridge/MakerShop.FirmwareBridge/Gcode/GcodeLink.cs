using System.Threading.Channels;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode.Flow;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.Gcode.Sources;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// The host side of the Marlin serial protocol over one open connection, and the streaming engine jobs run on.
/// A read loop classifies every line: temperatures, firmware identity, host actions, progress and errors are raised
/// as events at once; flow-control replies (ok, resend, busy, wait, start, halt) go to the one conversation that is
/// sending. Conversations never overlap; M112 bypasses them and the window.
/// <para>Use: <c>await using var link = new GcodeLink(connection, options); link.Start();
/// var result = await link.RunFileAsync(path);</c> The link owns the connection and disposes it.</para>
/// </summary>
public sealed class GcodeLink : IAsyncDisposable
{
    private readonly IFirmwareConnection connection;
    private readonly GcodeLinkOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly LinkWriter writer;
    private readonly ResendOkDetector resendOk;
    private readonly FirmwareEventRouter router;
    private readonly Channel<FirmwareReply> flow = Channel.CreateUnbounded<FirmwareReply>(new() { SingleWriter = true });
    private readonly SemaphoreSlim conversation = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource emergency = new();
    private Task readLoop = Task.CompletedTask;
    private Task haltWatch = Task.CompletedTask;
    private TimeSpan? pollInterval;
    private int connectionClosed;

    public GcodeLink(IFirmwareConnection connection, GcodeLinkOptions options, TimeProvider? timeProvider = null, ILogger<GcodeLink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.connection = connection;
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        writer = new LinkWriter(connection);
        resendOk = new ResendOkDetector(this.timeProvider);
        router = new FirmwareEventRouter(this.logger);
    }

    /// <summary>Ping-pong with the given ok timeout.</summary>
    public GcodeLink(IFirmwareConnection connection, TimeSpan okTimeout, TimeProvider timeProvider, ILogger<GcodeLink> logger)
        : this(connection, new GcodeLinkOptions { OkTimeout = okTimeout }, timeProvider, logger)
    {
    }

    public event Action<IReadOnlyList<HeaterReading>>? TemperaturesReported
    {
        add => router.TemperaturesReported += value;
        remove => router.TemperaturesReported -= value;
    }

    public event Action<string>? FirmwareIdentified
    {
        add => router.FirmwareIdentified += value;
        remove => router.FirmwareIdentified -= value;
    }

    /// <summary>Error lines that are not routine line-noise recovery, fatal ones included.</summary>
    public event Action<string>? FirmwareErrorReported
    {
        add => router.FirmwareErrorReported += value;
        remove => router.FirmwareErrorReported -= value;
    }

    /// <summary>"//action:…" lines: pause, resume, cancel, disconnect, prompts, notifications.</summary>
    public event Action<HostAction>? HostActionReceived
    {
        add => router.HostActionReceived += value;
        remove => router.HostActionReceived -= value;
    }

    /// <summary>The firmware printed "start": it rebooted and forgot the line counter, auto-reports and any job.</summary>
    public event Action? FirmwareReset
    {
        add => router.FirmwareReset += value;
        remove => router.FirmwareReset -= value;
    }

    /// <summary>M27/M73 reports; informational, job progress comes from the bytes the link has had acknowledged.</summary>
    public event Action<FirmwareProgressReport>? FirmwareProgressReported
    {
        add => router.FirmwareProgressReported += value;
        remove => router.FirmwareProgressReported -= value;
    }

    /// <summary>M114 answers, alone or on an ok; the firmware's word for where the head is.</summary>
    public event Action<PositionReport>? PositionReported
    {
        add => router.PositionReported += value;
        remove => router.PositionReported -= value;
    }

    /// <summary>Keep-alive "busy:" lines with what the firmware waits on (processing, paused for user, …).</summary>
    public event Action<FirmwareBusyReason>? BusyReported
    {
        add => router.BusyReported += value;
        remove => router.BusyReported -= value;
    }

    /// <summary>A heater target printed on its own line (Repetier's "TargetExtr0:210", "TargetBed:60").</summary>
    public event Action<HeaterTarget>? HeaterTargetReported
    {
        add => router.HeaterTargetReported += value;
        remove => router.HeaterTargetReported -= value;
    }

    public GcodeLinkOptions Options => options;

    /// <summary>
    /// After M112, how long the firmware has to print its halt line before the link closes itself. Firmware without
    /// EMERGENCY_PARSER queues M112 behind a blocking command (M0, M109) and may never answer; closing the port drops
    /// DTR, which resets most boards, and the supervisor reconnects as for a lost link.
    /// </summary>
    public static TimeSpan EmergencyHaltGrace { get; } = TimeSpan.FromSeconds(2);

    /// <summary>What the last M115 said; <see cref="FirmwareCapabilities.Unknown"/> before.</summary>
    public FirmwareCapabilities Capabilities => router.Capabilities;

    /// <summary>The firmware's own words when it halted (kill, thermal runaway); null while it runs.</summary>
    public string? HaltReason => router.HaltReason;

    /// <summary>
    /// For firmware without AUTOREPORT_TEMP: a numbered M105 goes out this often inside every conversation (a job
    /// included), so temperatures keep coming without breaking the line numbering. Null: no polling.
    /// </summary>
    public TimeSpan? TemperaturePollInterval
    {
        get => pollInterval;
        set => pollInterval = value;
    }

    /// <summary>Completes when the connection closes.</summary>
    public Task Completion => readLoop;

    public void Start() => readLoop = ReadAsync(stopping.Token);

    /// <summary>Waits for the "start" a firmware prints after a reset; false if it did not come in time.</summary>
    public async Task<bool> WaitForStartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            while (await flow.Reader.WaitToReadAsync(linked.Token))
            {
                if (flow.Reader.TryRead(out var reply) && reply.Kind == FirmwareReplyKind.Start)
                {
                    return true;
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Streams a G-code file from disk: read line by line through a fixed buffer, comments and blank lines dropped,
    /// progress by bytes of the file acknowledged. The result says how it ended; only <paramref name="cancellationToken"/> throws.
    /// </summary>
    public Task<PrintResult> RunFileAsync(
        string path,
        PrintControl? control = null,
        Action<PrintProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ConverseAsync(() => new GcodeFileReader(path), control, onProgress, cancellationToken);
    }

    /// <summary>Streams a program held in memory, the same way.</summary>
    public Task<PrintResult> RunProgramAsync(
        GcodeProgram program,
        PrintControl? control = null,
        Action<PrintProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        return ConverseAsync(program.OpenSource, control, onProgress, cancellationToken);
    }

    /// <summary>Sends a few commands the same careful way (handshake, cool-down).</summary>
    public Task<PrintResult> SendCommandsAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken = default) =>
        RunProgramAsync(GcodeProgram.FromLines(commands), null, null, cancellationToken);

    /// <summary>An M105 conversation when no other is running (idle polling); false when one is.</summary>
    public async Task<bool> PollTemperaturesIfIdleAsync(CancellationToken cancellationToken = default)
    {
        if (conversation.CurrentCount == 0)
        {
            return false;
        }

        var result = await SendCommandsAsync(["M105"], cancellationToken);
        return result.Outcome == PrintOutcome.Completed;
    }

    /// <summary>
    /// M112 at once, unnumbered and outside any conversation and window: firmware with EMERGENCY_PARSER acts on it as
    /// the bytes arrive, even while a heat-up blocks its queue. Nothing is written after it; a running conversation
    /// ends with the firmware's halt message.
    /// </summary>
    public async Task EmergencyStopAsync(CancellationToken cancellationToken = default)
    {
        logger.LogWarning("Sending M112 emergency stop");
        try
        {
            await writer.EmergencyStopAsync(cancellationToken);
        }
        finally
        {
            await emergency.CancelAsync();
            if (haltWatch.IsCompleted)
            {
                haltWatch = CloseUnlessHaltedAsync(stopping.Token);
            }
        }
    }

    /// <summary>
    /// Writes an unnumbered M108 outside any conversation: firmware with EMERGENCY_PARSER ends a wait for the user
    /// (M0/M1/M600) or a heat-up (M109/M190) as the bytes arrive, so a cancel does not wait for it. Dropped after M112.
    /// </summary>
    public Task BreakBlockingWaitAsync(CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Sending M108 to break a blocking command");
        return writer.WriteAsync("M108", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await CloseConnectionAsync();
        await readLoop;
        await haltWatch;

        // The conversation gate is not disposed: a job may still be leaving it, and it holds no wait handle.
        stopping.Dispose();
    }

    /// <summary>No halt line within <see cref="EmergencyHaltGrace"/> of M112: close the connection (a reset on most boards).</summary>
    private async Task CloseUnlessHaltedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(EmergencyHaltGrace, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (HaltReason is null)
        {
            logger.LogError("The firmware printed no halt line within {Grace} of M112; closing the link to reset it", EmergencyHaltGrace);
            try
            {
                await CloseConnectionAsync();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                logger.LogDebug("Closing the link after M112 failed: {Reason}", ex.Message);
            }
        }
    }

    private async ValueTask CloseConnectionAsync()
    {
        if (Interlocked.Exchange(ref connectionClosed, 1) == 0)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<PrintResult> ConverseAsync(
        Func<IGcodeSource> open,
        PrintControl? control,
        Action<PrintProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        await conversation.WaitAsync(cancellationToken);
        try
        {
            DiscardStaleReplies();
            using var source = open();
            var sender = new LineSender(
                writer.WriteAsync,
                new ReplyReader(flow.Reader, timeProvider),
                () => HaltReason,
                () => pollInterval,
                options,
                resendOk,
                timeProvider,
                logger);
            return await sender.RunAsync(source, control, onProgress, emergency.Token, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return PrintResult.Failed("the G-code file could not be opened: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or TimeoutException)
        {
            return PrintResult.Failed("the printer connection was lost: " + ex.Message);
        }
        finally
        {
            conversation.Release();
        }
    }

    /// <summary>Oks and busy lines left over from an earlier conversation would be taken for answers to this one.</summary>
    private void DiscardStaleReplies()
    {
        while (flow.Reader.TryPeek(out var reply) && reply.Kind != FirmwareReplyKind.Disconnected)
        {
            flow.Reader.TryRead(out _);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await connection.ReadLineAsync(cancellationToken) is { } line)
            {
                var reply = FirmwareReplyParser.Parse(line);
                router.Observe(reply);
                // Between conversations nobody reads the flow channel: auto-reports, busy and "wait" lines would pile
                // up there for as long as the printer idles. Only "start" and a halt are kept for whoever comes next.
                if (IsFlowControl(reply) && (conversation.CurrentCount == 0 || reply.Kind is FirmwareReplyKind.Start or FirmwareReplyKind.Fatal))
                {
                    flow.Writer.TryWrite(reply);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            logger.LogDebug("Firmware read loop ended: {Reason}", ex.GetType().Name);
        }
        finally
        {
            flow.Writer.TryWrite(FirmwareReply.Disconnected);
            flow.Writer.TryComplete();
        }
    }

    private static bool IsFlowControl(FirmwareReply reply) => reply.Kind switch
    {
        FirmwareReplyKind.Ok or FirmwareReplyKind.Resend or FirmwareReplyKind.Busy or FirmwareReplyKind.Wait
            or FirmwareReplyKind.Start or FirmwareReplyKind.Fatal or FirmwareReplyKind.Temperature => true,
        FirmwareReplyKind.Error => reply.Error == FirmwareErrorKind.Communication,
        _ => false,
    };
}
