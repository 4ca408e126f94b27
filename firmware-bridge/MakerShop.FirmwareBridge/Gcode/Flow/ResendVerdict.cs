namespace MakerShop.FirmwareBridge.Gcode.Flow;

internal enum ResendVerdict
{
    /// <summary>Resend from the requested line.</summary>
    Honour,

    /// <summary>The same request again, caused by lines that were already on the wire when the first came.</summary>
    Repeat,

    /// <summary>Asks for the line not sent yet: the firmware is merely ahead of the host.</summary>
    NotSentYet,

    /// <summary>A number the host never sent recently (line noise, "Resend: 034497"): the ok timeout recovers if needed.</summary>
    Noise,

    /// <summary>The same line refused too many times in a row: the link is broken.</summary>
    Loop,
}
