using System.Text.Json;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>How a printer's spools are kept in <c>printers.filament_json</c>.</summary>
public static class PrinterFilamentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(PrinterFilament filament) => JsonSerializer.Serialize(filament, Options);

    /// <summary>Null when nothing was stored or it cannot be read (a page then shows no trays rather than failing).</summary>
    public static PrinterFilament? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PrinterFilament>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
