using MakerShop.FirmwareBridge.Gcode.Replies;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>What each flow-control reply does to the window; the other half of <see cref="LineSender"/>.</summary>
internal sealed partial class LineSender
{
    /// <summary>Returns the run's result when the reply ends it, else null.</summary>
    private async Task<PrintResult?> HandleAsync(FirmwareReply? reply, CancellationToken cancellationToken)
    {
        switch (reply?.Kind)
        {
            case null:
                return await OnSilenceAsync(cancellationToken);
            case FirmwareReplyKind.Ok:
                OnOk(reply);
                return null;
            case FirmwareReplyKind.Resend:
                return OnResend(reply);
            case FirmwareReplyKind.Busy or FirmwareReplyKind.Error:
                // Alive: busy while blocked, and an error line comes just before its resend request.
                lastFlowAt = timeProvider.GetTimestamp();
                return null;
            case FirmwareReplyKind.Temperature when window.HasHeatAndWait:
                // M109/M190 print a heater line every second while they block; without BUSY_WHILE_HEATING that is all.
                lastFlowAt = timeProvider.GetTimestamp();
                return null;
            case FirmwareReplyKind.Wait:
                return await OnWaitAsync(cancellationToken);
            case FirmwareReplyKind.Fatal:
                return PrintResult.Failed(reply.Line, firmwareHalted: true);
            case FirmwareReplyKind.Start:
                return Interrupted($"the firmware reset (it printed 'start') at line {CurrentLine}");
            case FirmwareReplyKind.Disconnected:
                return Interrupted($"the printer connection was lost at line {CurrentLine}");
            default:
                return null;
        }
    }

    private void OnOk(FirmwareReply reply)
    {
        lastFlowAt = timeProvider.GetTimestamp();
        consecutiveTimeouts = 0;
        var ok = reply.Ok ?? OkReport.Plain;
        IReadOnlyList<SentLine> acknowledged;
        if (ok.LineNumber is { } number)
        {
            // ADVANCED_OK (or Repetier): the ok names its line, so earlier lines whose oks were lost are done too.
            advancedOk = true;
            acknowledged = window.AcknowledgeThrough(number);
            if (ok.BufferFree is { } free)
            {
                window.SetFreeSlots(free);
            }
        }
        else if (reply.Temperatures is not null && window.OldestTemperatureQuery is { } query)
        {
            // "ok T:…" answers an M105 (Marlin leaves N off it even with ADVANCED_OK); firmware answers in order,
            // so every line before it is done.
            acknowledged = window.AcknowledgeThrough(query.Number);
        }
        else if (resendOk.TrySwallow())
        {
            logger.LogDebug("Swallowed the extra ok after a resend request");
            acknowledged = [];
        }
        else if (advancedOk)
        {
            // Every line this link sends is numbered, so an ok without N from such firmware is for none of them
            // (the extra ok some firmware adds after a resend request).
            acknowledged = [];
        }
        else
        {
            acknowledged = window.AcknowledgeOldest() is { } oldest ? [oldest] : [];
        }

        if (acknowledged.Count > 0)
        {
            newestConfirmed = Math.Max(newestConfirmed, acknowledged[^1].Number);
        }

        Acknowledge(acknowledged);
    }

    private void Acknowledge(IReadOnlyList<SentLine> acknowledged)
    {
        var programLines = 0;
        foreach (var line in acknowledged)
        {
            resends.OnAcknowledged(line.Number);
            if (line.Role == SentLineRole.Program)
            {
                programLines++;
                counters.BytesAcknowledged = Math.Max(counters.BytesAcknowledged, line.EndOffset);
            }
        }

        if (programLines > 0)
        {
            counters.LinesAcknowledged += programLines;
            onProgress?.Invoke(new PrintProgress(counters.LinesAcknowledged, counters.BytesAcknowledged, source.TotalBytes));
        }
    }

    private PrintResult? OnResend(FirmwareReply reply)
    {
        lastFlowAt = timeProvider.GetTimestamp();
        var requested = reply.ResendLine!.Value;
        var onTheWireAfter = window.Count - window.CountBefore(requested + 1);
        var nothingElseInFlight = window.CountBefore(requested) == 0;
        var verdict = resends.Evaluate(requested, reply.ResendDigits ?? string.Empty, history, nextNumber, onTheWireAfter, out var line);
        if (verdict is ResendVerdict.Honour or ResendVerdict.Repeat)
        {
            resendOk.OnResendRequest(nothingElseInFlight);
        }
        else
        {
            // Firmware known to follow every "Resend:" with an ok does so for this one too, taken or not; counting
            // that ok as credit would overfill the window by one for the rest of the run.
            resendOk.OnIgnoredResendRequest();
        }

        if (verdict is ResendVerdict.Honour or ResendVerdict.Repeat && line == newestConfirmed && line > 1)
        {
            // The newest line we credited with an ok is asked for again: that ok belonged to something else (one of
            // ours was lost on a noisy link and a later one was counted in its place). Marlin asks for the line after
            // the last one it accepted, so it did not take this one: sending it again prints it once, not twice.
            // A reset, by contrast, restarts the count and asks for line 1.
            logger.LogWarning("The firmware asked again for line {LineNumber}, which an ok had been credited to; sending it again", line);
            newestConfirmed = line - 1;
            if (history.TryGet(line, out var credited) && credited.Role == SentLineRole.Program && counters.LinesAcknowledged > 0)
            {
                counters.LinesAcknowledged--;
            }
        }

        if (verdict is ResendVerdict.Honour or ResendVerdict.Repeat && line <= newestConfirmed)
        {
            // A checksum or line-number error asks for the line after the last one it accepted, never an earlier
            // one: a request for a line it already answered with an ok means its line counter went back.
            return PrintResult.Failed($"the firmware asked for line {line}, which it had already acknowledged (it probably reset)");
        }

        switch (verdict)
        {
            case ResendVerdict.Honour:
                counters.Resends++;
                logger.LogInformation("Firmware asked to resend from line {LineNumber}", line);
                window.RemoveFrom(line);
                replay.Clear();
                for (var number = line; number < nextNumber; number++)
                {
                    if (!history.TryGet(number, out var sent))
                    {
                        return PrintResult.Failed($"the firmware asked to resend line {line}, which is no longer in the sent-line history");
                    }

                    replay.Enqueue(sent);
                }

                return null;
            case ResendVerdict.Loop:
                return PrintResult.Failed($"the firmware asked for line {line} more than {ResendTracker.MaxConsecutiveResends} times in a row");
            case ResendVerdict.Noise:
                logger.LogWarning("Ignoring a resend request for line {LineNumber}, which was not sent recently: {FirmwareLine}", requested, reply.Line);
                return null;
            default:
                logger.LogDebug("Ignoring resend request {FirmwareLine} ({Verdict})", reply.Line, verdict);
                return null;
        }
    }

