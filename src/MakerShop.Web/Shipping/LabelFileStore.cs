using MakerShop.Shipping.Documents;
using MakerShop.Storage;

namespace MakerShop.Web.Shipping;

/// <summary>
/// The label files of bought labels, kept under the data folder (<c>labels/</c>) beside the G-code: a provider's label
/// link can expire, the owner's reprint must not. One file per shipment, written once.
/// </summary>
public sealed class LabelFileStore(DataPaths paths)
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ".pdf",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
    };

    private string Folder => Path.Combine(paths.DataDirectory, "labels");

    public static bool CanStore(string contentType) => Extensions.ContainsKey(contentType);

    public async Task SaveAsync(string shipmentId, PrintableDocument label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, SafeName(shipmentId) + Extensions[label.ContentType]);
        var temporary = file + ".tmp";
        await File.WriteAllBytesAsync(temporary, label.Content, cancellationToken);
        File.Move(temporary, file, overwrite: true);
    }

    public async Task<PrintableDocument?> GetAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        foreach (var (type, extension) in Extensions)
        {
            var file = Path.Combine(Folder, SafeName(shipmentId) + extension);
            if (File.Exists(file))
            {
                return new PrintableDocument(await File.ReadAllBytesAsync(file, cancellationToken), type);
            }
        }

        return null;
    }

    // Shipment ids are the shop's own (shp_ + hex), but a path is never built from text that could climb out.
    private static string SafeName(string shipmentId) =>
        shipmentId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-')
            ? shipmentId
            : throw new ArgumentException($"'{shipmentId}' is not a shipment id.", nameof(shipmentId));
}
