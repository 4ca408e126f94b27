namespace MakerShop.Core;

/// <summary>
/// Who pays import duty and tax. DAP: the customer, on delivery. DDP: the shop, because it already charged them at
/// checkout (IOSS, UK VAT at sale). Providers that lack DAP take DDU in its place; the adapters translate.
/// </summary>
public enum Incoterm
{
    DAP,
    DDP,
}