    /// <summary>
    /// "wait" means the firmware's buffer ran empty. With nothing in flight that is the plain idle signal (OctoPrint
    /// supportWait treats it as an ok); with lines in flight their oks, or the lines, were lost: probe at once
    /// rather than after the ok timeout, so a lost line draws its resend and lost oks are made good.
    /// </summary>
    private async Task<PrintResult?> OnWaitAsync(CancellationToken cancellationToken)
    {
        lastFlowAt = timeProvider.GetTimestamp();
        if (!window.IsEmpty && window.Probes == 0 && !window.HasTemperatureQuery)
        {
            await SendAsync("M105", SentLineRole.Probe, counters.BytesAcknowledged, cancellationToken);
        }

        return null;
    }

    private async Task<PrintResult?> OnSilenceAsync(CancellationToken cancellationToken)
    {
        if (resendOk.IsHolding && resendOk.HoldRemaining <= TimeSpan.Zero)
        {
            resendOk.OnHoldExpired();
            return null;
        }

        if ((window.IsEmpty && replay.Count == 0) || timeProvider.GetElapsedTime(lastFlowAt) < options.OkTimeout)
        {
            // Nothing awaited (paused, or only a poll fell due).
            return null;
        }

        if (replay.Count == 0 && window.Oldest is { } blocking && options.IsLongRunning(blocking.Command))
        {
            // G28, G29, M109, M600, … may block for minutes without a busy line (OctoPrint: "long running" commands).
            // Silence is expected: no timeout is counted and no line is taken as done without its ok. A probe goes
            // out only where the window has room; its "ok T:" then comes after the command's own ok.
            lastFlowAt = timeProvider.GetTimestamp();
            logger.LogDebug("Waiting on long-running {Command} at line {LineNumber}", blocking.Command, blocking.Number);
            if (window.HasRoom && window.Probes == 0 && !window.HasTemperatureQuery)
            {
                await SendAsync("M105", SentLineRole.Probe, counters.BytesAcknowledged, cancellationToken);
            }

            return null;
        }

        consecutiveTimeouts++;
        lastFlowAt = timeProvider.GetTimestamp();
        resends.OnTimeout();
        if (consecutiveTimeouts > MaxConsecutiveTimeouts)
        {
            return PrintResult.Failed($"the printer stopped answering: no ok for {options.OkTimeout * MaxConsecutiveTimeouts} at line {CurrentLine}");
        }

        if (replay.TryPeek(out var first))
        {
            // During a resend the replayed lines are the probe (a fresh M105 would only be refused as out of order).
            // The request proved every earlier line arrived; silence since says their oks were lost, so they are done.
            if (resendOk.IsHolding)
            {
                resendOk.OnHoldExpired();
            }

            Acknowledge(window.AcknowledgeThrough(first.Number - 1));
            return null;
        }

        if (window.NewestTemperatureQuery is { } unanswered && !window.AnyBefore(unanswered.Number, line => options.IsLongRunning(line.Command)))
        {
            // An M105 unanswered for a whole timeout had its "ok T:" lost (else it would resync everything before
            // it). Waiting on it would make every later probe's answer count for the one before, a timeout each.
            // Were it lost on the way in instead, the next probe draws a resend for it: the history still has it.
            Acknowledge(window.AcknowledgeThrough(unanswered.Number));
        }

        if (window.Probes < MaxOutstandingProbes)
        {
            logger.LogWarning("No ok from the firmware for {Timeout} at line {LineNumber}; sending M105", options.OkTimeout, CurrentLine);
            await SendAsync("M105", SentLineRole.Probe, counters.BytesAcknowledged, cancellationToken);
        }

        return null;
    }

    /// <summary>Waits for resume or cancel, still handling replies (a halt or reset while paused ends the run) and polls.</summary>
    private async Task<PrintResult?> WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        var resumed = control!.WaitUntilResumedAsync(cancellationToken);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var budget = pollInterval() is { } interval
            ? TimeSpan.FromTicks(Math.Max(0, (interval - timeProvider.GetElapsedTime(lastPollAt)).Ticks))
            : Timeout.InfiniteTimeSpan;
        var next = replies.NextAsync(budget, wake.Token);
        if (await Task.WhenAny(resumed, next) == resumed)
        {
            await wake.CancelAsync();
        }

        FirmwareReply? reply;
        try
        {
            reply = await next;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return reply is null ? null : await HandleAsync(reply, cancellationToken);
    }
}
