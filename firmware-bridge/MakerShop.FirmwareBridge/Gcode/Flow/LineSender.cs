using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.Gcode.Sources;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// One conversation with the firmware: "M110 N0", then every line numbered and checksummed, as many in flight as the
/// <see cref="InFlightWindow"/> allows. Resend requests replay from the bounded <see cref="SentLineHistory"/>; silence
/// past the ok timeout sends a numbered M105, which either draws the missing oks (its "ok T:…" acknowledges every
/// earlier line) or a resend of a lost line, so the run never stalls and never drops or repeats a line.
/// </summary>
internal sealed partial class LineSender
{
    public const string Hello = "M110 N0";

    private const int MaxOutstandingProbes = 2;

    // OctoPrint closes the link after 5 consecutive timeouts while printing.
    private const int MaxConsecutiveTimeouts = 5;

    // After M112 the firmware's own words ("kill() called") explain the end better than ours; wait this long for them.
    private static readonly TimeSpan EmergencyGrace = TimeSpan.FromSeconds(2);

    private readonly Func<string, CancellationToken, Task> write;
    private readonly ReplyReader replies;
    private readonly Func<string?> haltReason;
    private readonly Func<TimeSpan?> pollInterval;
    private readonly GcodeLinkOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SentLineHistory history;
    private readonly InFlightWindow window;
    private readonly ResendTracker resends = new();
    private readonly ResendOkDetector resendOk;
    private readonly StreamCounters counters;
    private readonly Queue<SentLine> replay = new();
    private IGcodeSource source = null!;
    private PrintControl? control;
    private Action<PrintProgress>? onProgress;
    private long nextNumber;
    private bool sourceDone;
    private bool advancedOk;
    private long lastFlowAt;
    private long lastPollAt;
    private int consecutiveTimeouts;

    // The newest line an ok (plain, ADVANCED_OK's N or an M105's "ok T:") acknowledged; never one guessed from silence.
    private long newestConfirmed = -1;

    public LineSender(
        Func<string, CancellationToken, Task> write,
        ReplyReader replies,
        Func<string?> haltReason,
        Func<TimeSpan?> pollInterval,
        GcodeLinkOptions options,
        ResendOkDetector resendOk,
        TimeProvider timeProvider,
        ILogger logger)
    {
        this.write = write;
        this.replies = replies;
        this.haltReason = haltReason;
        this.pollInterval = pollInterval;
        this.options = options;
        this.resendOk = resendOk;
        this.timeProvider = timeProvider;
        this.logger = logger;
        history = new SentLineHistory(options.HistorySize);
        window = new InFlightWindow(options.MaxInFlight);
        counters = new StreamCounters(timeProvider);
    }

    /// <summary>Runs <paramref name="program"/> to its end; only <paramref name="cancellationToken"/> throws.</summary>
    public async Task<PrintResult> RunAsync(
        IGcodeSource program,
        PrintControl? printControl,
        Action<PrintProgress>? progress,
        CancellationToken emergencyStop,
        CancellationToken cancellationToken)
    {
        source = program;
        control = printControl;
        onProgress = progress;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, emergencyStop);
        PrintResult result;
        try
        {
            result = await RunCoreAsync(either.Token);
        }
        catch (OperationCanceledException) when (emergencyStop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            result = await AfterEmergencyStopAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            result = PrintResult.Failed("the G-code file could not be read: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // A write into a closed link: the same news as reading end-of-stream, with the line it happened at.
            result = Interrupted($"the printer connection was lost at line {CurrentLine} ({ex.Message})");
        }

        return counters.Stamp(result, history.PeakCount, source.PeakBufferedBytes);
    }

