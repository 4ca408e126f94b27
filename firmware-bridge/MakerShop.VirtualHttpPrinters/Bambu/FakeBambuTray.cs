namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>A spool in the fake printer's AMS: unit and slot from 0, colour as the firmware writes it (RRGGBBAA), remaining %.</summary>
public sealed record FakeBambuTray(int AmsUnit, int Slot, string Material, string Colour, int Remain = 100)
{
    public int Index => (AmsUnit * 4) + Slot;
}
