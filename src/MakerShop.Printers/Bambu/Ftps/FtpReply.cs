namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>One FTP reply: its three-digit code and its text (the last line's, for a multi-line reply).</summary>
internal sealed record FtpReply(int Code, string Text)
{
    public bool IsPositivePreliminary => Code is >= 100 and < 200;

    public bool IsPositiveCompletion => Code is >= 200 and < 300;

    public bool IsPositiveIntermediate => Code is >= 300 and < 400;

    public override string ToString() => $"{Code} {Text}";
}