    private async Task<PrintResult> RunCoreAsync(CancellationToken cancellationToken)
    {
        if (haltReason() is { } haltedBefore)
        {
            return PrintResult.Failed(haltedBefore, firmwareHalted: true);
        }

        lastFlowAt = lastPollAt = timeProvider.GetTimestamp();
        await SendAsync(Hello, SentLineRole.Hello, 0, cancellationToken);
        while (true)
        {
            if (haltReason() is { } halted)
            {
                return PrintResult.Failed(halted, firmwareHalted: true);
            }

            if (await FillAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            if (window.IsEmpty && replay.Count == 0 && !resendOk.IsHolding)
            {
                if (sourceDone)
                {
                    ReportFinalProgress();
                    return PrintResult.Completed;
                }

                if (control?.IsCancelRequested == true)
                {
                    return PrintResult.Cancelled;
                }

                if (control?.IsPaused == true)
                {
                    if (await WaitWhilePausedAsync(cancellationToken) is { } endedWhilePaused)
                    {
                        return endedWhilePaused;
                    }

                    continue;
                }
            }

            var reply = await replies.NextAsync(WaitBudget(), cancellationToken);
            if (await HandleAsync(reply, cancellationToken) is { } ended)
            {
                return ended;
            }
        }
    }

    /// <summary>Writes what the window has room for: replayed lines first, then a due temperature poll, then the program.</summary>
    private async Task<PrintResult?> FillAsync(CancellationToken cancellationToken)
    {
        while (window.HasRoom && !resendOk.IsHolding)
        {
            if (replay.TryDequeue(out var again))
            {
                cancellationToken.ThrowIfCancellationRequested();
                window.Add(again);
                counters.Sent(again.Wire);
                await write(again.Wire, cancellationToken);
                continue;
            }

            if (IsPollDue())
            {
                lastPollAt = timeProvider.GetTimestamp();
                await SendAsync("M105", SentLineRole.Poll, counters.BytesAcknowledged, cancellationToken);
                continue;
            }

            if (sourceDone || control?.IsCancelRequested == true || control?.IsPaused == true)
            {
                return null;
            }

            if (await source.ReadAsync(cancellationToken) is not { } next)
            {
                sourceDone = true;
                return null;
            }

            if (GcodeLinePreparer.IsLineNumberReset(next.Command))
            {
                // The host owns the numbering: an M110 from the file would desynchronise it, and every later line
                // would be refused.
                logger.LogInformation("Skipping {Command} from the program: the link numbers the lines itself", next.Command);
                continue;
            }

            if (FitLine(next.Command) is not { } command)
            {
                var length = WireLength(next.Command);
                return PrintResult.Failed($"line {nextNumber} is {length} bytes; the firmware accepts at most {options.MaxLineLength}");
            }

            await SendAsync(command, SentLineRole.Program, next.EndOffset, cancellationToken);
        }

        return null;
    }

    /// <summary>Bytes the numbered line takes in the firmware's buffer: "N…" to "*cs" plus the newline.</summary>
    private int WireLength(string command) => LineChecksum.Format(nextNumber, GcodeLinePreparer.ToWireAscii(command)).Length + 1;

    /// <summary>The command as it fits the firmware's buffer: as is, an LCD or host message shortened, else null.</summary>
    private string? FitLine(string command)
    {
        var excess = WireLength(command) - options.MaxLineLength;
        if (excess <= 0)
        {
            return command;
        }

        var isMessage = command.StartsWith("M117 ", StringComparison.OrdinalIgnoreCase) || command.StartsWith("M118 ", StringComparison.OrdinalIgnoreCase);
        if (!isMessage || command.Length - excess <= 5)
        {
            return null;
        }

        return command[..(command.Length - excess)].TrimEnd();
    }

    private async Task SendAsync(string command, SentLineRole role, long endOffset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        command = GcodeLinePreparer.ToWireAscii(command);
        var line = new SentLine(nextNumber, LineChecksum.Format(nextNumber, command), command, role, endOffset);
        nextNumber++;
        history.Add(line);
        window.Add(line);
        counters.Sent(line.Wire);
        await write(line.Wire, cancellationToken);
    }

    private bool IsPollDue() =>
        pollInterval() is { } interval
        && timeProvider.GetElapsedTime(lastPollAt) >= interval
        && !window.HasTemperatureQuery;

    /// <summary>How long to wait for the next reply: until the ok timeout, the end of a resend hold, or the next poll.</summary>
    private TimeSpan WaitBudget()
    {
        var budget = options.OkTimeout - timeProvider.GetElapsedTime(lastFlowAt);
        if (resendOk.HoldRemaining is { } hold && hold < budget)
        {
            budget = hold;
        }

        // A poll only counts when it could go out; otherwise waiting for it would spin.
        if (pollInterval() is { } interval && window.HasRoom && !window.HasTemperatureQuery)
        {
            var untilPoll = interval - timeProvider.GetElapsedTime(lastPollAt);
            budget = untilPoll < budget ? untilPoll : budget;
        }

        return budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
    }

    private void ReportFinalProgress()
    {
        if (counters.BytesAcknowledged < source.TotalBytes || counters.LinesAcknowledged == 0)
        {
            counters.BytesAcknowledged = source.TotalBytes;
            onProgress?.Invoke(new PrintProgress(counters.LinesAcknowledged, source.TotalBytes, source.TotalBytes));
        }
    }

    /// <summary>Where the run stands, for messages: the first line not acknowledged, else the last one sent.</summary>
    private long CurrentLine => window.Oldest?.Number ?? Math.Max(0, nextNumber - 1);

    /// <summary>A halt explains a reset or a closed link better than the symptom does.</summary>
    private PrintResult Interrupted(string symptom) =>
        haltReason() is { } halted ? PrintResult.Failed(halted, firmwareHalted: true) : PrintResult.Failed(symptom);

    private async Task<PrintResult> AfterEmergencyStopAsync(CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetTimestamp();
        while (haltReason() is null && timeProvider.GetElapsedTime(deadline) < EmergencyGrace)
        {
            var reply = await replies.NextAsync(EmergencyGrace - timeProvider.GetElapsedTime(deadline), cancellationToken);
            if (reply is null || reply.Kind is FirmwareReplyKind.Fatal or FirmwareReplyKind.Disconnected)
            {
                break;
            }
        }

        return PrintResult.Failed(haltReason() ?? "emergency stop: M112 was sent", firmwareHalted: true);
    }
}
