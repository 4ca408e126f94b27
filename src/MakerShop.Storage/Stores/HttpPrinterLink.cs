namespace MakerShop.Storage.Stores;

/// <summary>How the shop reaches an OctoPrint or Moonraker printer a maker registered: its address and API key.</summary>
public sealed record HttpPrinterLink(string PrinterId, Uri BaseUrl, string ApiKey);
