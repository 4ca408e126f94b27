using System.Globalization;
using System.Text.Json.Nodes;

namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>
/// The <c>ams</c> and <c>vt_tray</c> blocks of the fake's report, shaped as a P1S with AMS sends them: four slots per
/// unit (an empty one carries only its id), strings for most values, <c>tray_now</c> 255 when nothing is fed and 254
/// for the external spool.
/// </summary>
internal static class FakeBambuAms
{
    public const int External = 254;
    public const int NoneLoaded = 255;

    public static JsonObject Ams(IReadOnlyList<FakeBambuTray> trays, int trayNow)
    {
        var units = new JsonArray();
        foreach (var unit in trays.Select(t => t.AmsUnit).Distinct().Order())
        {
            var slots = new JsonArray();
            for (var slot = 0; slot < 4; slot++)
            {
                var id = slot.ToString(CultureInfo.InvariantCulture);
                slots.Add(trays.FirstOrDefault(t => t.AmsUnit == unit && t.Slot == slot) is { } tray
                    ? new JsonObject
                    {
                        ["id"] = id,
                        ["tray_type"] = tray.Material,
                        ["tray_color"] = tray.Colour,
                        ["tray_info_idx"] = "GFA00",
                        ["nozzle_temp_min"] = "190",
                        ["nozzle_temp_max"] = "240",
                        ["remain"] = tray.Remain,
                    }
                    : new JsonObject { ["id"] = id });
            }

            units.Add(new JsonObject
            {
                ["id"] = unit.ToString(CultureInfo.InvariantCulture),
                ["humidity"] = "4",
                ["temp"] = "22.7",
                ["tray"] = slots,
            });
        }

        return new JsonObject
        {
            ["ams"] = units,
            ["ams_exist_bits"] = trays.Select(t => 1 << t.AmsUnit).Aggregate(0, (a, b) => a | b).ToString("x", CultureInfo.InvariantCulture),
            ["tray_exist_bits"] = trays.Select(t => 1 << t.Index).Aggregate(0, (a, b) => a | b).ToString("x", CultureInfo.InvariantCulture),
            ["tray_now"] = trayNow.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static JsonObject ExternalSpool(string? material, string colour) => new()
    {
        ["id"] = External.ToString(CultureInfo.InvariantCulture),
        ["tray_type"] = material ?? "",
        ["tray_color"] = material is null ? "00000000" : colour,
        ["remain"] = material is null ? 0 : -1,
    };
}
