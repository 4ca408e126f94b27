using MakerShop.Shipping.Documents;

namespace MakerShop.Web.Shipping;

/// <summary>A document ready to download, with the file name the owner's browser saves it under.</summary>
public sealed record ShipmentDocument(PrintableDocument File, string FileName);
