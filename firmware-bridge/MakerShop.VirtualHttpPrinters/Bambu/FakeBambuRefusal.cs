namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>How firmware without Developer Mode refuses a control command; real printers differ by model and version.</summary>
public enum FakeBambuRefusal
{
    /// <summary>A reply with <c>result: failed</c>, <c>reason: mqtt message verify failed</c> (what a probe sees).</summary>
    Reply,
    /// <summary>Only HMS 0500050000010007 in the next reports (P1 firmware).</summary>
    Hms,
    /// <summary>Nothing at all: the printer echoes nothing and stays IDLE.</summary>
    Silent,
}
