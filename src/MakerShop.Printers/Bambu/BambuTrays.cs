using System.Text.Json.Nodes;
using MakerShop.Core;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// Reads the spools out of a merged report: <c>ams.ams[].tray[]</c> (a slot without <c>tray_type</c> is empty),
/// <c>vt_tray</c> (the external spool) and <c>ams.tray_now</c> (which one feeds the nozzle: unit × 4 + slot, 254 or
/// 255 for the external spool, 255 being "none" once an AMS is fitted). Most values arrive as strings.
/// </summary>
public static class BambuTrays
{
    public static IReadOnlyList<FilamentTray> Read(JsonObject print)
    {
        ArgumentNullException.ThrowIfNull(print);
        var trays = new List<FilamentTray>();
        var ams = print["ams"] as JsonObject;
        var now = BambuReportTranslator.Number(ams?["tray_now"]) is { } n ? (int)n : (int?)null;
        if (ams?["ams"] is JsonArray units)
        {
            foreach (var unit in units.OfType<JsonObject>())
            {
                if (BambuReportTranslator.Number(unit["id"]) is not { } unitId || unit["tray"] is not JsonArray slots)
                {
                    continue;
                }

                foreach (var slot in slots.OfType<JsonObject>())
                {
                    if (BambuReportTranslator.Number(slot["id"]) is { } slotId && Loaded(slot) is { } loaded)
                    {
                        var index = ((int)unitId * 4) + (int)slotId;
                        trays.Add(new FilamentTray((int)unitId, (int)slotId, loaded.Material, loaded.Colour, Remaining(slot), now == index));
                    }
                }
            }
        }

        if (print["vt_tray"] is JsonObject external && Loaded(external) is { } spool)
        {
            // 254 is the external spool; 255 too on a printer without an AMS, but with one it means nothing is fed.
            var fed = now == 254 || (now == 255 && trays.Count == 0);
            trays.Add(new FilamentTray(null, null, spool.Material, spool.Colour, Remaining(external), fed));
        }

        return trays;
    }

    private static (string Material, string Colour)? Loaded(JsonObject tray) =>
        BambuReportTranslator.Text(tray["tray_type"]) is { Length: > 0 } type
            ? (type.Trim(), FilamentColours.Normalise(BambuReportTranslator.Text(tray["tray_color"])) ?? "")
            : null;

    // -1 is "unknown" (a spool without an RFID tag).
    private static int? Remaining(JsonObject tray) =>
        BambuReportTranslator.Number(tray["remain"]) is { } remain && remain >= 0 ? (int)Math.Min(remain, 100) : null;
}
