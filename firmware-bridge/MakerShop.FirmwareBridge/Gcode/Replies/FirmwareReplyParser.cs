namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Classifies one firmware line. The order matters: an ok may carry temperatures, a position or M115 output (Klipper),
/// a halt message is an "Error:" line too, "echo:busy:" is an echo line, and an M114 line is checked before the
/// temperature parser could mistake a motor count for a heater.
/// </summary>
public static class FirmwareReplyParser
{
    public static FirmwareReply Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (OkReportParser.IsOk(text))
        {
            return new FirmwareReply(FirmwareReplyKind.Ok, text)
            {
                Ok = OkReportParser.Parse(text),
                Temperatures = TemperatureReportParser.TryParse(text),
                Position = PositionReportParser.TryParse(text),
            };
        }

        if (ResendRequestParser.TryParse(text, out var resendLine, out var digits))
        {
            return new FirmwareReply(FirmwareReplyKind.Resend, text) { ResendLine = resendLine, ResendDigits = digits };
        }

        if (FirmwareBusyParser.IsBusy(text))
        {
            return new FirmwareReply(FirmwareReplyKind.Busy, text) { BusyReason = FirmwareBusyParser.TryParse(text) };
        }

        if (text.Equals("wait", StringComparison.OrdinalIgnoreCase))
        {
            return new FirmwareReply(FirmwareReplyKind.Wait, text);
        }

        if (text.Equals("start", StringComparison.OrdinalIgnoreCase))
        {
            return new FirmwareReply(FirmwareReplyKind.Start, text);
        }

        var klipperState = KlipperStateParser.TryParse(text);
        if (FirmwareErrorClassifier.IsHalt(text))
        {
            return new FirmwareReply(FirmwareReplyKind.Fatal, text) { KlipperState = klipperState };
        }

        if (klipperState is not null)
        {
            return new FirmwareReply(FirmwareReplyKind.Info, text) { KlipperState = klipperState };
        }

        if (FirmwareErrorClassifier.Classify(text) is { } error)
        {
            return new FirmwareReply(FirmwareReplyKind.Error, text) { Error = error };
        }

        if (HostActionParser.TryParse(text) is { } action)
        {
            return new FirmwareReply(FirmwareReplyKind.Action, text) { Action = action };
        }

        if (FirmwareInfoParser.TryParseIdentity(text) is not null || FirmwareInfoParser.TryParseCapability(text, out _, out _))
        {
            return new FirmwareReply(FirmwareReplyKind.FirmwareInfo, text);
        }

        if (FirmwareProgressParser.TryParse(text) is { } progress)
        {
            return new FirmwareReply(FirmwareReplyKind.Progress, text) { Progress = progress };
        }

        if (PositionReportParser.TryParse(text) is { } position)
        {
            return new FirmwareReply(FirmwareReplyKind.Position, text) { Position = position };
        }

        if (HeaterTargetParser.TryParse(text) is { } target)
        {
            return new FirmwareReply(FirmwareReplyKind.TargetTemperature, text) { Target = target };
        }

        return TemperatureReportParser.TryParse(text) is { } temperatures
            ? new FirmwareReply(FirmwareReplyKind.Temperature, text) { Temperatures = temperatures }
            : new FirmwareReply(FirmwareReplyKind.Info, text);
    }
}
